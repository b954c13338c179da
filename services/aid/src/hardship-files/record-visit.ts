import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { chinaDate, Page, Problem, TransactionBoundary } from '@gonghui/service-kit';
import { decideDetailAccess } from './domain/detail-access';
import { checkFurtherVisit, lastVisitAfter } from './domain/file-life';
import { ListVisitsQuery, RecordVisitRequest, toVisitView, VisitView } from './hardship-file.dto';
import { HardshipFilesRepository } from './hardship-files.repository';
import { fileNotOpen } from './file-problems';

/**
 * Use cases: add a further visit (走访) to an open file, and read a file's visits. What a visit
 * found is sealed like the opening visit's details and shown on the same terms: to a hardship
 * case worker who says why, the reading logged in the file's detail access log.
 */
@Injectable()
export class RecordVisit {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly files: HardshipFilesRepository,
  ) {}

  execute(id: string, request: RecordVisitRequest, principal: Principal): Promise<VisitView> {
    return this.transaction.run(async (tx) => {
      const file = await this.files.lockInScope(tx, id, principal);
      const now = new Date();
      const checked = checkFurtherVisit(file, request, chinaDate(now));
      if (!checked.ok) {
        if (checked.refusal.reason === 'file-closed') throw fileNotOpen(checked.refusal);
        throw Problem.badRequest('走访记录有误 / The visit is invalid', checked.refusal.errors);
      }
      const visit = await this.files.insertVisit(
        tx,
        { id: randomUUID(), fileId: file.id, visitedOn: request.visitedOn, notes: request.notes.trim(), visitedBy: principal.username, recordedAt: now },
        lastVisitAfter(file.lastVisitedOn, request.visitedOn),
      );
      return toVisitView(visit, null);
    });
  }

  list(id: string, query: ListVisitsQuery, principal: Principal): Promise<Page<VisitView>> {
    const access = decideDetailAccess(principal, query.reason);
    return this.transaction.run(async (tx) => {
      const file = await this.files.findInScope(id, principal, tx);
      if (access.outcome === 'refuse') throw Problem.badRequest('查看走访情况须说明理由 / A reason is required to read the visits of a hardship file', [access.error]);
      if (access.outcome === 'withhold') return this.files.visitPage(tx, file.id, query, (v) => toVisitView(v, null));
      await this.files.logDetailView(tx, file.id, principal, access.reason, new Date());
      return this.files.visitPage(tx, file.id, query, (v) => toVisitView(v, this.files.visitNotes(v)));
    });
  }
}
