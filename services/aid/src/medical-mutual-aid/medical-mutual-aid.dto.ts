import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { MEDICAL_PLAN_JOINED_VIA, MedicalPlanJoinedVia } from '@gonghui/contracts';
import { chinaDate, chinaDaysBetween, chinaTime, PageQuery } from '@gonghui/service-kit';
import { MAX_FEN } from '../budgets/budget.dto';
import { CLAIM_DOCUMENT_KINDS, ClaimDocumentKind } from './domain/medical-plan';
import { CLAIM_STATUSES, ClaimStatus, MedicalClaim, MedicalPlan, MedicalPlanMember } from './medical-mutual-aid.entity';

export class CreatePlanRequest {
  @ApiProperty({ example: '2026年度职工医疗互助', description: '名称 name of the plan' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 2026, description: '年度 the plan’s year' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ format: 'uuid', example: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f', description: 'The aid budget (of the same year) that pays the reimbursements; the plan belongs to its unit' })
  @IsUUID()
  budgetId!: string;

  @ApiProperty({ example: 3000, description: '每人每年缴费（分） contribution per person for the year' })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  contributionFen!: number;

  @ApiProperty({ example: 100000, description: '起付线（分） deductible per claim' })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  deductibleFen!: number;

  @ApiProperty({ example: 50, description: '报销比例（%） reimbursement ratio in whole per cent, 1–100' })
  @IsInt()
  @Min(1)
  @Max(100)
  reimbursementPercent!: number;

  @ApiProperty({ example: 3000000, description: '年度封顶线（分） most one person gets back in the year' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  yearlyCapFen!: number;

  @ApiProperty({ example: 200000, description: '快速通道限额（分） gig workers’ claims up to this reimbursement, with complete documents, are approved automatically; 0 turns the channel off' })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  fastChannelLimitFen!: number;

  @ApiProperty({ example: true, description: '新就业形态劳动者免费参加 gig workers of the unit’s subtree are covered free and join from their enrolment event; one such plan per unit and year' })
  @IsBoolean()
  gigWorkersFree!: boolean;
}

export class JoinPlanRequest {
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'An active member inside the plan’s unit subtree' })
  @IsUUID()
  memberId!: string;
}

export class SubmitClaimRequest {
  @ApiProperty({ format: 'uuid', example: '4d5e6f70-8192-4a3b-84c5-d6e7f8091a2b' })
  @IsUUID()
  planId!: string;

  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'A member in the plan' })
  @IsUUID()
  memberId!: string;

