import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Problem } from '@gonghui/service-kit';
import { CreateUserRequest, TokenRequest, TokenResponse, UserView } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('auth (登录与用户)')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly users: UsersService) {}

  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in: exchange username and password for a bearer token (登录)' })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password' })
  token(@Body() body: TokenRequest): Promise<TokenResponse> {
    return this.users.issueToken(body.username, body.password);
  }

  @Get('me')
  @Authorize()
  @ApiOperation({ summary: 'Who the token belongs to' })
  @ApiOkResponse({ type: UserView })
  async me(@CurrentPrincipal() principal: Principal): Promise<UserView> {
    const user = await this.users.findView(principal.userId);
    if (!user) throw Problem.notFound('用户不存在 / User not found');
    return user;
  }

  @Post('users')
  @Authorize('federation-admin')
  @ApiOperation({ summary: 'Create a staff user bound to an organisation unit (新建用户)', description: 'The user sees the unit’s subtree only.' })
  @ApiCreatedResponse({ type: UserView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiConflictResponse({ description: 'Username taken' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown organisation unit' })
  create(@Body() body: CreateUserRequest, @CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.users.createUser(body, principal);
  }
}
