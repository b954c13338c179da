import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HardshipCause } from '@gonghui/contracts';
import { fenColumn } from '../fen-column';

/** A hardship worker file (困难职工档案) and the household visit it was opened after. */
@Entity({ name: 'hardship_files' })
export class HardshipFile {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'text' }) status!: 'open' | 'closed';
  @Column({ type: 'text' }) cause!: HardshipCause;
  // the "six clears" (六清) of the household visit
  @Column({ name: 'household_size', type: 'integer' }) householdSize!: number;
  @Column({ name: 'monthly_household_income_fen', type: 'bigint', transformer: fenColumn }) monthlyHouseholdIncomeFen!: number;
  @Column({ name: 'income_sources', type: 'text' }) incomeSources!: string;
  @Column({ type: 'text' }) housing!: string;
  @Column({ type: 'text' }) health!: string;
  @Column({ name: 'children_schooling', type: 'text' }) childrenSchooling!: string;
  /** YYYY-MM-DD */
  @Column({ name: 'visited_on', type: 'date' }) visitedOn!: string;
  @Column({ name: 'visited_by', type: 'text' }) visitedBy!: string;
  @Column({ name: 'opened_at', type: 'timestamptz', precision: 3 }) openedAt!: Date;
}
