import { Column, Entity, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import type { DisputeCaseSource } from '@gonghui/contracts';
import type { CaseStatus } from './domain/case';
import { Agreement } from './agreement.entity';

/** A labour dispute case (劳动争议案件) of a worker; carries the worker's path for data scope. */
@Entity({ name: 'cases' })
export class DisputeCase {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'text' }) source!: DisputeCaseSource;
  @Column({ type: 'text' }) summary!: string;
  @Column({ name: 'employer_name', type: 'text' }) employerName!: string;
  @Column({ type: 'text' }) status!: CaseStatus;
  @Column({ name: 'opened_by', type: 'text' }) openedBy!: string;
  @Column({ name: 'opened_at', type: 'timestamptz', precision: 3 }) openedAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true }) closedAt!: Date | null;
  /** The mediation agreement, once the case is settled (loaded when asked for). */
  @OneToOne(() => Agreement, (agreement) => agreement.disputeCase) agreement?: Relation<Agreement> | null;
}
