import { Inject, Injectable } from '@nestjs/common';
import { MediationObligationPerformedV1 } from '@gonghui/contracts';
import { Tx } from '@gonghui/persistence';
import { chinaTime, Problem, ServiceRuntime } from '@gonghui/service-kit';
import { DisputeCase } from '../cases/case.entity';
import { Obligation } from './obligation.entity';
import { TrackedObligationView } from './follow-up.dto';
import { allPerformed, ObligationState } from './domain/obligation';

export function toTrackedView(o: Obligation): TrackedObligationView {
  const amount = o.amountFen === null ? null : Number(o.amountFen);
  return {
    id: o.id,
    seq: o.seq,
    description: o.description,
    payer: o.payer,
    payee: o.payee,
    amountFen: amount,
    paidFen: Number(o.paidFen),
    outstandingFen: amount === null ? null : amount - Number(o.paidFen),
    dueDate: o.dueDate,
    status: o.status,
    performedAt: chinaTime(o.performedAt),
    overdue: o.overdueFlaggedOn !== null && o.status === 'pending',
    followUpOn: o.followUpOn,
  };
}

export function stateOf(o: Obligation): ObligationState {
  return { id: o.id, amountFen: o.amountFen === null ? null : Number(o.amountFen), paidFen: Number(o.paidFen), dueDate: o.dueDate, status: o.status, overdueFlaggedOn: o.overdueFlaggedOn };
}

@Injectable()
export class FollowUpRepository {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  async ofCase(db: Tx, caseId: string): Promise<Obligation[]> {
    return db.getRepository(Obligation).find({ where: { caseId }, order: { seq: 'ASC' } });
  }

  async one(tx: Tx, caseId: string, obligationId: string): Promise<Obligation> {
    const found = await tx.getRepository(Obligation).findOne({ where: { id: obligationId, caseId } });
    if (!found) throw Problem.notFound(`协议义务不存在 / Obligation ${obligationId} not found`);
    return found;
  }

  /**
   * The obligation is performed: record it, announce it, and close the case when it was the last
   * one (the case row is locked by the caller, so two last payments cannot both miss it).
   */
  async performed(tx: Tx, theCase: DisputeCase, obligation: Obligation, now: Date, requestId?: string): Promise<boolean> {
    await tx.update(Obligation, { id: obligation.id }, { status: 'performed', performedAt: now });
    const statuses = (await this.ofCase(tx, theCase.id)).map((o) => (o.id === obligation.id ? 'performed' : o.status));
    const caseClosed = allPerformed(statuses);
    if (caseClosed) await tx.update(DisputeCase, { id: theCase.id }, { status: 'closed', closedAt: now });
    await this.runtime.outbox.record(
      tx,
      MediationObligationPerformedV1,
      { obligationId: obligation.id, caseId: theCase.id, orgUnitPath: theCase.orgUnitPath, amountFen: obligation.amountFen === null ? null : Number(obligation.amountFen), caseClosed, performedAt: now.toISOString() },
      { correlationId: requestId },
    );
    return caseClosed;
  }
}
