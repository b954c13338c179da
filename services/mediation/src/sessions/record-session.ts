import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MediationSessionHeldV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { PersonalDataVault } from '@gonghui/identifiers';
import { Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { CasesRepository } from '../cases/cases.repository';
import { caseNotOpen } from '../cases/settle-case';
import { RecordSessionRequest, SessionView } from './session.dto';
import { SessionsRepository } from './sessions.repository';
import { heldAtProblem, maySeeNotes } from './domain/session';

/** Use case: record a session held on an open case; the notes sealed, the event without them. */
@Injectable()
export class RecordSession {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly cases: CasesRepository,
    private readonly sessions: SessionsRepository,
    private readonly vault: PersonalDataVault,
  ) {}

  execute(caseId: string, request: RecordSessionRequest, principal: Principal, requestId?: string): Promise<SessionView> {
    const now = new Date();
    const heldAt = new Date(request.heldAt);
    const problem = heldAtProblem(heldAt, now);
    if (problem) throw Problem.badRequest(problem, [{ field: 'heldAt', message: problem }]);
    return this.transaction.run(async (tx) => {
      const theCase = await this.cases.findInScopeForUpdate(tx, caseId, principal);
      if (theCase.status !== 'open') throw caseNotOpen(theCase.status);
      const session = {
        id: randomUUID(),
        caseId,
        kind: request.kind,
        heldAt,
        attendees: request.attendees.map((a) => ({ side: a.side, description: a.description.trim() })),
        sealedNotes: this.vault.encrypt(request.notes),
        recordedBy: principal.username,
        recordedAt: now,
      };
      await this.sessions.insert(tx, session);
      await this.runtime.outbox.record(
        tx,
        MediationSessionHeldV1,
        { sessionId: session.id, caseId, orgUnitPath: theCase.orgUnitPath, kind: session.kind, attendeeCount: session.attendees.length, heldAt: heldAt.toISOString() },
        { correlationId: requestId },
      );
      return this.sessions.toView(session, maySeeNotes(principal, await this.sessions.panelUsernames(tx, caseId)));
    });
  }
}
