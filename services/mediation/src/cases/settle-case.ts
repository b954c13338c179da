import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DisputeCaseSettledV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { inTransaction } from '@gonghui/persistence';
import { Problem, ServiceRuntime } from '@gonghui/service-kit';
import { CaseView, SettleCaseRequest } from './case.dto';
import { CasesRepository, toCaseView } from './cases.repository';
import { normaliseObligations, totalAmountFen } from './agreement';

/**
 * Use case: close an open case with a written mediation agreement (调解协议). The case row is
 * locked so a case is settled once; the settled event carries the obligations for follow-up
 * and makes aid record a referral for the worker.
 */
@Injectable()
export class SettleCase {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly cases: CasesRepository,
  ) {}

  async execute(caseId: string, request: SettleCaseRequest, principal: Principal, requestId?: string): Promise<CaseView> {
    return inTransaction(this.runtime.pool, async (tx) => {
      const existing = await this.cases.findById(caseId, tx, true);
      if (!existing || !inScope(principal, existing.org_unit_path)) throw Problem.notFound(`案件不存在 / Case ${caseId} not found`);
      if (existing.status !== 'open') throw Problem.conflict('case-not-open', '案件已结案 / The case is already closed');

      const obligations = normaliseObligations(request.obligations);
      const total = totalAmountFen(obligations);
      const agreementId = randomUUID();
      await tx.query(`INSERT INTO agreements (id, case_id, obligations, total_amount_fen) VALUES ($1, $2, $3, $4)`, [
        agreementId,
        caseId,
        JSON.stringify(obligations),
        total,
      ]);
      await tx.query(`UPDATE cases SET status = 'settled', closed_at = now() WHERE id = $1`, [caseId]);
      const row = (await this.cases.findById(caseId, tx))!;
      await this.runtime.outbox.record(
        tx,
        DisputeCaseSettledV1,
        { caseId, memberId: row.member_id, agreementId, obligations, totalAmountFen: total, settledAt: row.closed_at!.toISOString() },
        { correlationId: requestId },
      );
      return toCaseView(row);
    });
  }
}
