import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { EMPLOYMENT_FORMS, EmploymentForm } from '@gonghui/contracts';
import { IsMainlandMobile } from '@gonghui/identifiers';
import { PageQuery } from '@gonghui/service-kit';

export class RecordProspectRequest {
  @ApiProperty({ example: '陈师傅' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiPropertyOptional({ example: '13700001111' })
  @IsOptional()
  @IsMainlandMobile()
  mobile?: string;

  @ApiProperty({ example: '外卖配送', description: '职业类别 occupation category' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  occupationCategory!: string;

  @ApiProperty({ enum: EMPLOYMENT_FORMS })
  @IsIn(EMPLOYMENT_FORMS as EmploymentForm[])
  employmentForm!: EmploymentForm;

  @ApiPropertyOptional({ example: ['技能培训', '子女托管'], description: '需求 what the worker needs' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  needs?: string[];

  @ApiPropertyOptional({ example: '龙溪街道金港社区3栋' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiProperty({ format: 'uuid', description: 'The unit whose survey found the worker (e.g. a street or community union)' })
  @IsUUID()
  foundByOrgUnitId!: string;

  @ApiProperty({ example: '2026-11-20' })
  @IsDateString({ strict: true })
  surveyedOn!: string;
}

export class ConvertProspectRequest {
  @ApiProperty({ example: '11010519491231002X' })
  @IsString()
  @MaxLength(30)
  nationalId!: string;

  @ApiProperty({ format: 'uuid', description: 'The grassroots or industry union the worker joins' })
  @IsUUID()
  orgUnitId!: string;

  @ApiPropertyOptional({ description: 'Needed if the survey did not record a mobile number' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  mobile?: string;
}

export class ListProspectsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'converted'] })
  @IsOptional()
  @IsIn(['open', 'converted'])
  status?: 'open' | 'converted';
}

export class ProspectView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) maskedMobile!: string | null;
  @ApiProperty() occupationCategory!: string;
  @ApiProperty({ enum: EMPLOYMENT_FORMS }) employmentForm!: EmploymentForm;
  @ApiProperty({ type: [String] }) needs!: string[];
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ format: 'uuid' }) foundByOrgUnitId!: string;
  @ApiProperty() surveyedOn!: string;
  @ApiProperty({ enum: ['open', 'converted'] }) status!: 'open' | 'converted';
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) memberId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ProspectPage {
  @ApiProperty({ type: [ProspectView] }) items!: ProspectView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
