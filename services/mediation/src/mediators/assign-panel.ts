import { Inject, Injectable } from '@nestjs/common';
import { DisputeCasePanelAssignedV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { CasesRepository } from '../cases/cases.repository';
import { caseNotOpen } from '../cases/settle-case';
import { AssignPanelRequest, PanelView } from './mediator.dto';
import { MediatorsRepository } from './mediators.repository';
import { checkPanel } from './domain/panel';

const PANEL_TITLE = '调解组不符合要求 / The panel cannot be formed';

/**
 * Use case: form (or re-form) the panel of an open case. The case row is locked so two
 * assignments do not interleave; the checks name every mediator refused and why.
 */
@Injectable()
export class AssignPanel {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly cases: CasesRepository,
    private readonly mediators: MediatorsRepository,
  ) {}

  execute(caseId: string, request: AssignPanelRequest, principal: Principal, requestId?: string): Promise<PanelView> {
    return this.transaction.run(async (tx) => {
      const theCase = await this.cases.findInScopeForUpdate(tx, caseId, principal);
      if (theCase.status !== 'open') throw caseNotOpen(theCase.status);
      const ids = [request.leadMediatorId, ...request.coMediatorIds];
      const memberIds = theCase.workers.flatMap((w) => (w.memberId ? [w.memberId] : []));
      const candidates = await this.mediators.candidates(tx, ids, principal, { id: theCase.id, employerName: theCase.employerName, memberIds });
      const check = checkPanel({ leadId: request.leadMediatorId, coIds: request.coMediatorIds, candidates, caseEmployerName: theCase.employerName });
      if (!check.ok) {
        const slug = check.status === 400 ? 'validation-failed' : check.status === 422 ? 'unknown-mediator' : 'mediator-not-eligible';
        // One detail in each language: "中文；中文 / English; English".
        const halves = check.problems.map((p) => p.message.split(' / '));
        const detail = `${halves.map((h) => h[0]).join('；')} / ${halves.map((h) => h[1] ?? h[0]).join('; ')}`;
        throw new Problem(check.status, slug, PANEL_TITLE, detail, check.problems);
      }
      const now = new Date();
      await this.mediators.replacePanel(tx, caseId, check.members, now);
      await this.runtime.outbox.record(
        tx,
        DisputeCasePanelAssignedV1,
        { caseId, orgUnitPath: theCase.orgUnitPath, leadMediatorId: request.leadMediatorId, coMediatorIds: request.coMediatorIds, assignedAt: now.toISOString() },
        { correlationId: requestId },
      );
      return this.mediators.panelOf(tx, caseId);
    });
  }
}
