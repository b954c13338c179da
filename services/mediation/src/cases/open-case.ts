import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DisputeCaseOpenedV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { findKnownMember, Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { CaseView, OpenCaseRequest } from './case.dto';
import { CasesRepository, toCaseView } from './cases.repository';
import { openCase } from './domain/case';

/** Use case: a dispute reaches the mediation centre (立案) for a worker in the mediator's subtree. */
@Injectable()
export class OpenCase {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly cases: CasesRepository,
  ) {}

  execute(request: OpenCaseRequest, principal: Principal, requestId?: string): Promise<CaseView> {
    return this.transaction.run(async (tx) => {
      // A worker who has left the union can still bring a dispute: known is enough, active is not required.
      const member = await findKnownMember(tx, request.memberId);
      if (!member || !inScope(principal, member.orgUnitPath)) {
        throw new Problem(422, 'unknown-member', '会员不存在 / Unknown member', `未找到会员 ${request.memberId} / Member ${request.memberId} is not known here`, [
          { field: 'memberId', message: '未知会员 / unknown member' },
        ]);
      }
      const opened = openCase({
        caseId: randomUUID(),
        member,
        source: request.source,
        summary: request.summary,
        employerName: request.employerName,
        openedBy: principal.username,
        now: new Date(),
      });
      const row = await this.cases.open(tx, opened);
      await this.runtime.outbox.record(tx, DisputeCaseOpenedV1, opened.event, { correlationId: requestId });
      return toCaseView(row);
    });
  }
}
