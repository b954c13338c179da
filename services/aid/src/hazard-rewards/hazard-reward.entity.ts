import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../fen-column';

export type HazardRewardStatus = 'awaiting-budget' | 'awaiting-payee' | 'payable' | 'paid';
export const HAZARD_REWARD_STATUSES: readonly HazardRewardStatus[] = ['awaiting-budget', 'awaiting-payee', 'payable', 'paid'];

/** A reward for a verified safety-hazard report (隐患举报奖励), paid by aid from a hazard-reward budget. */
@Entity({ name: 'hazard_rewards' })
export class HazardReward {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'report_id', type: 'uuid' }) reportId!: string;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'reward_level', type: 'integer' }) rewardLevel!: number;
  @Column({ name: 'reward_fen', type: 'bigint', transformer: fenColumn }) rewardFen!: number;
  @Column({ name: 'verified_at', type: 'timestamptz', precision: 3 }) verifiedAt!: Date;
  @Column({ type: 'text' }) status!: HazardRewardStatus;
  @Column({ name: 'budget_id', type: 'uuid', nullable: true }) budgetId!: string | null;
  @Column({ name: 'member_id', type: 'uuid', nullable: true }) memberId!: string | null;
  @Column({ name: 'payee_named_by', type: 'text', nullable: true }) payeeNamedBy!: string | null;
  @Column({ name: 'payee_named_at', type: 'timestamptz', precision: 3, nullable: true }) payeeNamedAt!: Date | null;
  @Column({ name: 'paid_at', type: 'timestamptz', precision: 3, nullable: true }) paidAt!: Date | null;
  @Column({ name: 'received_at', type: 'timestamptz', precision: 3 }) receivedAt!: Date;
}
