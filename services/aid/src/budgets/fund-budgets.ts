import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BudgetAllocatedV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { canTake, isBelow, unitIdOfPath } from './domain/budget';
import { Budget } from './budget.entity';
import { AllocateBudgetRequest, BudgetView, CreateBudgetRequest, toBudgetView } from './budget.dto';
import { BudgetLedger, budgetInsufficient } from './budget-ledger';
import { BudgetsRepository } from './budgets.repository';

const outsideScope = () =>
  Problem.badRequest('该组织不在您的管辖范围内 / The unit is outside your subtree', [{ field: 'orgUnitPath', message: '不在管辖范围内 / outside your subtree' }]);

/**
 * Use cases: set up a fund for a unit (资金设立), and allocate part of a budget's available amount
 * to a unit below it (资金下达: city → district → street). Both publish budget.allocated.
 */
@Injectable()
export class FundBudgets {
  constructor(
    private readonly transaction: TransactionBoundary,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly budgets: BudgetsRepository,
    private readonly ledger: BudgetLedger,
  ) {}

  create(request: CreateBudgetRequest, principal: Principal, requestId?: string): Promise<BudgetView> {
    const path = request.orgUnitPath ?? principal.scopePath;
    const orgUnitId = unitIdOfPath(path);
    if (!orgUnitId) {
      throw Problem.badRequest('须指明资金所属组织 / Name the unit the fund belongs to', [{ field: 'orgUnitPath', message: 'orgUnitPath 为必填项 / orgUnitPath is required' }]);
    }
    if (!inScope(principal, path)) throw outsideScope();
    return this.transaction.run(async (tx) => {
      const budget = await this.insertBudget(tx, { parentId: null, orgUnitId, orgUnitPath: path, year: request.year, source: request.source, name: request.name }, principal);
      await this.ledger.move(tx, budget.id, 'allocation', request.amountFen, principal.username, { note: '资金设立 / fund set up' });
      await this.announce(tx, budget, request.amountFen, requestId);
      return toBudgetView(await this.budgets.findInScope(budget.id, principal, tx));
    });
  }

  allocate(parentId: string, request: AllocateBudgetRequest, principal: Principal, requestId?: string): Promise<BudgetView> {
    return this.transaction.run(async (tx) => {
      const parent = await this.budgets.findInScope(parentId, principal, tx);
      const orgUnitId = unitIdOfPath(request.orgUnitPath);
      if (!orgUnitId || !isBelow(parent.orgUnitPath, request.orgUnitPath)) {
        throw Problem.badRequest('只能下达给本级以下的组织 / A budget is allocated only to a unit below its own', [
          { field: 'orgUnitPath', message: '须为下级组织 / must be a unit below the budget’s unit' },
        ]);
      }
      // an early, friendly answer; the guarded UPDATE in the ledger is what holds under concurrency
      const check = canTake(parent, request.amountFen);
      if (!check.ok) throw budgetInsufficient(parent.availableFen, request.amountFen);
      const child = await this.insertBudget(tx, { parentId: parent.id, orgUnitId, orgUnitPath: request.orgUnitPath, year: parent.year, source: parent.source, name: request.name ?? parent.name }, principal);
      await this.ledger.move(tx, parent.id, 'sub-allocation', request.amountFen, principal.username, { counterpartBudgetId: child.id });
      await this.ledger.move(tx, child.id, 'allocation', request.amountFen, principal.username, { counterpartBudgetId: parent.id });
      await this.announce(tx, child, request.amountFen, requestId);
      return toBudgetView(await this.budgets.findInScope(child.id, principal, tx));
    });
  }

  private async insertBudget(tx: Tx, b: Pick<Budget, 'parentId' | 'orgUnitId' | 'orgUnitPath' | 'year' | 'source' | 'name'>, principal: Principal): Promise<Budget> {
    const budget: Budget = { id: randomUUID(), ...b, allocatedFen: 0, allocatedToChildrenFen: 0, reservedFen: 0, spentFen: 0, availableFen: 0, createdBy: principal.username, createdAt: new Date() };
    await this.budgets.insert(tx, budget);
    return budget;
  }

  private async announce(tx: Tx, budget: Budget, amountFen: number, requestId?: string): Promise<void> {
    await this.runtime.outbox.record(
      tx,
      BudgetAllocatedV1,
      { budgetId: budget.id, parentBudgetId: budget.parentId, orgUnitId: budget.orgUnitId, year: budget.year, source: budget.source, amountFen, allocatedAt: budget.createdAt.toISOString() },
      { correlationId: requestId },
    );
  }
}
