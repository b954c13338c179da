import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { JobOfferAcceptedV1 } from '@gonghui/contracts';
import { CloudEvent, EventTransaction, OnEvent } from '@gonghui/messaging';
import { EmploymentReferralsRepository } from './employment-referrals.repository';

/**
 * A member accepted a job offer at one of training's job fairs (送岗位): their referral awaiting a
 * job and their open hardship file note the job taken (consumer group aid.job-offers; the inbox
 * makes a redelivery change nothing). A member aid never referred is not aid's concern.
 */
@Controller()
export class JobOfferAcceptedEvents {
  constructor(private readonly referrals: EmploymentReferralsRepository) {}

  @OnEvent(JobOfferAcceptedV1, { group: 'job-offers' })
  async accepted(@Payload() event: CloudEvent<JobOfferAcceptedV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    const offer = event.data;
    await this.referrals.noteJobTaken(manager, offer.memberId, { offerId: offer.offerId, employerName: offer.employerName, position: offer.position, acceptedAt: new Date(offer.acceptedAt) });
  }
}
