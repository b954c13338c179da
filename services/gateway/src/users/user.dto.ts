import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Role, ROLES } from '@gonghui/auth';

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
  @ApiProperty() accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn!: number;
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

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: '密码至少10位 / password must have at least 10 characters' })
  @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ROLES as unknown as Role[], { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The unit whose subtree the user may see; omitted = the whole federation' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: Role[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) orgUnitId!: string | null;
  @ApiProperty({ description: 'Data scope: the organisation subtree the user sees' }) scopePath!: string;
}
