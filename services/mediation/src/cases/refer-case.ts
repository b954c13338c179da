import { Inject, Injectable } from '@nestjs/common';
import { DisputeCaseReferredV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { chinaDate, Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { CaseView, ReferCaseRequest } from './case.dto';
import { CasesRepository, toCaseView } from './cases.repository';
import { ReferRefusal, referCase } from './domain/case';
import { caseNotOpen } from './settle-case';

function refused(refusal: ReferRefusal): Problem {
  switch (refusal.reason) {
    case 'case-not-open':
      return caseNotOpen(refusal.status);
    case 'not-past-limit':
      return Problem.conflict(
        'not-past-limit',
        `法定调解期限尚余 ${refusal.daysLeft} 天，未逾期；调解不成请以 mediation-failed 移送 / The statutory limit has ${refusal.daysLeft} day(s) left; refer a failed mediation as mediation-failed`,
      );
  }
}

/**
 * Use case: refer a lapsed or failed mediation to arbitration or the court (诉调对接) with its
 * referral package. Judged on today's China date; the case row is locked so it is referred once.
 */
@Injectable()
export class ReferCase {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly cases: CasesRepository,
  ) {}

  execute(caseId: string, request: ReferCaseRequest, principal: Principal, requestId?: string): Promise<CaseView> {
    return this.transaction.run(async (tx) => {
      const existing = await this.cases.findInScopeForUpdate(tx, caseId, principal);
      const now = new Date();
      const sessionsHeld = await this.cases.sessionsHeld(tx, caseId);
      const outcome = referCase(existing, { referredTo: request.referredTo, reason: request.reason, note: request.note ?? null, sessionsHeld, today: chinaDate(now), now });
      if (!outcome.ok) throw refused(outcome.refusal);
      const row = await this.cases.update(tx, existing, outcome.changes);
      await this.runtime.outbox.record(tx, DisputeCaseReferredV1, outcome.event, { correlationId: requestId });
      return toCaseView(row, now);
    });
  }
}
