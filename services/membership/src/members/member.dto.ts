import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { EMPLOYMENT_FORMS, EmploymentForm, LEAVING_REASONS, LeavingReason } from '@gonghui/contracts';
import { IsCreditCode, IsMainlandMobile } from '@gonghui/identifiers';
import { PageQuery } from '@gonghui/service-kit';

export const SKILL_LEVELS = ['novice', 'skilled', 'master'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];
export const HONOURS = ['model-worker', 'craftsman', 'labour-medal'] as const;
export type Honour = (typeof HONOURS)[number];
export const MEMBER_STATUSES = ['active', 'left'] as const;

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

  @ApiProperty({ format: 'uuid', example: '3f6c2a1e-8b7d-4c5e-9f10-2a3b4c5d6e7f', description: 'The grassroots or industry union the member joins' })
  @IsUUID('4', { message: 'orgUnitId 须为 UUID / orgUnitId must be a UUID' })
  orgUnitId!: string;

  @ApiProperty({ enum: EMPLOYMENT_FORMS, example: 'gig-ride-hailing', description: 'regular, or a gig form (新就业形态)' })
  @IsIn(EMPLOYMENT_FORMS as EmploymentForm[], { message: `employmentForm 须为 / employmentForm must be one of: ${EMPLOYMENT_FORMS.join(', ')}` })
  employmentForm!: EmploymentForm;

  @ApiPropertyOptional({ enum: ['male', 'female'], example: 'female', description: 'If given, must match the resident ID' })
  @IsOptional()
  @IsIn(['male', 'female'])
  gender?: 'male' | 'female';

  @ApiPropertyOptional({ example: '1949-12-31', description: 'If given, must match the resident ID' })
  @IsOptional()
  @IsDateString({ strict: true })
  birthDate?: string;

  @ApiPropertyOptional({ example: '交通运输', description: 'Industry (行业)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string;

  @ApiPropertyOptional({ example: '某出行科技有限公司', description: 'Employer (用人单位), if any: gig workers may have none' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  employerName?: string;

  @ApiPropertyOptional({ example: '91350100M000100Y43', description: 'Employer’s unified social credit code' })
  @IsOptional()
  @IsCreditCode()
  employerCreditCode?: string;

  @ApiPropertyOptional({ enum: SKILL_LEVELS, default: 'novice', example: 'skilled', description: '新手—熟手—高手' })
  @IsOptional()
  @IsIn(SKILL_LEVELS)
  skillLevel?: SkillLevel;

  @ApiPropertyOptional({ enum: HONOURS, isArray: true, example: ['craftsman'], description: 'model-worker 劳模, craftsman 工匠, labour-medal 劳动奖章' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(HONOURS.length)
  @IsIn(HONOURS, { each: true })
  honours?: Honour[];
}

/**
 * An edit of a member's details (会员信息维护): any of these fields, at least one; each absent
 * field stays as it is. null and empty values are refused (400): there is nothing to clear.
 */
export class UpdateMemberRequest {
  @ApiPropertyOptional({ example: '13912345678', description: 'Mainland mobile number; stored encrypted, shown and announced masked' })
  @IsOptional()
  @IsNotEmpty({ message: '手机号不能为空 / mobile must not be empty' })
  @IsString({ message: '手机号须为字符串 / mobile must be a string' })
  @MaxLength(20)
  @IsMainlandMobile()
  mobile?: string;

  @ApiPropertyOptional({ example: '某出行科技有限公司', description: 'Employer (用人单位)' })
  @IsOptional()
  @IsNotEmpty({ message: '用人单位不能为空 / employerName must not be empty' })
  @IsString({ message: '用人单位须为字符串 / employerName must be a string' })
  @MaxLength(200)
  employerName?: string;

  @ApiPropertyOptional({ example: '91350100M000100Y43', description: 'Employer’s unified social credit code' })
  @IsOptional()
  @IsNotEmpty({ message: '统一社会信用代码不能为空 / employerCreditCode must not be empty' })
  @IsCreditCode()
  employerCreditCode?: string;

  @ApiPropertyOptional({ example: '交通运输', description: 'Industry (行业)' })
  @IsOptional()
  @IsNotEmpty({ message: '行业不能为空 / industry must not be empty' })
  @IsString({ message: '行业须为字符串 / industry must be a string' })
  @MaxLength(100)
  industry?: string;

  @ApiPropertyOptional({ enum: SKILL_LEVELS, example: 'master', description: '新手—熟手—高手' })
  @IsOptional()
  @IsNotEmpty({ message: '技能等级不能为空 / skillLevel must not be empty' })
  @IsIn(SKILL_LEVELS, { message: `技能等级须为 / skillLevel must be one of: ${SKILL_LEVELS.join(', ')}` })
  skillLevel?: SkillLevel;

  @ApiPropertyOptional({ enum: HONOURS, isArray: true, example: ['model-worker', 'labour-medal'], description: 'The member’s honours as a whole (replaces the list); [] for none' })
  @IsOptional()
  @IsArray({ message: '荣誉须为数组 / honours must be an array' })
  @ArrayMaxSize(HONOURS.length)
  @IsIn(HONOURS, { each: true, message: `荣誉须为 / each honour must be one of: ${HONOURS.join(', ')}` })
  honours?: Honour[];
}

export class TransferMemberRequest {
  @ApiProperty({ format: 'uuid', example: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', description: 'The union the member moves to' })
  @IsUUID()
  toOrgUnitId!: string;

  @ApiPropertyOptional({ example: '调入新单位', description: 'Why the member moves (转接原因)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class LeaveRequest {
  @ApiProperty({ enum: LEAVING_REASONS, example: LEAVING_REASONS[0], description: 'Why the member leaves (退会原因)' })
  @IsIn(LEAVING_REASONS as LeavingReason[])
  reason!: LeavingReason;
}

export class DualRegistrationRequest {
  @ApiProperty({ format: 'uuid', example: '5c4b3a29-1807-4f6e-8d5c-4b3a29180716', description: 'The community union (社区工会) where the member lives' })
  @IsUUID()
  communityOrgUnitId!: string;
}

export class LookupByNationalIdRequest {
  @ApiProperty({ example: '11010519491231002X', description: 'Sent in the body, never in a URL, so it stays out of access logs' })
  @IsString()
  @MaxLength(30)
  nationalId!: string;

  @ApiProperty({ example: '核对困难职工帮扶申请人的会籍', minLength: 1, maxLength: 500, description: 'Why the person is looked up; kept in the federation’s lookup log with who and when' })
  @IsString({ message: '请说明查询原因 / state the reason for the lookup' })
  @Matches(/\S/, { message: '请说明查询原因 / state the reason for the lookup' })
  @MaxLength(500, { message: '查询原因最多500个字 / the reason is at most 500 characters' })
  reason!: string;
}

export class RevealRequest {
  @ApiProperty({ example: '核对医疗互助报销材料', description: 'Why the full identifiers are needed; kept in the access log' })
  @IsString()
  @MinLength(4, { message: '请说明查看原因（至少4个字） / state the reason (at least 4 characters)' })
  @MaxLength(500)
  reason!: string;
}

export class RevealedIdentityView {
  @ApiProperty({ example: '11010519491231002X', description: 'The full resident ID (完整身份证号)' }) nationalId!: string;
  @ApiProperty({ example: '13800138000', description: 'The full mobile number' }) mobile!: string;
}

export class HistoryEntryView {
  @ApiProperty({ enum: ['enrolled', 'transferred', 'dual-registered', 'left', 'reinstated', 'updated'], example: 'transferred' }) kind!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '3f6c2a1e-8b7d-4c5e-9f10-2a3b4c5d6e7f', description: 'The union left (transfers)' }) fromOrgUnitId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', description: 'The union joined (enrolment, transfers)' }) toOrgUnitId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '调入新单位' }) reason!: string | null;
  @ApiPropertyOptional({ type: [String], example: ['mobile', 'skillLevel'], description: 'For an edit (updated): the fields it changed; their values are not kept here' })
  changedFields?: string[];
  @ApiProperty({ example: 'yubei.membership', description: 'Who did it (username)' }) actor!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-26T09:30:00.000+08:00', description: 'When, in China Standard Time' }) occurredAt!: string;
}

export class HistoryPage {
  @ApiProperty({ type: [HistoryEntryView] }) items!: HistoryEntryView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class AccessLogEntryView {
  @ApiProperty({ example: 'shizonggong.aid', description: 'Who saw them (username)' }) actor!: string;
  @ApiProperty({ example: '核对医疗互助报销材料' }) reason!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-26T10:05:12.000+08:00', description: 'When, in China Standard Time' }) accessedAt!: string;
}

export class AccessLogPage {
  @ApiProperty({ type: [AccessLogEntryView] }) items!: AccessLogEntryView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

/** The most members `?ids=` may ask for at once. */
export const MAX_IDS_PER_QUERY = 100;

/** `?ids=a,b` and `?ids=a&ids=b` (or both) as one list, each part trimmed, empty parts dropped. */
const idList = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])).map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '');

export class ListMembersQuery extends PageQuery {
  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_IDS_PER_QUERY,
    example: ['9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a', '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a'],
    description:
      `Only these members (up to ${MAX_IDS_PER_QUERY} uuids, comma-separated or repeated): the ones among them in your subtree, by the same rule as the rest of the list; ` +
      'an id outside it, or of no member, is simply not in the answer. Ask with limit=100 to have them on one page.',
  })
  @IsOptional()
  @Transform(idList)
  @IsArray()
  @ArrayMinSize(1, { message: `ids 须列出 1 到 ${MAX_IDS_PER_QUERY} 个会员 ID / ids must list 1 to ${MAX_IDS_PER_QUERY} member ids` })
  @ArrayMaxSize(MAX_IDS_PER_QUERY, { message: `ids 最多 ${MAX_IDS_PER_QUERY} 个 / ids lists at most ${MAX_IDS_PER_QUERY} member ids` })
  @IsUUID('all', { each: true, message: 'ids 的每一项须为 UUID / each of ids must be a UUID' })
  ids?: string[];

  @ApiPropertyOptional({ format: 'uuid', example: '3f6c2a1e-8b7d-4c5e-9f10-2a3b4c5d6e7f', description: 'Members of this unit and its subtree' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ enum: MEMBER_STATUSES, example: 'active' })
  @IsOptional()
  @IsIn(MEMBER_STATUSES)
  status?: 'active' | 'left';

  @ApiPropertyOptional({ enum: [...EMPLOYMENT_FORMS, 'gig'], example: 'gig', description: 'or `gig` for every gig form' })
  @IsOptional()
  @IsIn([...EMPLOYMENT_FORMS, 'gig'])
  employmentForm?: EmploymentForm | 'gig';

  @ApiPropertyOptional({ enum: SKILL_LEVELS, example: 'skilled' })
  @IsOptional()
  @IsIn(SKILL_LEVELS)
  skillLevel?: SkillLevel;

  @ApiPropertyOptional({ example: '张', description: 'Name starts with' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'Enrolled on or after this date' })
  @IsOptional()
  @IsDateString({ strict: true })
  enrolledFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Enrolled on or before this date' })
  @IsOptional()
  @IsDateString({ strict: true })
  enrolledTo?: string;
}

export class DualRegistrationView {
  @ApiProperty({ format: 'uuid', example: '5c4b3a29-1807-4f6e-8d5c-4b3a29180716', description: 'The community union (社区工会)' }) communityOrgUnitId!: string;
  @ApiProperty({ example: '龙溪街道某社区工会联合会' }) communityName!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-20T14:00:00.000+08:00', description: 'In China Standard Time' }) registeredAt!: string;
}

export class MemberView {
  @ApiProperty({ format: 'uuid', example: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a' }) id!: string;
  @ApiProperty({ example: 'M0000000001' }) memberNo!: string;
  @ApiProperty({ example: '张伟' }) name!: string;
  @ApiProperty({ example: '1101**********002X' }) maskedNationalId!: string;
  @ApiProperty({ example: '138****8000' }) maskedMobile!: string;
  @ApiProperty({ enum: ['male', 'female'], example: 'female' }) gender!: 'male' | 'female';
  @ApiProperty({ example: '1949-12-31' }) birthDate!: string;
  @ApiProperty({ enum: EMPLOYMENT_FORMS, example: 'gig-ride-hailing' }) employmentForm!: EmploymentForm;
  @ApiProperty({ format: 'uuid', example: '3f6c2a1e-8b7d-4c5e-9f10-2a3b4c5d6e7f', description: 'The member’s own union' }) orgUnitId!: string;
  @ApiProperty({ nullable: true, type: String, example: '交通运输' }) industry!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '某出行科技有限公司' }) employerName!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '91350100M000100Y43' }) employerCreditCode!: string | null;
  @ApiProperty({ enum: SKILL_LEVELS, example: 'skilled' }) skillLevel!: SkillLevel;
  @ApiProperty({ enum: HONOURS, isArray: true, example: ['craftsman'] }) honours!: Honour[];
  @ApiProperty({ enum: MEMBER_STATUSES, example: 'active' }) status!: 'active' | 'left';
  @ApiProperty({ format: 'date-time', example: '2026-03-15T10:20:00.000+08:00', description: 'In China Standard Time' }) enrolledAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null, description: 'In China Standard Time; null while active' }) leftAt!: string | null;
  @ApiProperty({ type: [DualRegistrationView], description: 'The community unions the member registered with (双报到)' })
  dualRegistrations!: DualRegistrationView[];
  @ApiProperty({
    enum: ['member', 'dual-registration'],
    example: 'member',
    description: 'How your subtree serves this member: as its own member, or as a dual registration with one of its community unions (双报到)',
  })
  servedAs!: 'member' | 'dual-registration';
}

export class MemberPage {
  @ApiProperty({ type: [MemberView] }) items!: MemberView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}
