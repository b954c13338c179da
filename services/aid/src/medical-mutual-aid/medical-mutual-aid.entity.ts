import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MedicalPlanJoinedVia } from '@gonghui/contracts';
import { fenColumn } from '../fen-column';

/** A medical mutual-aid plan (职工医疗互助) of a unit for one year, paid from one aid budget. */
@Entity({ name: 'medical_plans' })
export class MedicalPlan {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'contribution_fen', type: 'bigint', transformer: fenColumn }) contributionFen!: number;
  @Column({ name: 'deductible_fen', type: 'bigint', transformer: fenColumn }) deductibleFen!: number;
  @Column({ name: 'reimbursement_percent', type: 'integer' }) reimbursementPercent!: number;
  @Column({ name: 'yearly_cap_fen', type: 'bigint', transformer: fenColumn }) yearlyCapFen!: number;
  @Column({ name: 'fast_channel_limit_fen', type: 'bigint', transformer: fenColumn }) fastChannelLimitFen!: number;
  @Column({ name: 'gig_workers_free', type: 'boolean' }) gigWorkersFree!: boolean;
  @Column({ name: 'budget_id', type: 'uuid' }) budgetId!: string;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}

/** A member in a plan, and what the plan has reimbursed them this year (the cap is counted on it). */
@Entity({ name: 'medical_plan_members' })
export class MedicalPlanMember {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @PrimaryColumn({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'joined_via', type: 'text' }) joinedVia!: MedicalPlanJoinedVia;
  @Column({ name: 'contribution_fen', type: 'bigint', transformer: fenColumn }) contributionFen!: number;
  @Column({ name: 'reimbursed_fen', type: 'bigint', transformer: fenColumn }) reimbursedFen!: number;
  @Column({ name: 'joined_by', type: 'text' }) joinedBy!: string;
  @Column({ name: 'joined_at', type: 'timestamptz', precision: 3 }) joinedAt!: Date;
}

import type { ClaimStatus } from './domain/medical-plan';
export { CLAIM_STATUSES, type ClaimStatus } from './domain/medical-plan';

/** A claim after medical insurance has paid (医疗互助报销申请). */
@Entity({ name: 'medical_claims' })
export class MedicalClaim {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'bill_total_fen', type: 'bigint', transformer: fenColumn }) billTotalFen!: number;
  @Column({ name: 'insurance_fen', type: 'bigint', transformer: fenColumn }) insuranceFen!: number;
  @Column({ name: 'self_paid_fen', type: 'bigint', transformer: fenColumn }) selfPaidFen!: number;
  @Column({ type: 'text', array: true }) documents!: string[];
  @Column({ type: 'text' }) status!: ClaimStatus;
  @Column({ name: 'reimbursement_fen', type: 'bigint', transformer: fenColumn, nullable: true }) reimbursementFen!: number | null;
  @Column({ type: 'boolean', nullable: true }) capped!: boolean | null;
  @Column({ name: 'fast_channel', type: 'boolean' }) fastChannel!: boolean;
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason!: string | null;
  @Column({ name: 'submitted_on', type: 'date' }) submittedOn!: string;
  @Column({ name: 'submitted_by', type: 'text' }) submittedBy!: string;
  @Column({ name: 'submitted_at', type: 'timestamptz', precision: 3 }) submittedAt!: Date;
  @Column({ name: 'decided_by', type: 'text', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'paid_at', type: 'timestamptz', precision: 3, nullable: true }) paidAt!: Date | null;
  @Column({ name: 'bank_reference', type: 'text', nullable: true }) bankReference!: string | null;
  /** The payment batch its instruction is in (none while not gathered, or when paid by hand). */
  @Column({ name: 'payment_batch_id', type: 'uuid', nullable: true }) paymentBatchId!: string | null;
  /** The bank's reason, while the payment has failed and is not yet re-issued. */
  @Column({ name: 'payment_failure_reason', type: 'text', nullable: true }) paymentFailureReason!: string | null;
}
