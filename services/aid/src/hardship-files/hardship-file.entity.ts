import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HardshipCause } from '@gonghui/contracts';

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
}
