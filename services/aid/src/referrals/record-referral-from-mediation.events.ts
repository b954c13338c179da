import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { AidReferralRecordedV1, DisputeCaseSettledV1 } from '@gonghui/contracts';
import { CloudEvent, EventTransaction, OnEvent } from '@gonghui/messaging';
import { ServiceRuntime } from '@gonghui/service-kit';
import { ReferralsRepository } from './referrals.repository';

/**
 * A settled mediation case can reveal hardship: the worker is referred to aid for a check.
 * One referral per case (the case id is unique), announced as aid.referral.recorded.
 */
@Controller()
export class RecordReferralFromMediationEvents {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly referrals: ReferralsRepository,
  ) {}

  @OnEvent(DisputeCaseSettledV1, { group: 'mediation-referrals' })
  async caseSettled(@Payload() event: CloudEvent<DisputeCaseSettledV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    const settled = event.data;
    const referral = {
      id: randomUUID(),
      memberId: settled.memberId,
      source: 'mediation' as const,
      sourceCaseId: settled.caseId,
      agreedAmountFen: settled.totalAmountFen,
      recordedAt: new Date(),
    };
    if (!(await this.referrals.insertOncePerCase(manager, referral))) return;
    await this.runtime.outbox.record(
      manager,
      AidReferralRecordedV1,
      { referralId: referral.id, memberId: referral.memberId, source: 'mediation', sourceCaseId: referral.sourceCaseId, recordedAt: referral.recordedAt.toISOString() },
      { correlationId: event.correlationid, causationId: event.id },
    );
  }
}
