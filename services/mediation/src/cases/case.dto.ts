import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DISPUTE_CASE_SOURCES, DISPUTE_CLAIM_TYPES, DisputeCaseSource, DisputeClaimType, DisputeReferralReason, DisputeReferralTarget } from '@gonghui/contracts';
import { IsCreditCode, IsMainlandMobile } from '@gonghui/identifiers';
import { NestedArray, PageQuery } from '@gonghui/service-kit';
import type { CaseStatus } from './domain/case';

const CASE_STATUSES: CaseStatus[] = ['open', 'settled', 'declined', 'referred', 'closed'];
const MAX_FEN = 100_000_000_00;

export class WorkerInput {
  @ApiPropertyOptional({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: '会员职工的会员 id (a member worker); or give name and contact' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ example: '李四', description: '非会员职工姓名 (a non-member worker’s name; personal data, stored encrypted)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name?: string;

  @ApiPropertyOptional({ example: '13800138000', description: '非会员职工手机号 (a non-member worker’s mobile; personal data, stored encrypted)' })
  @IsOptional()
  @IsMainlandMobile()
  contact?: string;
}

export class EmployerInput {
  @ApiProperty({ example: '重庆某物流有限公司', description: '用人单位名称 employer' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: '91500112000000001R', description: '统一社会信用代码 unified social credit code, where known' })
  @IsOptional()
  @IsCreditCode()
  creditCode?: string;
}

export class ClaimInput {
  @ApiProperty({ enum: DISPUTE_CLAIM_TYPES, example: 'unpaid-wages', description: '请求类型: 拖欠工资/社会保险/工伤/解除劳动合同补偿/加班费/生育待遇/其他' })
  @IsIn(DISPUTE_CLAIM_TYPES as DisputeClaimType[])
  type!: DisputeClaimType;

  @ApiPropertyOptional({ example: 1200000, description: '请求金额（分） amount claimed in fen, where it applies' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  amountFen?: number;

  @ApiPropertyOptional({ example: '2026年8月至10月工资未发', description: '说明 details' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class OpenCaseRequest {
  @ApiProperty({ enum: DISPUTE_CASE_SOURCES, example: 'complaint', description: 'screening 日常排查, complaint 职工投诉, referral 转介, court-delegation 法院委派' })
  @IsIn(DISPUTE_CASE_SOURCES as DisputeCaseSource[])
  source!: DisputeCaseSource;

  @ApiProperty({ example: '用人单位拖欠三名骑手三个月工资', description: '案情摘要 summary' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  summary!: string;

  @ApiPropertyOptional({
    type: [WorkerInput],
    example: [{ name: '李四', contact: '13800138000' }],
    description: '职工当事人（集体争议可多人） the workers, 1–200; each a member or a non-member with name and contact',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => WorkerInput)
  workers?: WorkerInput[];

  @ApiPropertyOptional({ type: EmployerInput, description: '用人单位当事人 the employer' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmployerInput)
  employer?: EmployerInput;

  @ApiPropertyOptional({ type: [ClaimInput], description: '请求事项 the typed claims' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ClaimInput)
  claims?: ClaimInput[];

  @ApiPropertyOptional({ example: '2026-11-20', description: '收到调解申请日期 (China date; may be before today, never after; default today). The 15-day clock starts here' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'receivedOn 须为日期 YYYY-MM-DD / receivedOn must be a date YYYY-MM-DD' })
  receivedOn?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', deprecated: true, description: 'Earlier form: the one member worker (use workers)' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ example: '某物流有限公司', deprecated: true, description: 'Earlier form: the employer’s name (use employer)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  employerName?: string;
}

export class DeclineCaseRequest {
  @ApiProperty({ example: '不属于劳动争议调解受理范围', description: '不予受理理由 reason' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class ReferCaseRequest {
  @ApiProperty({ enum: ['arbitration', 'court'], example: 'arbitration', description: 'arbitration 劳动人事争议仲裁委员会, court 人民法院' })
  @IsIn(['arbitration', 'court'])
  referredTo!: DisputeReferralTarget;

  @ApiProperty({
    enum: ['lapsed', 'mediation-failed', 'unperformed'],
    example: 'mediation-failed',
    description: 'lapsed 超过法定调解期限（须已逾期）, mediation-failed 调解不成（随时）, unperformed 协议未履行（已达成协议的案件）',
  })
  @IsIn(['lapsed', 'mediation-failed', 'unperformed'])
  reason!: DisputeReferralReason;

  @ApiPropertyOptional({ example: '用人单位拒不到场，调解不成', description: '说明 note' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ReferToAidRequest {
  @ApiProperty({ example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: '本案的会员职工 a member worker of this case' })
  @IsUUID()
  memberId!: string;
}

export class AidReferralView {
  @ApiProperty({ example: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928' }) caseId!: string;
  @ApiProperty({ example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6' }) memberId!: string;
  @ApiProperty({ enum: ['open', 'settled', 'declined', 'referred', 'closed'], example: 'open', description: 'the case’s stage when referred' }) caseStatus!: CaseStatus;
  @ApiProperty({ example: '2026-11-24T11:00:00.000+08:00' }) referredAt!: string;
}

export class ObligationInput {
  @ApiProperty({ example: '支付生育津贴 / pay maternity allowance' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;

  @ApiPropertyOptional({ example: 2500000, description: 'Amount in fen, if the obligation is a payment' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  amountFen?: number;

  @ApiPropertyOptional({ example: '2026-12-31', description: '履行期限 due date' })
  @IsOptional()
  @IsDateString({ strict: true })
  dueDate?: string;

  @ApiPropertyOptional({ enum: ['employer', 'worker'], example: 'employer', description: '义务人 who performs (pays); default the employer' })
  @IsOptional()
  @IsIn(['employer', 'worker'])
  payer?: 'employer' | 'worker';

  @ApiPropertyOptional({ enum: ['employer', 'worker'], example: 'worker', description: '权利人 to whom; default the worker(s)' })
  @IsOptional()
  @IsIn(['employer', 'worker'])
  payee?: 'employer' | 'worker';
}

export class SettleCaseRequest {
  @ApiProperty({ type: [ObligationInput], description: 'The obligations of the written mediation agreement (调解协议)' })
  @NestedArray(() => ObligationInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  obligations!: ObligationInput[];
}

export class ObligationView {
  @ApiProperty({ example: '支付拖欠工资' }) description!: string;
  @ApiProperty({ nullable: true, type: Number, example: 1200000 }) amountFen!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-31' }) dueDate!: string | null;
}

export class SignatureView {
  @ApiProperty({ enum: ['worker', 'employer', 'mediator'], example: 'employer', description: 'worker 职工方, employer 用人单位方, mediator 调解员' }) party!: 'worker' | 'employer' | 'mediator';
  @ApiProperty({ example: '刘经理（委托代理人）' }) signer!: string;
  @ApiProperty({ example: '2026-11-24' }) signedOn!: string;
}

export class JudicialConfirmationView {
  @ApiProperty({ example: '重庆市渝北区人民法院' }) court!: string;
  @ApiProperty({ example: '2026-11-25' }) requestedOn!: string;
  @ApiProperty({ enum: ['pending', 'confirmed', 'rejected'], example: 'confirmed', description: 'pending 待裁定, confirmed 裁定有效, rejected 裁定驳回' }) outcome!: 'pending' | 'confirmed' | 'rejected';
  @ApiProperty({ nullable: true, type: String, example: '2026-12-05' }) decidedOn!: string | null;
}

export class AgreementView {
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f70-4819-a2b3-c4d5e6f7a8b9' }) id!: string;
  @ApiProperty({ type: [ObligationView] }) obligations!: ObligationView[];
  @ApiProperty({ example: 1200000, description: 'fen' }) totalAmountFen!: number;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T16:00:00.000+08:00' }) signedAt!: string;
  @ApiProperty({ type: [SignatureView] }) signatures!: SignatureView[];
  @ApiProperty({ type: JudicialConfirmationView, nullable: true }) judicialConfirmation!: JudicialConfirmationView | null;
}

export class WorkerView {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'A member worker’s id; null for a non-member' })
  memberId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '李*', description: 'A non-member’s name, masked' }) maskedName!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '138****8000', description: 'A non-member’s mobile, masked' }) maskedContact!: string | null;
}

export class EmployerView {
  @ApiProperty({ example: '重庆某物流有限公司' }) name!: string;
  @ApiProperty({ nullable: true, type: String, example: '91500112000000001R' }) creditCode!: string | null;
}

export class ClaimView {
  @ApiProperty({ enum: DISPUTE_CLAIM_TYPES, example: 'unpaid-wages' }) type!: DisputeClaimType;
  @ApiProperty({ nullable: true, type: Number, example: 1200000 }) amountFen!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '2026年8月至10月工资未发' }) description!: string | null;
}

export class ClockView {
  @ApiProperty({ example: '2026-12-05', description: '法定调解期限最后一日 (received + 15 days, China date)' }) limitEndsOn!: string;
  @ApiProperty({ nullable: true, type: Number, example: 11, description: '剩余天数 days left today; negative once past; null when the case is not open' })
  daysLeft!: number | null;
  @ApiProperty({ example: false, description: '已超过法定期限 past the statutory limit' }) pastLimit!: boolean;
}

export class SessionHeldView {
  @ApiProperty({ format: 'date-time', example: '2026-11-22T10:00:00.000+08:00' }) heldAt!: string;
  @ApiProperty({ example: 'joint' }) kind!: string;
}

export class ReferralView {
  @ApiProperty({ enum: ['arbitration', 'court'], example: 'arbitration' }) referredTo!: DisputeReferralTarget;
  @ApiProperty({ enum: ['lapsed', 'mediation-failed', 'unperformed'], example: 'lapsed' }) reason!: DisputeReferralReason;
  @ApiProperty({ nullable: true, type: String, example: '用人单位拒不到场' }) note!: string | null;
  @ApiProperty({ type: [WorkerView] }) workers!: WorkerView[];
  @ApiProperty({ type: EmployerView }) employer!: EmployerView;
  @ApiProperty({ type: [ClaimView] }) claims!: ClaimView[];
  @ApiProperty({ example: 1200000 }) claimedTotalFen!: number;
  @ApiProperty({ type: [SessionHeldView] }) sessionsHeld!: SessionHeldView[];
  @ApiProperty({ example: '2026-11-01' }) receivedOn!: string;
  @ApiProperty({ example: '2026-11-16' }) limitEndsOn!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T10:00:00.000+08:00' }) referredAt!: string;
}

export class CaseView {
  @ApiProperty({ format: 'uuid', example: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'The first member worker, if any' })
  memberId!: string | null;
  @ApiProperty({ enum: DISPUTE_CASE_SOURCES, example: 'complaint' }) source!: DisputeCaseSource;
  @ApiProperty({ example: '用人单位拖欠三名骑手三个月工资' }) summary!: string;
  @ApiProperty({ example: '重庆某物流有限公司' }) employerName!: string;
  @ApiProperty({ type: EmployerView }) employer!: EmployerView;
  @ApiProperty({ type: [WorkerView] }) workers!: WorkerView[];
  @ApiProperty({ example: false, description: '集体争议 several workers' }) collective!: boolean;
  @ApiProperty({ type: [ClaimView] }) claims!: ClaimView[];
  @ApiProperty({ example: 1200000, description: '请求总额（分）' }) claimedTotalFen!: number;
  @ApiProperty({ example: '2026-11-20', description: '收到申请日期 (China date)' }) receivedOn!: string;
  @ApiProperty({ type: ClockView }) clock!: ClockView;
  @ApiProperty({ enum: CASE_STATUSES, example: 'open', description: 'open 调解中, settled 已达成协议（履行中）, declined 不予受理, referred 已转仲裁/诉讼, closed 已结案（义务履行完毕）' }) status!: CaseStatus;
  @ApiProperty({ nullable: true, type: String, example: null, description: '不予受理理由' }) declineReason!: string | null;
  @ApiProperty({ type: ReferralView, nullable: true }) referral!: ReferralView | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T09:00:00.000+08:00' }) openedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null }) closedAt!: string | null;
  @ApiProperty({ type: AgreementView, nullable: true }) agreement!: AgreementView | null;
}

export class CasePage {
  @ApiProperty({ type: [CaseView] }) items!: CaseView[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class ListCasesQuery extends PageQuery {}

export class CaseBoardQuery extends ListCasesQuery {
  @ApiPropertyOptional({
    enum: CASE_STATUSES,
    example: 'open',
    description: '阶段 only cases at this stage: open ones most urgent first (fewest days left on the 15-day clock, i.e. earliest received), the others in the order they were opened; all stages in the order opened without it',
  })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `status 须为 ${CASE_STATUSES.join('、')} 之一 / status must be one of ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;
}

