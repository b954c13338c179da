import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BudgetSource } from '@gonghui/contracts';
import { fenColumn } from '../fen-column';
import type { LedgerEntryKind } from './domain/budget';

/** A budget (资金) of one unit for one year and source; its figures kept beside its ledger. */
@Entity({ name: 'budgets' })
export class Budget {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'text' }) source!: BudgetSource;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'allocated_fen', type: 'bigint', transformer: fenColumn }) allocatedFen!: number;
  @Column({ name: 'allocated_to_children_fen', type: 'bigint', transformer: fenColumn }) allocatedToChildrenFen!: number;
  @Column({ name: 'reserved_fen', type: 'bigint', transformer: fenColumn }) reservedFen!: number;
  @Column({ name: 'spent_fen', type: 'bigint', transformer: fenColumn }) spentFen!: number;
  @Column({ name: 'available_fen', type: 'bigint', transformer: fenColumn }) availableFen!: number;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}

/** One immutable movement of money on a budget. */
@Entity({ name: 'budget_ledger_entries' })
export class BudgetLedgerEntry {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'budget_id', type: 'uuid' }) budgetId!: string;
  @Column({ type: 'text' }) kind!: LedgerEntryKind;
  @Column({ name: 'amount_fen', type: 'bigint', transformer: fenColumn }) amountFen!: number;
  @Column({ name: 'counterpart_budget_id', type: 'uuid', nullable: true }) counterpartBudgetId!: string | null;
  @Column({ name: 'application_id', type: 'uuid', nullable: true }) applicationId!: string | null;
  @Column({ name: 'payment_instruction_id', type: 'uuid', nullable: true }) paymentInstructionId!: string | null;
  @Column({ name: 'hazard_reward_id', type: 'uuid', nullable: true }) hazardRewardId!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'text' }) actor!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 }) recordedAt!: Date;
}
