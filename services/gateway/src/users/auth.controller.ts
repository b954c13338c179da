import { Body, Controller, Get, Header, HttpCode, Inject, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { bearerToken, Principal, verifyAccessTokenClaims } from '@gonghui/auth';
import { AuthenticatedRequest, Authorize, CurrentPrincipal, JWT_SECRET, Problem } from '@gonghui/service-kit';
import { ChangePasswordRequest, TokenRequest, TokenResponse, UserView } from './user.dto';
import { UsersService } from './users.service';

@ApiTags('auth (登录与用户)')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    @Inject(JWT_SECRET) private readonly secret: string,
  ) {}

  @Post('token')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Log in: exchange username and password for a bearer token (登录)',
    description: 'Five wrong passwords for one username within 15 minutes lock it for 15 minutes (423), the right password included; many wrong passwords from one address are throttled (429).',
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password (problem+json)' })
  @ApiResponse({ status: 423, description: 'Account locked after repeated wrong passwords; the detail says until when (problem+json)' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins from this address; the detail says until when (problem+json)' })
  token(@Body() body: TokenRequest, @Req() request: FastifyRequest): Promise<TokenResponse> {
    return this.users.issueToken(body.username, body.password, request.ip);
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

  @Post('logout')
  @HttpCode(204)
  @Authorize()
  @ApiOperation({ summary: 'Log out (退出登录): the presented token, and its session, are refused from now on' })
  @ApiNoContentResponse({ description: 'Logged out' })
  logout(@Req() request: AuthenticatedRequest): Promise<void> {
    // The guard has just verified this token: a hit in the verified-token cache, with its session.
    return this.users.logout(verifyAccessTokenClaims(bearerToken(request.headers.authorization) ?? '', this.secret));
  }

  @Post('password')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @Authorize()
  @ApiOperation({
    summary: 'Change your own password (修改密码)',
    description: 'The current password is required. Every session of the account ends; the answer is a fresh token.',
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiBadRequestResponse({ description: 'The new password breaks the rules, or equals the current one (problem+json)' })
  @ApiForbiddenResponse({ description: 'The current password is wrong (problem+json)' })
  @ApiResponse({ status: 423, description: 'Locked after repeated wrong passwords (problem+json)' })
  changePassword(@Body() body: ChangePasswordRequest, @CurrentPrincipal() principal: Principal): Promise<TokenResponse> {
    return this.users.changeOwnPassword(principal, body.currentPassword, body.newPassword);
  }
}
