import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Party } from '../cases/domain/case';
import type { ObligationStatus } from './domain/obligation';

/** One obligation of a mediation agreement, tracked until performed (money in fen). */
@Entity({ name: 'obligations' })
export class Obligation {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'integer' }) seq!: number;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text' }) payer!: Party;
  @Column({ type: 'text' }) payee!: Party;
  /** bigint as a string from node-postgres; null for a non-monetary term. */
  @Column({ name: 'amount_fen', type: 'bigint', nullable: true }) amountFen!: string | null;
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate!: string | null;
  @Column({ name: 'paid_fen', type: 'bigint' }) paidFen!: string;
  @Column({ type: 'text' }) status!: ObligationStatus;
  @Column({ name: 'performed_at', type: 'timestamptz', precision: 3, nullable: true }) performedAt!: Date | null;
  @Column({ name: 'overdue_flagged_on', type: 'date', nullable: true }) overdueFlaggedOn!: string | null;
  @Column({ name: 'follow_up_on', type: 'date', nullable: true }) followUpOn!: string | null;
}

@Entity({ name: 'obligation_payments' })
export class ObligationPayment {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'obligation_id', type: 'uuid' }) obligationId!: string;
  @Column({ name: 'amount_fen', type: 'bigint' }) amountFen!: string;
  @Column({ name: 'paid_on', type: 'date' }) paidOn!: string;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 }) recordedAt!: Date;
}
