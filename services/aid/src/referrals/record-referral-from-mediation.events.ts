import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { AidReferralRecordedV1, DisputeCaseAidReferredV1, DisputeCaseSettledV1 } from '@gonghui/contracts';
import { CloudEvent, EventTransaction, OnEvent } from '@gonghui/messaging';
import { ServiceRuntime } from '@gonghui/service-kit';
import { ReferralsRepository } from './referrals.repository';

/**
 * A mediation case can reveal hardship: the worker is referred to aid for a check, when the case
 * settles or when a mediator refers them at any stage. One referral per worker and case (a
 * collective case refers each of its member workers; for one worker, whichever event comes first
 * records it and the other changes nothing), announced as aid.referral.recorded.
 */
@Controller()
export class RecordReferralFromMediationEvents {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly referrals: ReferralsRepository,
  ) {}

  @OnEvent(DisputeCaseSettledV1, { group: 'mediation-referrals' })
  caseSettled(@Payload() event: CloudEvent<DisputeCaseSettledV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    return this.record(manager, event, { memberId: event.data.memberId, caseId: event.data.caseId, agreedAmountFen: event.data.totalAmountFen });
  }

  @OnEvent(DisputeCaseAidReferredV1, { group: 'mediation-referrals' })
  workerReferred(@Payload() event: CloudEvent<DisputeCaseAidReferredV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    return this.record(manager, event, { memberId: event.data.memberId, caseId: event.data.caseId, agreedAmountFen: event.data.agreedAmountFen ?? 0 });
  }

  private async record(manager: EventTransaction['manager'], event: CloudEvent<unknown>, from: { memberId: string; caseId: string; agreedAmountFen: number }): Promise<void> {
    const referral = {
      id: randomUUID(),
      memberId: from.memberId,
      source: 'mediation' as const,
      sourceCaseId: from.caseId,
      agreedAmountFen: from.agreedAmountFen,
      recordedAt: new Date(),
    };
    if (!(await this.referrals.insertOncePerCaseAndMember(manager, referral))) return;
    await this.runtime.outbox.record(
      manager,
      AidReferralRecordedV1,
      { referralId: referral.id, memberId: referral.memberId, source: 'mediation', sourceCaseId: referral.sourceCaseId, recordedAt: referral.recordedAt.toISOString() },
      { correlationId: event.correlationid, causationId: event.id },
    );
  }
}
