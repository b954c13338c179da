import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { chinaDate, Problem, TransactionBoundary } from '@gonghui/service-kit';
import { CasesRepository } from '../cases/cases.repository';
import { caseNotOpen } from '../cases/settle-case';
import { Obligation, ObligationPayment } from './obligation.entity';
import { RecordPaymentRequest, TrackedObligationView } from './follow-up.dto';
import { FollowUpRepository, stateOf, toTrackedView } from './follow-up.repository';
import { markPerformed, PaymentRefusal, recordPayment } from './domain/obligation';
import { isCalendarDate } from '../cases/domain/calendar';

export function paymentRefused(refusal: PaymentRefusal): Problem {
  switch (refusal.reason) {
    case 'beyond-owed':
      return Problem.badRequest(`支付金额超过尚欠金额（尚欠 ${refusal.outstandingFen} 分） / The payment exceeds what is owed (${refusal.outstandingFen} fen outstanding)`, [
        { field: 'amountFen', message: `不能超过尚欠的 ${refusal.outstandingFen} 分 / at most ${refusal.outstandingFen} fen` },
      ]);
    case 'not-monetary':
      return Problem.conflict('obligation-kind', '支付只适用于金钱义务，非金钱义务请标记履行 / Payments are for money obligations; mark a non-monetary term performed');
    case 'already-performed':
      return Problem.conflict('obligation-performed', '该义务已履行完毕 / The obligation is already performed');
  }
}

/** Use cases: a (part) payment of a money obligation, or a non-monetary term performed, on a settled case. */
@Injectable()
export class RecordPerformance {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly cases: CasesRepository,
    private readonly followUp: FollowUpRepository,
  ) {}

  pay(caseId: string, obligationId: string, request: RecordPaymentRequest, principal: Principal, requestId?: string): Promise<TrackedObligationView> {
    const now = new Date();
    const paidOn = request.paidOn ?? chinaDate(now);
    if (!isCalendarDate(paidOn) || paidOn > chinaDate(now)) {
      throw Problem.badRequest('支付日期无效或晚于今天 / paidOn is not a date or is after today', [{ field: 'paidOn', message: '须为不晚于今天的日期 / a date not after today' }]);
    }
    return this.transaction.run(async (tx) => {
      const theCase = await this.cases.findInScopeForUpdate(tx, caseId, principal);
      if (theCase.status !== 'settled') throw caseNotOpen(theCase.status);
      const obligation = await this.followUp.one(tx, caseId, obligationId);
      const outcome = recordPayment(stateOf(obligation), request.amountFen);
      if (!outcome.ok) throw paymentRefused(outcome.refusal);
      await tx.insert(ObligationPayment, { id: randomUUID(), obligationId, amountFen: String(request.amountFen), paidOn, recordedBy: principal.username, recordedAt: now });
      await tx.update(Obligation, { id: obligationId }, { paidFen: String(outcome.paidFen) });
      const updated = { ...obligation, paidFen: String(outcome.paidFen) };
      if (outcome.performed) {
        await this.followUp.performed(tx, theCase, updated, now, requestId);
        return toTrackedView({ ...updated, status: 'performed', performedAt: now });
      }
      return toTrackedView(updated);
    });
  }

  perform(caseId: string, obligationId: string, principal: Principal, requestId?: string): Promise<TrackedObligationView> {
    return this.transaction.run(async (tx) => {
      const theCase = await this.cases.findInScopeForUpdate(tx, caseId, principal);
      if (theCase.status !== 'settled') throw caseNotOpen(theCase.status);
      const obligation = await this.followUp.one(tx, caseId, obligationId);
      const outcome = markPerformed(stateOf(obligation));
      if (!outcome.ok) throw paymentRefused(outcome.refusal);
      const now = new Date();
      await this.followUp.performed(tx, theCase, obligation, now, requestId);
      return toTrackedView({ ...obligation, status: 'performed', performedAt: now });
    });
  }
}
