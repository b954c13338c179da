import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { MemberEnrolledV1 } from '@gonghui/contracts';
import { CloudEvent, EventTransaction, OnEvent } from '@gonghui/messaging';
import { MedicalMutualAid } from './medical-mutual-aid';

/**
 * Gig workers (外卖、网约车、快递…) are covered free by medical mutual aid: they join from their
 * enrolment event, with no officer involved (consumer group `aid.medical-mutual-aid`).
 */
@Controller()
export class CoverGigWorkers {
  constructor(private readonly medical: MedicalMutualAid) {}

  // Enrolments come in floods (rosters): served as runs.
  @OnEvent(MemberEnrolledV1, { group: 'medical-mutual-aid', batch: true })
  async enrolled(@Payload() events: CloudEvent<MemberEnrolledV1>[], @Ctx() { manager }: EventTransaction): Promise<void> {
    for (const event of events) await this.medical.gigWorkerEnrolled(manager, event.data);
  }
}
