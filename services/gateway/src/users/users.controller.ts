import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, PageQuery } from '@gonghui/service-kit';
import { ChangeRolesRequest, CreateUserRequest, ResetPasswordRequest, UserPage, UserView } from './user.dto';
import { UsersService } from './users.service';

const FORBIDDEN = 'Not an administrator or officer; a role you do not hold; a scope outside yours; an account with roles you do not hold, or your own (problem+json)';

/**
 * Account management (用户管理) for the federation administrator, and for officers within their
 * own subtree: they grant only roles they hold and scopes inside theirs (domain/account-rules.ts).
 */
@ApiTags('auth (登录与用户)')
@Controller('api/v1/auth/users')
@Authorize()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a staff user bound to an organisation unit (新建用户)', description: 'The user sees the unit’s subtree only. Only the administrator creates federation-wide users (no orgUnitId).' })
  @ApiCreatedResponse({ type: UserView })
  @ApiBadRequestResponse({ description: 'Invalid fields (problem+json)' })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiConflictResponse({ description: 'Username taken (problem+json)' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown organisation unit (problem+json)' })
  create(@Body() body: CreateUserRequest, @CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.users.createUser(body, principal);
  }

  @Get()
  @ApiOperation({ summary: 'The users in your subtree, oldest first (用户列表)' })
  @ApiOkResponse({ type: UserPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor (problem+json)' })
  list(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<UserView>> {
    return this.users.listUsers(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user of your subtree' })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundResponse({ description: 'No such user in your subtree (problem+json)' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.users.getUser(id, principal);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account (停用): it cannot log in, and its tokens are refused at once' })
  @ApiOkResponse({ type: UserView })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiNotFoundResponse({ description: 'No such user in your subtree (problem+json)' })
  disable(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.users.disable(id, principal);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account again (启用)' })
  @ApiOkResponse({ type: UserView })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiNotFoundResponse({ description: 'No such user in your subtree (problem+json)' })
  enable(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.users.enable(id, principal);
  }

  @Post(':id/reset-password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password for the user (重置密码); their sessions end and any lockout is lifted' })
  @ApiNoContentResponse({ description: 'Password reset' })
  @ApiBadRequestResponse({ description: 'The password breaks the rules (problem+json)' })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiNotFoundResponse({ description: 'No such user in your subtree (problem+json)' })
  async resetPassword(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ResetPasswordRequest, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.users.resetPassword(id, principal, body.newPassword);
  }

  @Put(':id/roles')
  @ApiOperation({ summary: 'Replace the user’s roles (修改角色); their sessions end, as tokens carry roles' })
  @ApiOkResponse({ type: UserView })
  @ApiBadRequestResponse({ description: 'Unknown role (problem+json)' })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiNotFoundResponse({ description: 'No such user in your subtree (problem+json)' })
  changeRoles(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeRolesRequest, @CurrentPrincipal() principal: Principal): Promise<UserView> {
    return this.users.changeRoles(id, principal, body.roles);
  }

  @Post(':id/revoke-sessions')
  @HttpCode(204)
  @ApiOperation({ summary: 'End every session of the user (强制下线): every token issued so far is refused' })
  @ApiNoContentResponse({ description: 'Sessions ended' })
  @ApiForbiddenResponse({ description: FORBIDDEN })
  @ApiNotFoundResponse({ description: 'No such user in your subtree (problem+json)' })
  async revokeSessions(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.users.revokeSessions(id, principal);
  }
}
