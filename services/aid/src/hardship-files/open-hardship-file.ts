import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { HardshipFileGradedV1, HardshipFileOpenedV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { Problem, requireActiveMember, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { householdKey } from './domain/file-life';
import { openHardshipFile, OpenFileRefusal } from './domain/hardship-file';
import { HardshipFileView, OpenHardshipFileRequest, toHardshipFileView } from './hardship-file.dto';
import { HardshipFilesRepository } from './hardship-files.repository';

const fileAlreadyOpen = () => Problem.conflict('file-already-open', '该会员已有在档的困难职工档案 / This member already has an open hardship file');
const householdFileOpen = () => Problem.conflict('household-file-open', '该家庭已有在档的困难职工档案 / This household already has an open hardship file');

function refused(refusal: OpenFileRefusal): Problem {
  switch (refusal.reason) {
    case 'file-already-open':
      return fileAlreadyOpen();
    case 'household-file-open':
      return householdFileOpen();
    case 'visit-incomplete':
      return Problem.badRequest('入户走访信息不完整 / The household visit is incomplete', refusal.errors);
  }
}

/**
 * Use case: open a hardship worker file (建档) after a household visit, for an active member in
 * the officer's subtree. The rules are the domain's (one open file per member and per household,
 * a complete visit); two officers opening a file for one member or one household at once meet at
 * the partial unique indexes, which the transaction boundary turns into the same 409.
 */
@Injectable()
export class OpenHardshipFile {
  constructor(
    private readonly transaction: TransactionBoundary,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly files: HardshipFilesRepository,
  ) {}

  execute(request: OpenHardshipFileRequest, principal: Principal, requestId?: string): Promise<HardshipFileView> {
    return this.transaction.run(
      async (tx) => {
        const member = await requireActiveMember(tx, request.memberId, principal);
        const key = householdKey(request.household, member.memberId);
        const storedKey = this.files.storedHouseholdKey(key);
        const hasOpenFile = await this.files.hasOpenFile(tx, member.memberId);
        // A member who is a household of their own has no household to check apart from themselves
        // (a second look could see a file committed since the first, and name the wrong conflict).
        const householdHasOpenFile = key.startsWith('member:') ? false : await this.files.householdHasOpenFile(tx, storedKey);
        const outcome = openHardshipFile(
          { memberId: member.memberId, orgUnitId: member.orgUnitId, orgUnitPath: member.orgUnitPath, hasOpenFile, householdHasOpenFile },
          { fileId: randomUUID(), cause: request.cause, grade: request.grade ?? null, visit: request.visit, visitedBy: principal.username, now: new Date() },
        );
        if (!outcome.ok) throw refused(outcome.refusal);
        const file = await this.files.insert(tx, outcome.file, storedKey);
        for (const event of outcome.events) {
          if (event.type === 'hardship-file.opened') await this.runtime.outbox.record(tx, HardshipFileOpenedV1, event.data, { correlationId: requestId });
          else await this.runtime.outbox.record(tx, HardshipFileGradedV1, event.data, { correlationId: requestId });
        }
        // the details leave the service only through the logged view of one file, not in this answer
        return toHardshipFileView(file, null);
      },
      {
        hardship_files_one_open_per_member: fileAlreadyOpen,
        // without a household given, the household is the member alone: the same conflict as the member's own
        hardship_files_one_open_per_household: () => (householdKey(request.household, request.memberId).startsWith('member:') ? fileAlreadyOpen() : householdFileOpen()),
      },
    );
  }
}
