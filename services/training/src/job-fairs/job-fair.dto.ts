import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { REFERRAL_EMPLOYMENT_FORMS } from '@gonghui/contracts';
import { IsCreditCode } from '@gonghui/identifiers';
import { PageQuery } from '@gonghui/service-kit';
import { OFFER_STATUSES, OfferStatus } from './domain/matching';

const FORMS_TEXT = 'full-time 全职, part-time 兼职, flexible 灵活就业, public-welfare-post 公益性岗位';

export class CreateJobFairRequest {
  @ApiProperty({ example: '2026 年冬季“送岗位”专场招聘会', description: '招聘会名称 title' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '太和区', description: '所在区县 district' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  district!: string;

  @ApiProperty({ example: '2026-12-12', format: 'date', description: '举办日期 date (China)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'heldOn 须为日期 YYYY-MM-DD / heldOn must be a date YYYY-MM-DD' })
  @IsDateString({ strict: true })
  heldOn!: string;

  @ApiProperty({ example: '锦州市职工文化宫一楼大厅', description: '地点 venue' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  venue!: string;

  @ApiPropertyOptional({ example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', description: '所属组织 the unit this record belongs to: yours or one below it (default: yours; required for an officer without a unit)' })
  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId 须为 UUID / orgUnitId must be a UUID' })
  orgUnitId?: string;
}

export class AddEmployerRequest {
  @ApiProperty({ example: '锦州汉拿电机有限公司', description: '用人单位 employer' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '91210700MA0Y7K3P5H', description: '统一社会信用代码 (GB 32100, check character verified)' })
  @IsCreditCode()
  creditCode!: string;
}

export class AddVacancyRequest {
  @ApiProperty({ format: 'uuid', example: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d', description: 'An employer at this fair' })
  @IsUUID()
  employerId!: string;

  @ApiProperty({ example: '维修电工', description: '岗位 position' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  position!: string;

  @ApiProperty({ example: ['维修电工'], type: [String], description: '技能要求 skills required (none: any)' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  skills!: string[];

  @ApiProperty({ example: '太和区', description: '工作地点（区县） district of the workplace' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  district!: string;

  @ApiProperty({ enum: REFERRAL_EMPLOYMENT_FORMS, example: 'full-time', description: `用工形式 ${FORMS_TEXT}` })
  @IsIn(REFERRAL_EMPLOYMENT_FORMS)
  employmentForm!: string;

  @ApiProperty({ example: 5, minimum: 1, maximum: 10000, description: '招聘人数 openings' })
  @IsInt()
  @Min(1)
  @Max(10000)
  openings!: number;
}

export class MakeOfferRequest {
  @ApiProperty({ format: 'uuid', example: '7b6c5d4e-3f2a-4b1c-8d0e-9f8a7b6c5d4e', description: 'The vacancy' })
  @IsUUID()
  vacancyId!: string;

  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'An active member of your subtree' })
  @IsUUID()
  memberId!: string;

  @ApiPropertyOptional({ format: 'uuid', example: '5e4d3c2b-1a09-4f8e-8d7c-6b5a4e3d2c1b', description: 'The aid referral this offer answers, if any' })
  @IsOptional()
  @IsUUID()
  referralId?: string;
}

export class JobFairView {
  @ApiProperty({ format: 'uuid', example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', description: 'Fair id' }) id!: string;
  @ApiProperty({ example: '2026 年冬季“送岗位”专场招聘会', description: '名称' }) title!: string;
  @ApiProperty({ example: '太和区', description: '区县' }) district!: string;
  @ApiProperty({ example: '2026-12-12', format: 'date', description: '举办日期' }) heldOn!: string;
  @ApiProperty({ example: '锦州市职工文化宫一楼大厅', description: '地点' }) venue!: string;
  @ApiProperty({ example: 60, description: '用人单位数 employers' }) employers!: number;
  @ApiProperty({ example: 700, description: '岗位数 openings over all vacancies' }) openings!: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', description: 'The unit holding it' }) orgUnitId!: string | null;
  @ApiProperty({ example: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/', description: 'Its path, for data scope' }) orgUnitPath!: string;
  @ApiProperty({ example: '2026-11-26T09:30:00.000+08:00', description: 'Created at, China time' }) createdAt!: string;
}

export class JobFairPage {
  @ApiProperty({ type: [JobFairView], description: 'One page' }) items!: JobFairView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class EmployerView {
  @ApiProperty({ format: 'uuid', example: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d', description: 'Employer id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', description: 'Fair id' }) fairId!: string;
  @ApiProperty({ example: '锦州汉拿电机有限公司', description: '用人单位' }) name!: string;
  @ApiProperty({ example: '91210700MA0Y7K3P5H', description: '统一社会信用代码' }) creditCode!: string;
}

export class VacancyView {
  @ApiProperty({ format: 'uuid', example: '7b6c5d4e-3f2a-4b1c-8d0e-9f8a7b6c5d4e', description: 'Vacancy id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', description: 'Fair id' }) fairId!: string;
  @ApiProperty({ format: 'uuid', example: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d', description: 'Employer id' }) employerId!: string;
  @ApiProperty({ example: '锦州汉拿电机有限公司', description: '用人单位' }) employerName!: string;
  @ApiProperty({ example: '维修电工', description: '岗位' }) position!: string;
  @ApiProperty({ example: ['维修电工'], type: [String], description: '技能要求' }) skills!: string[];
  @ApiProperty({ example: '太和区', description: '区县' }) district!: string;
  @ApiProperty({ enum: REFERRAL_EMPLOYMENT_FORMS, example: 'full-time', description: '用工形式' }) employmentForm!: string;
  @ApiProperty({ example: 5, description: '招聘人数' }) openings!: number;
  @ApiProperty({ example: 1, description: '已录用 offers accepted' }) accepted!: number;
}

export class VacancyPage {
  @ApiProperty({ type: [VacancyView], description: 'One page' }) items!: VacancyView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class ReferralView {
  @ApiProperty({ format: 'uuid', example: '5e4d3c2b-1a09-4f8e-8d7c-6b5a4e3d2c1b', description: 'Aid’s referral id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'Member' }) memberId!: string;
  @ApiProperty({ example: ['电工', '叉车驾驶'], type: [String], description: '技能' }) skills!: string[];
  @ApiProperty({ nullable: true, type: String, example: '太和区', description: '意向区县' }) preferredDistrict!: string | null;
  @ApiProperty({ nullable: true, type: String, enum: REFERRAL_EMPLOYMENT_FORMS, example: 'full-time', description: '意向用工形式' }) employmentForm!: string | null;
  @ApiProperty({ example: '2026-11-25T12:00:00.000+08:00', description: 'Recorded by aid at, China time' }) recordedAt!: string;
}

export class ReferralPage {
  @ApiProperty({ type: [ReferralView], description: 'One page' }) items!: ReferralView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class MatchView {
  @ApiProperty({ type: VacancyView, description: 'The vacancy' }) vacancy!: VacancyView;
  @ApiProperty({ example: 100, description: '匹配度 out of 100: skills 60, district 25, form 15' }) score!: number;
  @ApiProperty({ example: ['维修电工'], type: [String], description: '匹配的技能' }) matchedSkills!: string[];
  @ApiProperty({ example: true, description: '区县相符' }) districtMatches!: boolean;
  @ApiProperty({ example: true, description: '用工形式相符' }) employmentFormMatches!: boolean;
}

export class MatchList {
  @ApiProperty({ format: 'uuid', example: '5e4d3c2b-1a09-4f8e-8d7c-6b5a4e3d2c1b', description: 'Referral' }) referralId!: string;
  @ApiProperty({ type: [MatchView], description: 'Matching vacancies with openings left, best first' }) items!: MatchView[];
}

export class MatchQuery {
  @ApiProperty({ format: 'uuid', example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', description: 'Match against this fair’s vacancies' })
  @IsUUID()
  fairId!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20, example: 20, description: 'At most this many matches' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class OfferView {
  @ApiProperty({ format: 'uuid', example: '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a99', description: 'Offer id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '7b6c5d4e-3f2a-4b1c-8d0e-9f8a7b6c5d4e', description: 'Vacancy' }) vacancyId!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'Member' }) memberId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '5e4d3c2b-1a09-4f8e-8d7c-6b5a4e3d2c1b', description: 'Aid referral, if any' }) referralId!: string | null;
  @ApiProperty({ example: '锦州汉拿电机有限公司', description: '用人单位' }) employerName!: string;
  @ApiProperty({ example: '维修电工', description: '岗位' }) position!: string;
  @ApiProperty({ enum: OFFER_STATUSES, example: 'offered', description: 'offered 待答复, accepted 已接受, declined 已拒绝' }) status!: OfferStatus;
  @ApiProperty({ example: '2026-12-12T10:00:00.000+08:00', description: 'Offered at, China time' }) offeredAt!: string;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Answered at, China time' }) decidedAt!: string | null;
}

export class OfferPage {
  @ApiProperty({ type: [OfferView], description: 'One page' }) items!: OfferView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class JobFairListQuery extends PageQuery {}
