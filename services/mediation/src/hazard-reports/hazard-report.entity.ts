import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HazardReportStatus } from './domain/hazard-report';

/** A real-name safety-hazard report; the reporter's name sealed by the vault. */
@Entity({ name: 'hazard_reports' })
export class HazardReport {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'sealed_reporter_name', type: 'text' }) sealedReporterName!: string;
  @Column({ name: 'enterprise_name', type: 'text' }) enterpriseName!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text' }) status!: HazardReportStatus;
  @Column({ name: 'reward_level', type: 'integer', nullable: true }) rewardLevel!: 1 | 2 | null;
  @Column({ name: 'reward_fen', type: 'bigint', nullable: true }) rewardFen!: string | null;
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason!: string | null;
  @Column({ name: 'reported_at', type: 'timestamptz', precision: 3 }) reportedAt!: Date;
  @Column({ name: 'handled_by', type: 'text', nullable: true }) handledBy!: string | null;
  @Column({ name: 'handled_at', type: 'timestamptz', precision: 3, nullable: true }) handledAt!: Date | null;
}
