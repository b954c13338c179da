import { Inject, Injectable } from '@nestjs/common';
import { DisputeCaseAidReferredV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { chinaTime, Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { AidReferralView, ReferToAidRequest } from './case.dto';
import { CasesRepository } from './cases.repository';
import { AidReferralRefusal, referToAid } from './domain/case';

const alreadyReferred = () => Problem.conflict('already-referred-to-aid', '该职工已因本案转介帮扶 / This worker was already referred to aid for this case');

function refused(refusal: AidReferralRefusal): Problem {
  switch (refusal.reason) {
    case 'not-a-member-worker':
      return new Problem(422, 'not-a-member-worker', '不是本案的会员职工 / Not a member worker of this case', '只能转介本案中的会员职工（帮扶服务会员） / Only a member worker of this case can be referred to aid, which serves members', [
        { field: 'memberId', message: '不是本案的会员职工 / not a member worker of this case' },
      ]);
    case 'already-referred':
      return alreadyReferred();
  }
}

/**
 * Use case: a case reveals hardship (困难) and the mediator refers the member worker to aid, at
 * any stage of the case. Aid records a referral from the event; the case row is locked so a
 * worker is referred once per case.
 */
@Injectable()
export class ReferToAid {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly cases: CasesRepository,
  ) {}

  execute(caseId: string, request: ReferToAidRequest, principal: Principal, requestId?: string): Promise<AidReferralView> {
    return this.transaction.run(
      async (tx) => {
        const existing = await this.cases.findInScopeForUpdate(tx, caseId, principal);
        const [agreement] = (await tx.query('SELECT total_amount_fen FROM agreements WHERE case_id = $1', [caseId])) as { total_amount_fen: string }[];
        const [earlier] = (await tx.query('SELECT 1 FROM case_aid_referrals WHERE case_id = $1 AND member_id = $2', [caseId, request.memberId])) as unknown[];
        const now = new Date();
        const outcome = referToAid(
          { ...existing, agreedAmountFen: agreement ? Number(agreement.total_amount_fen) : null },
          { memberId: request.memberId, alreadyReferred: earlier !== undefined, now },
        );
        if (!outcome.ok) throw refused(outcome.refusal);
        await tx.query('INSERT INTO case_aid_referrals (case_id, member_id, case_status, referred_by, referred_at) VALUES ($1, $2, $3, $4, $5)', [
          caseId,
          request.memberId,
          existing.status,
          principal.username,
          now,
        ]);
        await this.runtime.outbox.record(tx, DisputeCaseAidReferredV1, outcome.event, { correlationId: requestId });
        return { caseId, memberId: request.memberId, caseStatus: existing.status, referredAt: chinaTime(now) };
      },
      { case_aid_referrals_pkey: alreadyReferred },
    );
  }
}
