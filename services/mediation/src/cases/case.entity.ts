import { Column, Entity, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import type { DisputeCaseSource } from '@gonghui/contracts';
import type { CaseStatus, ReferralPackage } from './domain/case';
import type { ReceivedClaim, StoredWorker } from './domain/intake';
import { Agreement } from './agreement.entity';

/** A labour dispute case (劳动争议案件); carries its org unit path for data scope. */
@Entity({ name: 'cases' })
export class DisputeCase {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  /** The first member worker, if any: the case moves with that member's unit. */
  @Column({ name: 'member_id', type: 'uuid', nullable: true }) memberId!: string | null;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'text' }) source!: DisputeCaseSource;
  @Column({ type: 'text' }) summary!: string;
  @Column({ name: 'employer_name', type: 'text' }) employerName!: string;
  @Column({ name: 'employer_credit_code', type: 'text', nullable: true }) employerCreditCode!: string | null;
  /** Non-members' names and contacts sealed by the vault, with masked copies for views. */
  @Column({ type: 'jsonb' }) workers!: StoredWorker[];
  @Column({ name: 'worker_count', type: 'integer' }) workerCount!: number;
  @Column({ type: 'jsonb' }) claims!: ReceivedClaim[];
  /** bigint: node-postgres gives it as a string. */
  @Column({ name: 'claimed_total_fen', type: 'bigint' }) claimedTotalFen!: string;
  /** The start (00:00 China time) of the day the application was received: the statutory clock's start. */
  @Column({ name: 'received_at', type: 'timestamptz', precision: 3 }) receivedAt!: Date;
  @Column({ type: 'text' }) status!: CaseStatus;
  @Column({ name: 'decline_reason', type: 'text', nullable: true }) declineReason!: string | null;
  @Column({ type: 'jsonb', nullable: true }) referral!: ReferralPackage | null;
  @Column({ name: 'opened_by', type: 'text' }) openedBy!: string;
  @Column({ name: 'opened_at', type: 'timestamptz', precision: 3 }) openedAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true }) closedAt!: Date | null;
  /** The mediation agreement, once the case is settled (loaded when asked for). */
  @OneToOne(() => Agreement, (agreement) => agreement.disputeCase) agreement?: Relation<Agreement> | null;
}
