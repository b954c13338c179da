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

  @ApiProperty({ enum: EMPLOYMENT_FORMS, example: 'gig-delivery' })
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

  @ApiProperty({ format: 'uuid', example: '3f6c2a1e-8b7d-4c5e-9f10-2a3b4c5d6e7f', description: 'The unit whose survey found the worker (e.g. a street or community union)' })
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

  @ApiProperty({ format: 'uuid', example: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', description: 'The grassroots or industry union the worker joins' })
  @IsUUID()
  orgUnitId!: string;

  @ApiPropertyOptional({ example: '13700001111', description: 'Needed if the survey did not record a mobile number' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  mobile?: string;
}

export class ListProspectsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'converted'], example: 'open' })
  @IsOptional()
  @IsIn(['open', 'converted'])
  status?: 'open' | 'converted';
}

export class ProspectView {
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091' }) id!: string;
  @ApiProperty({ example: '陈师傅' }) name!: string;
  @ApiProperty({ nullable: true, type: String, example: '137****1111' }) maskedMobile!: string | null;
  @ApiProperty({ example: '外卖配送' }) occupationCategory!: string;
  @ApiProperty({ enum: EMPLOYMENT_FORMS, example: 'gig-delivery' }) employmentForm!: EmploymentForm;
  @ApiProperty({ type: [String], example: ['技能培训', '子女托管'] }) needs!: string[];
  @ApiProperty({ nullable: true, type: String, example: '龙溪街道金港社区3栋' }) address!: string | null;
  @ApiProperty({ format: 'uuid', example: '3f6c2a1e-8b7d-4c5e-9f10-2a3b4c5d6e7f' }) foundByOrgUnitId!: string;
  @ApiProperty({ example: '2026-11-20', description: 'The survey date (China)' }) surveyedOn!: string;
  @ApiProperty({ enum: ['open', 'converted'], example: 'open' }) status!: 'open' | 'converted';
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'The member the worker became, once converted' }) memberId!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T15:40:00.000+08:00', description: 'In China Standard Time' }) createdAt!: string;
}

export class ProspectPage {
  @ApiProperty({ type: [ProspectView] }) items!: ProspectView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}
