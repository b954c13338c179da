import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DisputeCaseOpenedV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { inTransaction } from '@gonghui/persistence';
import { findKnownMember, Problem, ServiceRuntime } from '@gonghui/service-kit';
import { CaseView, OpenCaseRequest } from './case.dto';
import { CasesRepository, toCaseView } from './cases.repository';

/** Use case: a dispute reaches the mediation centre (立案) for a worker in the mediator's subtree. */
@Injectable()
export class OpenCase {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly cases: CasesRepository,
  ) {}

  async execute(request: OpenCaseRequest, principal: Principal, requestId?: string): Promise<CaseView> {
    return inTransaction(this.runtime.pool, async (tx) => {
      // A worker who has left the union can still bring a dispute: known is enough, active is not required.
      const member = await findKnownMember(tx, request.memberId);
      if (!member || !inScope(principal, member.orgUnitPath)) {
        throw new Problem(422, 'unknown-member', '会员不存在 / Unknown member', `未找到会员 ${request.memberId} / Member ${request.memberId} is not known here`, [
          { field: 'memberId', message: '未知会员 / unknown member' },
        ]);
      }
      const id = randomUUID();
      await tx.query(
        `INSERT INTO cases (id, member_id, org_unit_path, source, summary, employer_name, status, opened_by)
         VALUES ($1, $2, $3, $4, $5, $6, 'open', $7)`,
        [id, member.memberId, member.orgUnitPath, request.source, request.summary, request.employerName, principal.username],
      );
      const row = (await this.cases.findById(id, tx))!;
      await this.runtime.outbox.record(
        tx,
        DisputeCaseOpenedV1,
        { caseId: row.id, memberId: row.member_id, source: row.source, openedAt: row.opened_at.toISOString() },
        { correlationId: requestId },
      );
      return toCaseView(row);
    });
  }
}
