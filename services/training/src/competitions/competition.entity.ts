import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Criterion, TieBreak } from './domain/ranking';

/** A skill competition (技能竞赛), scoped by the unit that runs it. */
@Entity({ name: 'competitions' })
export class Competition {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true }) orgUnitId!: string | null;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}

/** One event (赛项) of a competition: its weighted criteria and its declared tie-break. */
@Entity({ name: 'competition_events' })
export class CompetitionEvent {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'competition_id', type: 'uuid' }) competitionId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'jsonb' }) criteria!: Criterion[];
  @Column({ name: 'tie_break', type: 'text' }) tieBreak!: TieBreak;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}

/** A member entered in an event (选手); carries the member's path for data scope. */
@Entity({ name: 'competition_entrants' })
export class CompetitionEntrant {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'entered_at', type: 'timestamptz', precision: 3 }) enteredAt!: Date;
}

@Entity({ name: 'competition_judges' })
export class CompetitionJudge {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}

/** One judge's scores for one entrant, per criterion key. */
@Entity({ name: 'score_sheets' })
export class ScoreSheet {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'entrant_id', type: 'uuid' }) entrantId!: string;
  @Column({ name: 'judge_id', type: 'uuid' }) judgeId!: string;
  @Column({ type: 'jsonb' }) scores!: Record<string, number>;
  @Column({ name: 'submitted_at', type: 'timestamptz', precision: 3 }) submittedAt!: Date;
}

/** An award (奖项) to an entrant, which may grant an honour or a skill level through membership. */
@Entity({ name: 'competition_awards' })
export class CompetitionAward {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId!: string;
  @Column({ name: 'entrant_id', type: 'uuid' }) entrantId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) honour!: string | null;
  @Column({ name: 'skill_level', type: 'text', nullable: true }) skillLevel!: string | null;
  @Column({ name: 'awarded_at', type: 'timestamptz', precision: 3 }) awardedAt!: Date;
}

export const COMPETITION_ENTITIES = [Competition, CompetitionEvent, CompetitionEntrant, CompetitionJudge, ScoreSheet, CompetitionAward];
