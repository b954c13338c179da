import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { EMPLOYMENT_FORMS, EmploymentForm } from '@gonghui/contracts';
import { PageQuery } from '@gonghui/service-kit';

export class EnrolMemberRequest {
  @ApiProperty({ example: '张伟', description: 'Real name (实名)' })
  @IsString()
  @IsNotEmpty({ message: '姓名不能为空 / name must not be empty' })
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '11010519491231002X', description: '18-digit resident ID (居民身份证号); stored encrypted, shown masked' })
  @IsString()
  @MaxLength(30)
  nationalId!: string;

  @ApiProperty({ example: '13800138000', description: 'Mainland mobile number' })
  @IsString()
  @MaxLength(20)
  mobile!: string;

  @ApiProperty({ format: 'uuid', description: 'The grassroots or industry union the member joins' })
  @IsUUID('4', { message: 'orgUnitId 须为 UUID / orgUnitId must be a UUID' })
  orgUnitId!: string;

  @ApiProperty({ enum: EMPLOYMENT_FORMS, description: 'regular, or a gig form (新就业形态)' })
  @IsIn(EMPLOYMENT_FORMS as EmploymentForm[], { message: `employmentForm 须为 / employmentForm must be one of: ${EMPLOYMENT_FORMS.join(', ')}` })
  employmentForm!: EmploymentForm;

  @ApiPropertyOptional({ enum: ['male', 'female'], description: 'If given, must match the resident ID' })
  @IsOptional()
  @IsIn(['male', 'female'])
  gender?: 'male' | 'female';

  @ApiPropertyOptional({ example: '1949-12-31', description: 'If given, must match the resident ID' })
  @IsOptional()
  @IsDateString({ strict: true })
  birthDate?: string;
}

export class ListMembersQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Members of this unit and its subtree' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
}

export class MemberView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'M0000000001' }) memberNo!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '1101**********002X' }) maskedNationalId!: string;
  @ApiProperty({ example: '138****8000' }) maskedMobile!: string;
  @ApiProperty({ enum: ['male', 'female'] }) gender!: 'male' | 'female';
  @ApiProperty({ example: '1949-12-31' }) birthDate!: string;
  @ApiProperty({ enum: EMPLOYMENT_FORMS }) employmentForm!: EmploymentForm;
  @ApiProperty({ format: 'uuid' }) orgUnitId!: string;
  @ApiProperty({ enum: ['active', 'left'] }) status!: 'active' | 'left';
  @ApiProperty({ format: 'date-time' }) enrolledAt!: string;
}

export class MemberPage {
  @ApiProperty({ type: [MemberView] }) items!: MemberView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
