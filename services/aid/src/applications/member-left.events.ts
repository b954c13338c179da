import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { MemberLeftV1 } from '@gonghui/contracts';
import { CloudEvent, EventTransaction, OnEvent } from '@gonghui/messaging';
import { OPEN_STAGES } from './domain/application';

/**
 * A member who leaves the union can make no new application (the directory says so at
 * submission); the applications still open are flagged for the aid desk to decide on.
 */
@Controller()
export class FlagApplicationsOfMemberWhoLeft {
  @OnEvent(MemberLeftV1, { group: 'aid-applications' })
  async memberLeft(@Payload() event: CloudEvent<MemberLeftV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    // Hand-written: one set-based update of the member's open applications
    await manager.query('UPDATE aid_applications SET member_left_at = $2 WHERE member_id = $1 AND stage = ANY($3) AND member_left_at IS NULL', [
      event.data.memberId,
      event.data.leftAt,
      OPEN_STAGES,
    ]);
  }
}
