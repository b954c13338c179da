import { Inject, Injectable } from '@nestjs/common';
import { AidApplicationApprovedV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { covers } from '../budgets/domain/budget';
import { BudgetLedger } from '../budgets/budget-ledger';
import { BudgetsRepository } from '../budgets/budgets.repository';
import { nextStage } from './domain/application';
import { AidApplication } from './application.entity';
import { ApproveCampaignRequest, ApproveCampaignView } from './application.dto';
import { stageRefused } from './stage-problems';

/**
 * Use case: approve a campaign's decided applications at once (e.g. Spring Festival "send
 * warmth", 16,000 people), reserving from one budget: all or none. Every application must be in
 * the officer's subtree, decided with a passing vote, and covered by the budget; the budget must
 * hold the total. Set-based: one guarded UPDATE of the budget for the total, one ledger entry,
 * step and event per application.
 */
@Injectable()
export class ApproveCampaign {
  constructor(
    private readonly transaction: TransactionBoundary,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly budgets: BudgetsRepository,
    private readonly ledger: BudgetLedger,
  ) {}

  execute(budgetId: string, request: ApproveCampaignRequest, principal: Principal, requestId?: string): Promise<ApproveCampaignView> {
    const ids = [...new Set(request.applicationIds.map((id) => id.toLowerCase()))];
    if (ids.length !== request.applicationIds.length) {
      throw Problem.badRequest('申请重复 / An application is listed twice', [{ field: 'applicationIds', message: '不能重复 / must be unique' }]);
    }
    return this.transaction.run(async (tx) => {
      const budget = await this.budgets.findInScope(budgetId, principal, tx);
      const found = await tx
        .getRepository(AidApplication)
        .createQueryBuilder('a')
        .where('a.id IN (:...ids)', { ids })
        .orderBy('a.id')
        .setLock('pessimistic_write')
        .getMany();
      const visible = found.filter((a) => inScope(principal, a.orgUnitPath));
      const missing = ids.filter((id) => !visible.some((a) => a.id === id));
      if (missing.length > 0) {
        throw new Problem(404, 'not-found', '未找到 / Not found', `${missing.length} 份申请不存在 / ${missing.length} application(s) not found`,
          missing.slice(0, 50).map((id) => ({ field: 'applicationIds', message: `申请 ${id} 不存在 / application ${id} not found` })));
      }
      for (const a of visible) {
        const outcome = nextStage(a, 'approve');
        if (!outcome.ok) throw stageRefused(outcome.refusal);
        if (!a.decision?.passed) throw Problem.unprocessable('decision-not-passed', `申请 ${a.id} 的集体研究未获通过 / The committee did not pass application ${a.id}`);
        if (!covers(budget.orgUnitPath, a.orgUnitPath)) throw Problem.unprocessable('budget-does-not-cover', '该资金不覆盖申请人所在单位 / The budget does not cover the applicant’s unit');
      }
      const now = new Date();
      const items = visible.map((a) => ({ applicationId: a.id, amountFen: a.decision!.approvedAmountFen }));
      // Hand-written: set-based stage change and steps for a whole campaign
      await tx.query(
        `UPDATE aid_applications a SET stage = 'approved', approved_by = 'committee', approved_amount_fen = x.amount, budget_id = $3, approved_at = $4
           FROM unnest($1::uuid[], $2::bigint[]) AS x(id, amount) WHERE a.id = x.id`,
        [items.map((i) => i.applicationId), items.map((i) => i.amountFen), budget.id, now],
      );
      await tx.query(
        `INSERT INTO aid_application_steps (id, application_id, action, from_stage, to_stage, actor, acted_at)
         SELECT gen_random_uuid(), x.id, 'approve', 'decided', 'approved', $2, $3 FROM unnest($1::uuid[]) AS x(id)`,
        [items.map((i) => i.applicationId), principal.username, now],
      );
      await this.runtime.outbox.recordMany(
        tx,
        AidApplicationApprovedV1,
        visible.map((a) => ({ applicationId: a.id, memberId: a.memberId, orgUnitId: a.orgUnitId, kind: a.kind, budgetId: budget.id, approvedAmountFen: a.decision!.approvedAmountFen, approvedBy: 'committee' as const, approvedAt: now.toISOString() })),
        { correlationId: requestId },
      );
      // last, so that the budget row is locked for as short a time as possible
      await this.ledger.moveMany(tx, budget.id, 'reservation', items, principal.username, now);
      return { approved: items.length, reservedFen: items.reduce((sum, i) => sum + i.amountFen, 0) };
    });
  }
}
