import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { HardshipFileOpenedV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { inTransaction, isPgError, PgErrorCode } from '@gonghui/persistence';
import { Problem, requireActiveMember, ServiceRuntime } from '@gonghui/service-kit';
import { HardshipFileView, OpenHardshipFileRequest } from './hardship-file.dto';
import { HardshipFilesRepository, toHardshipFileView } from './hardship-files.repository';

/**
 * Use case: open a hardship worker file (建档) after a household visit, for an active member in
 * the officer's subtree. One open file per member. The event carries the cause category only;
 * the visit's health and income details stay in this service.
 */
@Injectable()
export class OpenHardshipFile {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly files: HardshipFilesRepository,
  ) {}

  async execute(request: OpenHardshipFileRequest, principal: Principal, requestId?: string): Promise<HardshipFileView> {
    try {
      return await inTransaction(this.runtime.pool, async (tx) => {
        const member = await requireActiveMember(tx, request.memberId, principal);
        const row = await this.files.insert(tx, {
          id: randomUUID(),
          member_id: member.memberId,
          org_unit_id: member.orgUnitId,
          org_unit_path: member.orgUnitPath,
          status: 'open',
          cause: request.cause,
          household_size: request.visit.householdSize,
          monthly_household_income_fen: String(request.visit.monthlyHouseholdIncomeFen),
          income_sources: request.visit.incomeSources,
          housing: request.visit.housing,
          health: request.visit.health,
          children_schooling: request.visit.childrenSchooling,
          visited_on: request.visit.visitedOn,
          visited_by: principal.username,
        });
        await this.runtime.outbox.record(
          tx,
          HardshipFileOpenedV1,
          { fileId: row.id, memberId: row.member_id, orgUnitId: row.org_unit_id, cause: row.cause, openedAt: row.opened_at.toISOString() },
          { correlationId: requestId },
        );
        return toHardshipFileView(row);
      });
    } catch (error) {
      if (isPgError(error, PgErrorCode.uniqueViolation)) {
        throw Problem.conflict('file-already-open', '该会员已有在档的困难职工档案 / This member already has an open hardship file');
      }
      throw error;
    }
  }
}
