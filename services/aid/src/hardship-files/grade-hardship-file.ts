import { Inject, Injectable } from '@nestjs/common';
import { HardshipFileGradedV1, HardshipGrade } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { gradeFile } from './domain/file-life';
import { HardshipFileView, toHardshipFileView } from './hardship-file.dto';
import { HardshipFilesRepository } from './hardship-files.repository';
import { fileNotOpen, gradeUnchanged } from './file-problems';

/** Use case: grade or regrade an open file (困难类别认定), announced with the categories only. */
@Injectable()
export class GradeHardshipFile {
  constructor(
    private readonly transaction: TransactionBoundary,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly files: HardshipFilesRepository,
  ) {}

  execute(id: string, grade: HardshipGrade, principal: Principal, requestId?: string): Promise<HardshipFileView> {
    return this.transaction.run(async (tx) => {
      const file = await this.files.lockInScope(tx, id, principal);
      const outcome = gradeFile(file, grade, new Date());
      if (!outcome.ok) throw outcome.refusal.reason === 'file-closed' ? fileNotOpen(outcome.refusal) : gradeUnchanged(outcome.refusal.grade);
      await this.files.update(tx, file.id, { grade: outcome.grade, gradedAt: outcome.gradedAt });
      await this.runtime.outbox.record(tx, HardshipFileGradedV1, outcome.event, { correlationId: requestId });
      return toHardshipFileView({ ...file, grade: outcome.grade, gradedAt: outcome.gradedAt }, null);
    });
  }
}
