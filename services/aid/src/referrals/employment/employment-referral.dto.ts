import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { REFERRAL_EMPLOYMENT_FORMS, ReferralEmploymentForm } from '@gonghui/contracts';
import { chinaTime, PageQuery } from '@gonghui/service-kit';
import { MAX_DISTRICT_LENGTH, MAX_SKILL_LENGTH, MAX_SKILLS } from '../../hardship-files/domain/referral';
import { EmploymentReferral } from './employment-referral.entity';

const FORM_MESSAGE = `employmentForm 须为 / employmentForm must be one of: ${REFERRAL_EMPLOYMENT_FORMS.join(', ')}`;

export class RecordEmploymentReferralRequest {
  @ApiProperty({ example: true, description: '能就业且愿就业 the member can and will work (must be true to refer)' })
  @IsBoolean()
  ableAndWilling!: boolean;

  @ApiProperty({ type: [String], example: ['电工', '叉车驾驶'], maxItems: MAX_SKILLS, description: '技能 skills, for job matching' })
  @IsArray()
  @ArrayMaxSize(MAX_SKILLS)
  @IsString({ each: true })
  @MaxLength(MAX_SKILL_LENGTH, { each: true })
  skills!: string[];

  @ApiPropertyOptional({ example: '渝北区', maxLength: MAX_DISTRICT_LENGTH, nullable: true, type: String, description: '意向就业区县 preferred district' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DISTRICT_LENGTH)
  preferredDistrict?: string | null;

  @ApiPropertyOptional({
    enum: REFERRAL_EMPLOYMENT_FORMS,
    example: 'full-time',
    nullable: true,
    description: '就业形式 full-time 全职 / part-time 兼职 / flexible 灵活就业 / public-welfare-post 公益性岗位',
  })
  @IsOptional()
  @IsIn(REFERRAL_EMPLOYMENT_FORMS as ReferralEmploymentForm[], { message: FORM_MESSAGE })
  employmentForm?: ReferralEmploymentForm | null;
}

export class EmploymentReferralView {
  @ApiProperty({ format: 'uuid', example: '5e4d3c2b-1a09-4f8e-8d7c-6b5a4e3d2c1b', description: '转介 referral id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', description: '困难档案 hardship file' }) hardshipFileId!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: '会员 member' }) memberId!: string;
  @ApiProperty({ format: 'uuid', example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', description: '所属工会 the member’s union unit' }) orgUnitId!: string;
  @ApiProperty({ type: [String], example: ['电工', '叉车驾驶'], description: '技能 skills' }) skills!: string[];
  @ApiProperty({ nullable: true, type: String, example: '渝北区', description: '意向就业区县 preferred district' }) preferredDistrict!: string | null;
  @ApiProperty({ enum: REFERRAL_EMPLOYMENT_FORMS, nullable: true, example: 'full-time', description: '就业形式 employment form' }) employmentForm!: ReferralEmploymentForm | null;
  @ApiProperty({ example: 'officer-wang', description: '转介人 who referred' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-25T12:00:00.000+08:00', description: '转介时间 when' }) recordedAt!: string;
  @ApiProperty({ enum: ['awaiting-job', 'job-taken'], example: 'awaiting-job', description: 'awaiting-job 待就业 / job-taken 已就业' }) status!: 'awaiting-job' | 'job-taken';
  @ApiProperty({ nullable: true, type: String, example: null, description: '用人单位 employer of the job taken' }) employerName!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: '岗位 position taken' }) position!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null, description: '就业时间 when the offer was accepted' }) jobTakenAt!: string | null;
}

export class EmploymentReferralPage {
  @ApiProperty({ type: [EmploymentReferralView] }) items!: EmploymentReferralView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class ListEmploymentReferralsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['awaiting-job', 'job-taken'], example: 'awaiting-job', description: '状态 status' })
  @IsOptional()
  @IsIn(['awaiting-job', 'job-taken'], { message: 'status 须为 awaiting-job 或 job-taken / status must be awaiting-job or job-taken' })
  status?: 'awaiting-job' | 'job-taken';

  @ApiPropertyOptional({ format: 'uuid', example: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', description: '只看该档案 only this hardship file' })
  @IsOptional()
  @IsUUID()
  hardshipFileId?: string;
}

export function toEmploymentReferralView(r: EmploymentReferral): EmploymentReferralView {
  return {
    id: r.id,
    hardshipFileId: r.fileId,
    memberId: r.memberId,
    orgUnitId: r.orgUnitId,
    skills: r.skills,
    preferredDistrict: r.preferredDistrict,
    employmentForm: r.employmentForm,
    recordedBy: r.recordedBy,
    recordedAt: chinaTime(r.recordedAt),
    status: r.jobTakenAt ? 'job-taken' : 'awaiting-job',
    employerName: r.jobEmployer,
    position: r.jobPosition,
    jobTakenAt: chinaTime(r.jobTakenAt),
  };
}
