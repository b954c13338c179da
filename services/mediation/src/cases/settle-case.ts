import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DisputeCaseSettledV1, DisputeCaseSettledV2 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { CaseView, SettleCaseRequest } from './case.dto';
import { CasesRepository, toCaseView } from './cases.repository';
import { CaseStatus, notOpenMessage, settleCase, SettleRefusal } from './domain/case';

export const caseNotOpen = (status: CaseStatus) => Problem.conflict('case-not-open', notOpenMessage(status));

function refused(refusal: SettleRefusal): Problem {
  switch (refusal.reason) {
    case 'case-not-open':
      return caseNotOpen(refusal.status);
    case 'no-obligations':
      return Problem.badRequest('调解协议须至少有一项义务 / The agreement needs at least one obligation', [{ field: 'obligations', message: '至少须有一项义务 / at least one obligation' }]);
  }
}

/**
 * Use case: close an open case with a written mediation agreement (调解协议). The case row is
 * locked so a case is settled once; settled.v2 announces every agreement (member ids, possibly none),
 * and for a member's case settled.v1 makes aid record a referral for the worker.
 */
@Injectable()
export class SettleCase {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly cases: CasesRepository,
  ) {}

  execute(caseId: string, request: SettleCaseRequest, principal: Principal, requestId?: string): Promise<CaseView> {
    return this.transaction.run(
      async (tx) => {
        const existing = await this.cases.findInScopeForUpdate(tx, caseId, principal);
        const outcome = settleCase(existing, { agreementId: randomUUID(), obligations: request.obligations, now: new Date() });
        if (!outcome.ok) throw refused(outcome.refusal);
        const row = await this.cases.settle(tx, existing, outcome);
        await this.runtime.outbox.record(tx, DisputeCaseSettledV2, outcome.settled, { correlationId: requestId });
        if (outcome.event) await this.runtime.outbox.record(tx, DisputeCaseSettledV1, outcome.event, { correlationId: requestId });
        return toCaseView(row);
      },
      { agreements_case_id_key: () => caseNotOpen('settled') },
    );
  }
}
