import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CampaignKind } from '@gonghui/contracts';
import { fenColumn } from '../fen-column';
import type { Condition } from './domain/eligibility';

export interface InKindItem {
  name: string;
  quantity: number;
  unit: string;
}

/** A campaign (专项行动): a budgeted cycle with a per-person standard and eligibility rules. */
@Entity({ name: 'aid_campaigns' })
export class Campaign {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: CampaignKind;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'budget_id', type: 'uuid' }) budgetId!: string;
  @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  @Column({ name: 'ends_on', type: 'date' }) endsOn!: string;
  @Column({ name: 'cash_fen', type: 'bigint', nullable: true, transformer: fenColumn }) cashFen!: number | null;
  @Column({ type: 'jsonb' }) items!: InKindItem[];
  @Column({ type: 'jsonb' }) eligibility!: Condition[];
  @Column({ name: 'excluded_campaign_ids', type: 'uuid', array: true }) excludedCampaignIds!: string[];
  @Column({ type: 'text' }) status!: 'collecting' | 'confirmed' | 'closed';
  @Column({ type: 'integer' }) rounds!: number;
  @Column({ name: 'list_changed_at', type: 'timestamptz', precision: 3 }) listChangedAt!: Date;
  @Column({ name: 'checked_at', type: 'timestamptz', precision: 3, nullable: true }) checkedAt!: Date | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @Column({ name: 'confirmed_at', type: 'timestamptz', precision: 3, nullable: true }) confirmedAt!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true }) closedAt!: Date | null;
}

export interface NominationRejection {
  line: number;
  field: string;
  reason: string;
}

/** A roster nomination as a job: progress and the per-row report. */
@Entity({ name: 'aid_campaign_nominations' })
export class CampaignNomination {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'campaign_id', type: 'uuid' }) campaignId!: string;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ name: 'nominated_by', type: 'text' }) nominatedBy!: string;
  @Column({ type: 'text' }) status!: 'running' | 'completed' | 'failed';
  @Column({ name: 'total_rows', type: 'integer' }) totalRows!: number;
  @Column({ name: 'rows_done', type: 'integer' }) rowsDone!: number;
  @Column({ type: 'integer' }) accepted!: number;
  @Column({ type: 'integer' }) rejected!: number;
  @Column({ type: 'jsonb' }) rejections!: NominationRejection[];
  @Column({ name: 'submitted_by', type: 'text' }) submittedBy!: string;
  @Column({ name: 'submitted_at', type: 'timestamptz', precision: 3 }) submittedAt!: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', precision: 3, nullable: true }) finishedAt!: Date | null;
}
