import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { HardshipFileClosedV1 } from '@gonghui/contracts';
import { CloudEvent, EventTransaction, OnEvent } from '@gonghui/messaging';
import { BenefitPackages } from './benefit-packages';

/**
 * A hardship file closed (脱困): its benefit packages end with it. Redemptions already look at the
 * file's status; this records when the package ended, for the views and the reports.
 */
@Controller()
export class EndPackagesWithFile {
  constructor(private readonly packages: BenefitPackages) {}

  @OnEvent(HardshipFileClosedV1, { group: 'benefit-packages' })
  async closed(@Payload() event: CloudEvent<HardshipFileClosedV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    await this.packages.endWithFile(manager, event.data.fileId, event.data.closedAt);
  }
}
