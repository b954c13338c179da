import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { HardshipFileClosedV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { chinaDate, Page, PageQuery, Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { reviewFile } from './domain/file-life';
import { HardshipFileView, ReviewHardshipFileRequest, ReviewView, toHardshipFileView, toReviewView } from './hardship-file.dto';
import { HardshipFile } from './hardship-file.entity';
import { HardshipFilesRepository } from './hardship-files.repository';
import { alreadyReviewed, fileNotOpen } from './file-problems';

/**
 * Use case: the annual review (年度复核) of an open file: keep it, or close it as out of hardship
 * (脱困) with a reason. Once per file and calendar year (the domain's rule, and a unique
 * constraint for two reviews at once). The closing event carries the category, never the reason.
 */
@Injectable()
export class ReviewHardshipFile {
  constructor(
    private readonly transaction: TransactionBoundary,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly files: HardshipFilesRepository,
  ) {}

  execute(id: string, request: ReviewHardshipFileRequest, principal: Principal, requestId?: string): Promise<HardshipFileView> {
    let year = 0;
    return this.transaction.run(
      async (tx) => {
        const file = await this.files.lockInScope(tx, id, principal);
        const now = new Date();
        const outcome = reviewFile(file, request, chinaDate(now), now);
        if (!outcome.ok) {
          if (outcome.refusal.reason === 'file-closed') throw fileNotOpen(outcome.refusal);
          if (outcome.refusal.reason === 'already-reviewed') throw alreadyReviewed(outcome.refusal.year);
          throw Problem.badRequest('年度复核信息有误 / The annual review is invalid', outcome.refusal.errors);
        }
        year = outcome.reviewYear;
        const reason = request.reason?.trim() || null;
        await this.files.insertReview(tx, {
          id: randomUUID(),
          fileId: file.id,
          reviewYear: outcome.reviewYear,
          reviewedOn: request.reviewedOn,
          decision: outcome.decision,
          reason,
          reviewedBy: principal.username,
          recordedAt: now,
        });
        const lastReviewedOn = file.lastReviewedOn && file.lastReviewedOn > request.reviewedOn ? file.lastReviewedOn : request.reviewedOn;
        let changes: Partial<HardshipFile> = { lastReviewedOn };
        if (outcome.decision === 'close') {
          changes = { ...changes, status: 'closed', closedAt: outcome.closedAt, closure: 'out-of-hardship', closureReason: outcome.reason };
          await this.runtime.outbox.record(tx, HardshipFileClosedV1, outcome.event, { correlationId: requestId });
        }
        await this.files.update(tx, file.id, changes);
        return toHardshipFileView({ ...file, ...changes }, null);
      },
      { hardship_file_reviews_once_a_year: () => alreadyReviewed(year) },
    );
  }

  /** The file's reviews, in the order recorded. */
  async list(id: string, page: PageQuery, principal: Principal): Promise<Page<ReviewView>> {
    const file = await this.files.findInScope(id, principal);
    return this.files.reviewPage(file.id, page, toReviewView);
  }
}
