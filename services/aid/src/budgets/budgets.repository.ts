import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { keysetPage, Page, PageQuery, requireInScope, whereInScope } from '@gonghui/service-kit';
import { LedgerEntryKind } from './domain/budget';
import { Budget, BudgetLedgerEntry } from './budget.entity';
import { ListBudgetsQuery } from './budget.dto';

/** Budgets, always read within the user's subtree (a budget belongs to its unit). */
@Injectable()
export class BudgetsRepository {
  constructor(
    @InjectRepository(Budget) private readonly budgets: Repository<Budget>,
    @InjectRepository(BudgetLedgerEntry) private readonly entries: Repository<BudgetLedgerEntry>,
  ) {}

  async findInScope(id: string, principal: Principal, tx?: Tx): Promise<Budget> {
    const budget = await (tx ? tx.getRepository(Budget) : this.budgets).findOneBy({ id });
    return requireInScope(budget, (b) => b.orgUnitPath, principal, `资金不存在 / Budget ${id} not found`);
  }

  page<T>(principal: Principal, query: ListBudgetsQuery, toItem: (b: Budget) => T): Promise<Page<T>> {
    const q = whereInScope(this.budgets.createQueryBuilder('b'), 'b.orgUnitPath', principal);
    if (query.year !== undefined) q.andWhere('b.year = :year', { year: query.year });
    if (query.source !== undefined) q.andWhere('b.source = :source', { source: query.source });
    return keysetPage(q, query, { time: 'b.createdAt', id: 'b.id', positionOf: (b) => ({ t: b.createdAt, id: b.id }) }, toItem);
  }

  /** The budget's ledger, per kind: what its figures are derived from. */
  async totals(budgetId: string, tx?: Tx): Promise<Partial<Record<LedgerEntryKind, number>>> {
    const rows: { kind: LedgerEntryKind; total: string }[] = await (tx ?? this.entries.manager).query(
      'SELECT kind, sum(amount_fen)::text AS total FROM budget_ledger_entries WHERE budget_id = $1 GROUP BY kind',
      [budgetId],
    );
    return Object.fromEntries(rows.map((r) => [r.kind, Number(r.total)]));
  }

  ledgerPage<T>(budgetId: string, page: PageQuery, toItem: (e: BudgetLedgerEntry) => T): Promise<Page<T>> {
    const q = this.entries.createQueryBuilder('e').where('e.budgetId = :budgetId', { budgetId });
    return keysetPage(q, page, { time: 'e.recordedAt', id: 'e.id', positionOf: (e) => ({ t: e.recordedAt, id: e.id }) }, toItem);
  }

  async insert(tx: Tx, budget: Budget): Promise<void> {
    await tx.insert(Budget, budget);
  }
}
