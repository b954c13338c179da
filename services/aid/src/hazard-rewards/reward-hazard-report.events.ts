import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { HazardReportVerifiedV1 } from '@gonghui/contracts';
import { CloudEvent, EventTransaction, OnEvent } from '@gonghui/messaging';
import { HazardRewards } from './hazard-rewards';

/**
 * Mediation verified a safety-hazard report: aid owes its reward. Without a budget the reward is
 * recorded as awaiting one (listed for the aid desk), never dead-lettered.
 */
@Controller()
export class RewardHazardReportEvents {
  constructor(private readonly rewards: HazardRewards) {}

  @OnEvent(HazardReportVerifiedV1, { group: 'hazard-rewards' })
  async verified(@Payload() event: CloudEvent<HazardReportVerifiedV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    await this.rewards.record(manager, event.data);
  }
}
