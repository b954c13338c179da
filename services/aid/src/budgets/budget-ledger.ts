import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Tx } from '@gonghui/persistence';
import { Problem } from '@gonghui/service-kit';
import { LedgerEntryKind } from './domain/budget';

/** What an entry refers to: the other budget of an allocation, the application or payment it is for. */
export interface EntryReference {
  counterpartBudgetId?: string;
  applicationId?: string;
  paymentInstructionId?: string;
  hazardRewardId?: string;
  note?: string;
}

/**
 * Each kind of entry as one guarded UPDATE of the budget's figures: the row lock it takes
 * serialises concurrent movements on one budget, and the guard (with the CHECK behind it) means
 * a movement that would take more than there is changes nothing.
 * Hand-written SQL: the hot path of every approval, one statement instead of read-then-write.
 */
const MOVEMENTS: Record<LedgerEntryKind, string> = {
  allocation: 'allocated_fen = allocated_fen + $2, available_fen = available_fen + $2 WHERE id = $1',
  'sub-allocation': 'allocated_to_children_fen = allocated_to_children_fen + $2, available_fen = available_fen - $2 WHERE id = $1 AND available_fen >= $2',
  reservation: 'reserved_fen = reserved_fen + $2, available_fen = available_fen - $2 WHERE id = $1 AND available_fen >= $2',
  release: 'reserved_fen = reserved_fen - $2, available_fen = available_fen + $2 WHERE id = $1 AND reserved_fen >= $2',
  spend: 'reserved_fen = reserved_fen - $2, spent_fen = spent_fen + $2 WHERE id = $1 AND reserved_fen >= $2',
};

export function budgetInsufficient(availableFen: number, requestedFen: number): Problem {
  return new Problem(
    422,
    'budget-insufficient',
    '资金余额不足 / Not enough money in the budget',
    `可用余额 ${availableFen} 分，需要 ${requestedFen} 分 / ${availableFen} fen available, ${requestedFen} fen needed`,
    [{ field: 'amountFen', message: '超过可用余额 / more than the available amount' }],
  );
}

/** Moves money on budgets: the figures and the immutable entry, in the caller's transaction. */
@Injectable()
export class BudgetLedger {
  /**
   * Record one movement. Answers false, changing nothing, when the budget has not enough
   * available (reservation, sub-allocation) or reserved (release, spend) money.
   */
  async tryMove(tx: Tx, budgetId: string, kind: LedgerEntryKind, amountFen: number, actor: string, ref: EntryReference = {}, at = new Date()): Promise<boolean> {
    const [, count] = await tx.query(`UPDATE budgets SET ${MOVEMENTS[kind]}`, [budgetId, amountFen]);
    if (count !== 1) return false;
    await tx.query(
      `INSERT INTO budget_ledger_entries (id, budget_id, kind, amount_fen, counterpart_budget_id, application_id, payment_instruction_id, hazard_reward_id, note, actor, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [randomUUID(), budgetId, kind, amountFen, ref.counterpartBudgetId ?? null, ref.applicationId ?? null, ref.paymentInstructionId ?? null, ref.hazardRewardId ?? null, ref.note ?? null, actor, at],
    );
    return true;
  }

  /**
   * Many movements of one kind on one budget at once (a campaign's approvals): one guarded
   * UPDATE of the total, then one entry per item, set-based. Not enough money: the 422, nothing moved.
   */
  async moveMany(tx: Tx, budgetId: string, kind: LedgerEntryKind, items: { amountFen: number; applicationId: string }[], actor: string, at = new Date()): Promise<void> {
    if (items.length === 0) return;
    const total = items.reduce((sum, i) => sum + i.amountFen, 0);
    const [, count] = await tx.query(`UPDATE budgets SET ${MOVEMENTS[kind]}`, [budgetId, total]);
    if (count !== 1) {
      const [row] = await tx.query('SELECT available_fen FROM budgets WHERE id = $1', [budgetId]);
      throw budgetInsufficient(Number(row?.available_fen) || 0, total);
    }
    // Hand-written: set-based, one entry per application in one statement
    await tx.query(
      `INSERT INTO budget_ledger_entries (id, budget_id, kind, amount_fen, application_id, actor, recorded_at)
       SELECT gen_random_uuid(), $1, $2, e.amount, e.application, $3, $4 FROM unnest($5::bigint[], $6::uuid[]) AS e(amount, application)`,
      [budgetId, kind, actor, at, items.map((i) => i.amountFen), items.map((i) => i.applicationId)],
    );
  }

  /** Like tryMove, but not enough money is the 422 the user sees (and the transaction rolls back). */
  async move(tx: Tx, budgetId: string, kind: LedgerEntryKind, amountFen: number, actor: string, ref: EntryReference = {}, at = new Date()): Promise<void> {
    if (await this.tryMove(tx, budgetId, kind, amountFen, actor, ref, at)) return;
    const [row] = await tx.query('SELECT available_fen, reserved_fen FROM budgets WHERE id = $1', [budgetId]);
    const have = Number(kind === 'release' || kind === 'spend' ? row?.reserved_fen : row?.available_fen) || 0;
    throw budgetInsufficient(have, amountFen);
  }
}
