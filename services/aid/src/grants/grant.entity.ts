import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../fen-column';
import type { Criterion, FinalRating } from './domain/grants';

const scoreColumn = { to: (v: number | null | undefined) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A call for proposals (公益创投项目征集) with its money reserved on an aid budget. */
@Entity({ name: 'grant_calls' })
export class GrantCall {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ name: 'budget_id', type: 'uuid' }) budgetId!: string;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenColumn }) amountFen!: number;
  @Column({ name: 'awarded_fen', type: 'bigint', transformer: fenColumn }) awardedFen!: number;
  @Column({ type: 'jsonb' }) criteria!: Criterion[];
  @Column({ type: 'text', array: true }) panel!: string[];
  @Column({ name: 'min_score', type: 'numeric', precision: 5, scale: 2, transformer: scoreColumn }) minScore!: number;
  @Column({ type: 'text' }) status!: 'open' | 'reviewing' | 'awarded';
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @Column({ name: 'awarded_at', type: 'timestamptz', precision: 3, nullable: true }) awardedAt!: Date | null;
}

/** An organisation's proposal; once awarded it is the project, paid in milestones. */
@Entity({ name: 'grant_proposals' })
export class GrantProposal {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'call_id', type: 'uuid' }) callId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'credit_code', type: 'text' }) creditCode!: string;
  @Column({ name: 'organisation_name', type: 'text' }) organisationName!: string;
  @Column({ name: 'project_title', type: 'text' }) projectTitle!: string;
  @Column({ type: 'text' }) summary!: string;
  @Column({ name: 'requested_fen', type: 'bigint', transformer: fenColumn }) requestedFen!: number;
  @Column({ type: 'text' }) status!: 'submitted' | 'awarded' | 'not-awarded' | 'completed';
  @Column({ type: 'integer', nullable: true }) rank!: number | null;
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: scoreColumn }) score!: number | null;
  @Column({ name: 'final_rating', type: 'text', nullable: true }) finalRating!: FinalRating | null;
  @Column({ name: 'final_note', type: 'text', nullable: true }) finalNote!: string | null;
  @Column({ name: 'evaluated_on', type: 'date', nullable: true }) evaluatedOn!: string | null;
  @Column({ name: 'evaluated_by', type: 'text', nullable: true }) evaluatedBy!: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', precision: 3 }) submittedAt!: Date;
}

/** One reviewer's score sheet for one proposal. */
@Entity({ name: 'grant_scores' })
export class GrantScore {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'proposal_id', type: 'uuid' }) proposalId!: string;
  @Column({ type: 'text' }) reviewer!: string;
  @Column({ type: 'jsonb' }) scores!: Record<string, number>;
  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: scoreColumn }) weighted!: number;
  @Column({ name: 'scored_at', type: 'timestamptz', precision: 3 }) scoredAt!: Date;
}

@Entity({ name: 'grant_milestones' })
export class GrantMilestone {
  @PrimaryColumn({ name: 'proposal_id', type: 'uuid' }) proposalId!: string;
  @PrimaryColumn({ type: 'integer' }) seq!: number;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenColumn }) amountFen!: number;
  @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @Column({ type: 'text' }) status!: 'planned' | 'paid' | 'cancelled';
  @Column({ name: 'paid_at', type: 'timestamptz', precision: 3, nullable: true }) paidAt!: Date | null;
  @Column({ name: 'paid_by', type: 'text', nullable: true }) paidBy!: string | null;
}
