import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AidKind } from '@gonghui/contracts';
import { fenColumn } from '../fen-column';
import type { ApplicationStage } from './domain/application';

export interface ApplicationDocument {
  name: string;
  kind: string;
}
export interface Review {
  opinion: string;
  by: string;
  at: string;
}
export interface Investigation {
  investigatedOn: string;
  investigator: string;
  thirdParty: string | null;
  findings: string;
  by: string;
  at: string;
}
export interface Notice {
  startsOn: string;
  days: number;
  endsOn: string;
  closedAt: string | null;
}
export interface Objection {
  id: string;
  summary: string;
  lodgedBy: string;
  lodgedAt: string;
  resolution: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}
export interface Meeting {
  meeting: string;
  meetingOn: string;
  attendees: string[];
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  passed: boolean;
  by: string;
  at: string;
}
export interface Decision extends Meeting {
  approvedAmountFen: number;
}
export interface Rejection {
  reasons: string[];
  by: string;
  at: string;
}
export interface Cancellation {
  reason: string;
  by: string;
  at: string;
}
export interface FollowUp {
  visitedOn: string;
  useOfAid: string;
  situation: 'improved' | 'unchanged' | 'worsened';
  note: string | null;
  by: string;
  at: string;
}

/** An aid application (帮扶申请) and where it stands. */
@Entity({ name: 'aid_applications' })
export class AidApplication {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'hardship_file_id', type: 'uuid', nullable: true }) hardshipFileId!: string | null;
  /** Set when the application was made by confirming a campaign's list (专项行动). */
  @Column({ name: 'campaign_id', type: 'uuid', nullable: true }) campaignId!: string | null;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'text' }) kind!: AidKind;
  @Column({ name: 'requested_amount_fen', type: 'bigint', transformer: fenColumn }) requestedAmountFen!: number;
  @Column({ type: 'text' }) reason!: string;
  @Column({ type: 'jsonb' }) documents!: ApplicationDocument[];
  @Column({ type: 'text' }) stage!: ApplicationStage;
  @Column({ name: 'fast_track', type: 'boolean' }) fastTrack!: boolean;
  @Column({ name: 'awaiting_ratification', type: 'boolean' }) awaitingRatification!: boolean;
  @Column({ name: 'approved_by', type: 'text', nullable: true }) approvedBy!: 'committee' | 'chair' | null;
  @Column({ name: 'approved_amount_fen', type: 'bigint', nullable: true, transformer: fenColumn }) approvedAmountFen!: number | null;
  @Column({ name: 'budget_id', type: 'uuid', nullable: true }) budgetId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) review!: Review | null;
  @Column({ type: 'jsonb', nullable: true }) investigation!: Investigation | null;
  @Column({ type: 'jsonb', nullable: true }) notice!: Notice | null;
  @Column({ type: 'jsonb' }) objections!: Objection[];
  @Column({ type: 'jsonb', nullable: true }) decision!: Decision | null;
  @Column({ type: 'jsonb', nullable: true }) ratification!: Meeting | null;
  @Column({ type: 'jsonb', nullable: true }) rejection!: Rejection | null;
  @Column({ type: 'jsonb', nullable: true }) cancellation!: Cancellation | null;
  @Column({ name: 'follow_up', type: 'jsonb', nullable: true }) followUp!: FollowUp | null;
  /** YYYY-MM-DD */
  @Column({ name: 'follow_up_due_on', type: 'date', nullable: true }) followUpDueOn!: string | null;
  @Column({ name: 'member_left_at', type: 'timestamptz', precision: 3, nullable: true }) memberLeftAt!: Date | null;
  @Column({ name: 'submitted_by', type: 'text' }) submittedBy!: string;
  @Column({ name: 'submitted_at', type: 'timestamptz', precision: 3 }) submittedAt!: Date;
  @Column({ name: 'approved_at', type: 'timestamptz', precision: 3, nullable: true }) approvedAt!: Date | null;
  @Column({ name: 'paid_at', type: 'timestamptz', precision: 3, nullable: true }) paidAt!: Date | null;
}

/** One step an application went through: who acted, when, from which stage to which. */
@Entity({ name: 'aid_application_steps' })
export class AidApplicationStep {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ type: 'text' }) action!: string;
  @Column({ name: 'from_stage', type: 'text', nullable: true }) fromStage!: ApplicationStage | null;
  @Column({ name: 'to_stage', type: 'text' }) toStage!: ApplicationStage;
  @Column({ type: 'text' }) actor!: string;
  @Column({ name: 'acted_at', type: 'timestamptz', precision: 3 }) actedAt!: Date;
}
