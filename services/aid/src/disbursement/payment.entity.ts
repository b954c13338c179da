import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../fen-column';
import type { InstructionState } from './domain/bank-file';

/** A batch of payment instructions from one budget (发放批次), exported to the bank as one file. */
@Entity({ name: 'payment_batches' })
export class PaymentBatch {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'budget_id', type: 'uuid' }) budgetId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}

/** One payment to one person; its id is the reference in the bank's files. */
@Entity({ name: 'payment_instructions' })
export class PaymentInstruction {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'batch_id', type: 'uuid' }) batchId!: string;
  @Column({ name: 'budget_id', type: 'uuid' }) budgetId!: string;
  @Column({ name: 'application_id', type: 'uuid', nullable: true }) applicationId!: string | null;
  @Column({ name: 'hazard_reward_id', type: 'uuid', nullable: true }) hazardRewardId!: string | null;
  @Column({ name: 'medical_claim_id', type: 'uuid', nullable: true }) medicalClaimId!: string | null;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenColumn }) amountFen!: number;
  @Column({ type: 'text' }) status!: InstructionState;
  @Column({ name: 'bank_reference', type: 'text', nullable: true }) bankReference!: string | null;
  @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason!: string | null;
  @Column({ name: 'reissue_of', type: 'uuid', nullable: true }) reissueOf!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @Column({ name: 'settled_at', type: 'timestamptz', precision: 3, nullable: true }) settledAt!: Date | null;
}

/** Who exported a batch's bank file (it holds full account numbers), when, in which format. */
@Entity({ name: 'payment_batch_exports' })
export class PaymentBatchExport {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'batch_id', type: 'uuid' }) batchId!: string;
  @Column({ type: 'text' }) format!: 'csv' | 'xlsx';
  @Column({ type: 'integer' }) lines!: number;
  @Column({ name: 'exported_by', type: 'text' }) exportedBy!: string;
  @Column({ name: 'exported_at', type: 'timestamptz', precision: 3 }) exportedAt!: Date;
}
