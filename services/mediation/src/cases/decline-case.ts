import { Inject, Injectable } from '@nestjs/common';
import { DisputeCaseDeclinedV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { CaseView, DeclineCaseRequest } from './case.dto';
import { CasesRepository, toCaseView } from './cases.repository';
import { declineCase } from './domain/case';
import { caseNotOpen } from './settle-case';

/** Use case: decline an application (不予受理) with a reason; the reason stays here, out of the event. */
@Injectable()
export class DeclineCase {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly cases: CasesRepository,
  ) {}

  execute(caseId: string, request: DeclineCaseRequest, principal: Principal, requestId?: string): Promise<CaseView> {
    return this.transaction.run(async (tx) => {
      const existing = await this.cases.findInScopeForUpdate(tx, caseId, principal);
      const outcome = declineCase(existing, { reason: request.reason, now: new Date() });
      if (!outcome.ok) throw caseNotOpen(outcome.refusal.status);
      const row = await this.cases.update(tx, existing, outcome.changes);
      await this.runtime.outbox.record(tx, DisputeCaseDeclinedV1, outcome.event, { correlationId: requestId });
      return toCaseView(row);
    });
  }
}
