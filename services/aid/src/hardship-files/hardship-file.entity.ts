import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HardshipCause, HardshipFileClosure, HardshipGrade } from '@gonghui/contracts';

/** A hardship worker file (困难职工档案) and the household visit it was opened after. */
@Entity({ name: 'hardship_files' })
export class HardshipFile {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'text' }) status!: 'open' | 'closed';
  @Column({ type: 'text' }) cause!: HardshipCause;
  // the "six clears" (六清) of the household visit: the size in the clear, the rest sealed
  @Column({ name: 'household_size', type: 'integer' }) householdSize!: number;
  /** Income, income sources, housing, health and children's schooling, sealed with the vault (see hardship-details-vault.ts). */
  @Column({ name: 'visit_details_cipher', type: 'text' }) visitDetailsCipher!: string;
  /** YYYY-MM-DD */
  @Column({ name: 'visited_on', type: 'date' }) visitedOn!: string;
  @Column({ name: 'visited_by', type: 'text' }) visitedBy!: string;
  @Column({ name: 'opened_at', type: 'timestamptz', precision: 3 }) openedAt!: Date;
  /** `member:<id>`, or `household:<keyed hash>` of the household id or registered address given at the visit. */
  @Column({ name: 'household_key', type: 'text' }) householdKey!: string;
  @Column({ type: 'text', nullable: true }) grade!: HardshipGrade | null;
  @Column({ name: 'graded_at', type: 'timestamptz', precision: 3, nullable: true }) gradedAt!: Date | null;
  /** YYYY-MM-DD of the latest visit, the opening one included. */
  @Column({ name: 'last_visited_on', type: 'date' }) lastVisitedOn!: string;
  @Column({ name: 'last_reviewed_on', type: 'date', nullable: true }) lastReviewedOn!: string | null;
  /** Set by the disbursement code when a payment for the file is recorded; null: never helped. */
  @Column({ name: 'last_helped_at', type: 'timestamptz', precision: 3, nullable: true }) lastHelpedAt!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true }) closedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) closure!: HardshipFileClosure | null;
  @Column({ name: 'closure_reason', type: 'text', nullable: true }) closureReason!: string | null;
  @Column({ name: 'job_taken_at', type: 'timestamptz', precision: 3, nullable: true }) jobTakenAt!: Date | null;
  @Column({ name: 'job_employer', type: 'text', nullable: true }) jobEmployer!: string | null;
  @Column({ name: 'job_position', type: 'text', nullable: true }) jobPosition!: string | null;
}

/** A further visit (走访) to a file; what was found is sealed. */
@Entity({ name: 'hardship_file_visits' })
export class HardshipFileVisit {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'file_id', type: 'uuid' }) fileId!: string;
  @Column({ name: 'visited_on', type: 'date' }) visitedOn!: string;
  @Column({ name: 'notes_cipher', type: 'text' }) notesCipher!: string;
  @Column({ name: 'visited_by', type: 'text' }) visitedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 }) recordedAt!: Date;
}

/** One annual review (年度复核) of a file. */
@Entity({ name: 'hardship_file_reviews' })
export class HardshipFileReview {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'file_id', type: 'uuid' }) fileId!: string;
  @Column({ name: 'review_year', type: 'integer' }) reviewYear!: number;
  @Column({ name: 'reviewed_on', type: 'date' }) reviewedOn!: string;
  @Column({ type: 'text' }) decision!: 'keep' | 'close';
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'reviewed_by', type: 'text' }) reviewedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 }) recordedAt!: Date;
}