  @ApiProperty({ example: 10000000, description: '医疗费用总额（分） the bill total' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  billTotalFen!: number;

  @ApiProperty({ example: 7300000, description: '医保报销（分） what medical insurance paid; more than the bill is a 400' })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  insuranceFen!: number;

  @ApiProperty({ example: 2700000, description: '个人自付（分） what the worker paid; with the insurance share it must add up to the bill' })
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  selfPaidFen!: number;

  @ApiProperty({ enum: CLAIM_DOCUMENT_KINDS, isArray: true, example: ['invoice', 'insurance-settlement'], description: '材料 kinds of document handed in: 发票 / 医保结算单 / 出院小结 / 其他' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(CLAIM_DOCUMENT_KINDS as ClaimDocumentKind[], { each: true, message: `documents 须为 ${CLAIM_DOCUMENT_KINDS.join('、')} / documents must be among ${CLAIM_DOCUMENT_KINDS.join(', ')}` })
  documents!: ClaimDocumentKind[];
}

export class RejectClaimRequest {
  @ApiProperty({ example: '非本年度就医费用', description: '不予报销理由 reason; never in events' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class PayClaimRequest {
  @ApiProperty({ example: 'CCB20261128001', description: 'The bank’s reference of the transfer' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  bankReference!: string;
}

export class ListClaimsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', example: '4d5e6f70-8192-4a3b-84c5-d6e7f8091a2b' })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({ enum: CLAIM_STATUSES, example: 'submitted', description: 'submitted 待审核 / approved 已核准待支付 / rejected 不予报销 / paid 已支付 / payment-failed 支付失败' })
  @IsOptional()
  @IsIn(CLAIM_STATUSES as unknown as ClaimStatus[], { message: `status 须为 ${CLAIM_STATUSES.join('、')} 之一 / status must be one of ${CLAIM_STATUSES.join(', ')}` })
  status?: ClaimStatus;
}

export class PlanView {
  @ApiProperty({ format: 'uuid', example: '4d5e6f70-8192-4a3b-84c5-d6e7f8091a2b' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11' }) orgUnitId!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ example: '2026年度职工医疗互助' }) name!: string;
  @ApiProperty({ example: 3000 }) contributionFen!: number;
  @ApiProperty({ example: 100000 }) deductibleFen!: number;
  @ApiProperty({ example: 50 }) reimbursementPercent!: number;
  @ApiProperty({ example: 3000000 }) yearlyCapFen!: number;
  @ApiProperty({ example: 200000 }) fastChannelLimitFen!: number;
  @ApiProperty({ example: true }) gigWorkersFree!: boolean;
  @ApiProperty({ format: 'uuid', example: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f' }) budgetId!: string;
  @ApiProperty({ example: 311, description: 'Members covered' }) members!: number;
  @ApiProperty({ example: 120, description: 'Of them, gig workers covered free' }) gigWorkers!: number;
  @ApiProperty({ example: 4, description: 'Claims made' }) claims!: number;
  @ApiProperty({ example: 1420000, description: 'Reimbursements approved (paid or to be paid), fen' }) reimbursedFen!: number;
  @ApiProperty({ example: 'city.aid' }) createdBy!: string;
  @ApiProperty({ example: '2026-01-05T09:00:00.000+08:00' }) createdAt!: string;
}

export class PlanPage {
  @ApiProperty({ type: [PlanView] }) items!: PlanView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

export class PlanMemberView {
  @ApiProperty({ format: 'uuid', example: '4d5e6f70-8192-4a3b-84c5-d6e7f8091a2b' }) planId!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6' }) memberId!: string;
  @ApiProperty({ enum: MEDICAL_PLAN_JOINED_VIA, example: 'gig-worker', description: 'officer 经办人办理 / gig-worker 新就业形态自动参加' }) joinedVia!: MedicalPlanJoinedVia;
  @ApiProperty({ example: 0 }) contributionFen!: number;
  @ApiProperty({ example: 1300000, description: 'Reimbursed in the plan’s year so far' }) reimbursedFen!: number;
  @ApiProperty({ example: 1700000, description: 'Left of the yearly cap' }) capLeftFen!: number;
  @ApiProperty({ example: 'aid' }) joinedBy!: string;
  @ApiProperty({ example: '2026-03-02T09:00:00.000+08:00' }) joinedAt!: string;
}

export class PlanMemberPage {
  @ApiProperty({ type: [PlanMemberView] }) items!: PlanMemberView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

export class ClaimView {
  @ApiProperty({ format: 'uuid', example: '5e6f7081-92a3-4b4c-95d6-e7f8091a2b3c' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '4d5e6f70-8192-4a3b-84c5-d6e7f8091a2b' }) planId!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6' }) memberId!: string;
  @ApiProperty({ example: 10000000 }) billTotalFen!: number;
  @ApiProperty({ example: 7300000 }) insuranceFen!: number;
  @ApiProperty({ example: 2700000 }) selfPaidFen!: number;
  @ApiProperty({ enum: CLAIM_DOCUMENT_KINDS, isArray: true, example: ['invoice', 'insurance-settlement'] }) documents!: string[];
  @ApiProperty({
    enum: CLAIM_STATUSES,
    example: 'paid',
    description:
      'submitted 待审核 → approved 已核准待支付 (reserved; paid through a payment batch of the plan’s budget) → paid 已支付; rejected 不予报销; ' +
      'payment-failed 支付失败 (the bank returned it; back to approved when its instruction is re-issued)',
  })
  status!: ClaimStatus;
  @ApiProperty({ nullable: true, type: Number, example: 1300000, description: 'Set when approved' }) reimbursementFen!: number | null;
  @ApiProperty({ nullable: true, type: Boolean, example: false, description: 'The yearly cap cut the amount' }) capped!: boolean | null;
  @ApiProperty({ example: false, description: 'Approved automatically in the gig-worker fast channel' }) fastChannel!: boolean;
  @ApiProperty({ nullable: true, type: String, example: null }) rejectionReason!: string | null;
  @ApiProperty({ example: '2026-11-25' }) submittedOn!: string;
  @ApiProperty({ example: 3, description: 'China days from the claim to its payment or rejection, or until today while it is open' }) daysTaken!: number;
  @ApiProperty({ example: 'yubei.aid' }) submittedBy!: string;
  @ApiProperty({ example: '2026-11-25T09:00:00.000+08:00' }) submittedAt!: string;
  @ApiProperty({ nullable: true, type: String, example: 'yubei.aid', description: '`fast-channel` when approved automatically' }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-26T15:00:00.000+08:00' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-28T10:00:00.000+08:00' }) paidAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'CCB20261128001' }) bankReference!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '7f2a8b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b', description: 'The payment batch that gathered it (POST payment-batches with the plan’s budget); null until gathered' })
  paymentBatchId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Why the bank returned the payment (status payment-failed)' }) paymentFailureReason!: string | null;
}

export class ClaimPage {
  @ApiProperty({ type: [ClaimView] }) items!: ClaimView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

export interface PlanFigures {
  members: number;
  gigWorkers: number;
  claims: number;
  reimbursedFen: number;
}

export function toPlanView(p: MedicalPlan, figures: PlanFigures): PlanView {
  return {
    id: p.id,
    orgUnitId: p.orgUnitId,
    year: p.year,
    name: p.name,
    contributionFen: p.contributionFen,
    deductibleFen: p.deductibleFen,
    reimbursementPercent: p.reimbursementPercent,
    yearlyCapFen: p.yearlyCapFen,
    fastChannelLimitFen: p.fastChannelLimitFen,
    gigWorkersFree: p.gigWorkersFree,
    budgetId: p.budgetId,
    ...figures,
    createdBy: p.createdBy,
    createdAt: chinaTime(p.createdAt),
  };
}

export function toPlanMemberView(m: MedicalPlanMember, yearlyCapFen: number): PlanMemberView {
  return {
    planId: m.planId,
    memberId: m.memberId,
    joinedVia: m.joinedVia,
    contributionFen: m.contributionFen,
    reimbursedFen: m.reimbursedFen,
    capLeftFen: Math.max(0, yearlyCapFen - m.reimbursedFen),
    joinedBy: m.joinedBy,
    joinedAt: chinaTime(m.joinedAt),
  };
}

/** Days from the claim to its end (payment or rejection), or to today while it is still open. */
export function claimDaysTaken(c: MedicalClaim, now: Date): number {
  const end = c.status === 'paid' ? c.paidAt : c.status === 'rejected' ? c.decidedAt : null;
  return chinaDaysBetween(c.submittedOn, chinaDate(end ?? now));
}

export function toClaimView(c: MedicalClaim, now = new Date()): ClaimView {
  return {
    id: c.id,
    planId: c.planId,
    memberId: c.memberId,
    billTotalFen: c.billTotalFen,
    insuranceFen: c.insuranceFen,
    selfPaidFen: c.selfPaidFen,
    documents: c.documents,
    status: c.status,
    reimbursementFen: c.reimbursementFen,
    capped: c.capped,
    fastChannel: c.fastChannel,
    rejectionReason: c.rejectionReason,
    submittedOn: c.submittedOn,
    daysTaken: claimDaysTaken(c, now),
    submittedBy: c.submittedBy,
    submittedAt: chinaTime(c.submittedAt),
    decidedBy: c.decidedBy,
    decidedAt: chinaTime(c.decidedAt),
    paidAt: chinaTime(c.paidAt),
    bankReference: c.bankReference,
    paymentBatchId: c.paymentBatchId,
    paymentFailureReason: c.paymentFailureReason,
  };
}
