import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Role, ROLES } from '@gonghui/auth';

/** The password rule, the same wherever a password is set: 10 to 200 characters. */
function NewPassword(example = 'Xinmima@2026!'): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minLength: 10, maxLength: 200, example }),
    IsString(),
    MinLength(10, { message: '密码至少10位 / password must have at least 10 characters' }),
    MaxLength(200),
  );
}

function RoleList(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ enum: ROLES, isArray: true, example: ['membership-officer'] }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(ROLES.length),
    IsIn(ROLES as unknown as Role[], { each: true }),
  );
}

export class TokenRequest {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ example: 'Gonghui@2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

export class TokenResponse {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl' }) accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires', example: 28800 }) expiresIn!: number;
}

export class CreateUserRequest {
  @ApiProperty({ example: 'yubei.membership' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: '用户名为3-64位小写字母、数字、点、下划线或连字符 / username: 3-64 lowercase letters, digits, . _ -' })
  username!: string;

  @ApiProperty({ example: '渝北区会员工作专员' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName!: string;

  @NewPassword('Yubei@2026-membership')
  password!: string;

  @RoleList()
  roles!: Role[];

  @ApiPropertyOptional({ format: 'uuid', example: '0f1e2d3c-4b5a-4968-8776-655443322110', description: 'The unit whose subtree the user may see; omitted = the whole federation' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid', example: '5b8f0e7a-3c1d-4e2f-9a6b-7c8d9e0f1a2b' }) id!: string;
  @ApiProperty({ example: 'yubei.membership' }) username!: string;
  @ApiProperty({ example: '渝北区会员工作专员' }) displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true, example: ['membership-officer'] }) roles!: Role[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '0f1e2d3c-4b5a-4968-8776-655443322110' }) orgUnitId!: string | null;
  @ApiProperty({ description: 'Data scope: the organisation subtree the user sees', example: '/DEMO/DEMO-YB/' }) scopePath!: string;
  @ApiProperty({ description: 'False once disabled: the user cannot log in and their tokens are refused', example: true }) active!: boolean;
  @ApiProperty({ format: 'date-time', example: '2026-11-25T16:00:00.000+08:00', description: 'In China Standard Time' }) createdAt!: string;
}

export class UserPage {
  @ApiProperty({ type: [UserView] }) items!: UserView[];
  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page; null on the last', example: null }) nextCursor!: string | null;
}

export class ChangeRolesRequest {
  @RoleList()
  roles!: Role[];
}

export class ResetPasswordRequest {
  @NewPassword()
  newPassword!: string;
}

export class ChangePasswordRequest {
  @ApiProperty({ example: 'Jiumima@2025!' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword!: string;

  @NewPassword()
  newPassword!: string;
}
