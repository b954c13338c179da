import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { MemberEnrolledV1, MemberLeftV1, MemberUpdatedV1 } from '@gonghui/contracts';
import { CloudEvent, EventTransaction, OnEvent } from '@gonghui/messaging';
import { Booking } from '../sessions/booking.entity';
import { BookingsRepository } from './bookings.repository';
import { WaitingList } from './waiting-list.service';
import { endPlace } from './domain/waiting-list';

/**
 * What membership tells bookings. A member who leaves loses their seats, offers and places on
 * waiting lists; each freed seat passes to the next in line (consumer group training.bookings).
 * Enrolments and edits keep the trainee profile that course eligibility reads (employment form,
 * skill level; consumer group training.trainee-profiles).
 */
@Controller()
export class MemberEventsForBookings {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly waitingList: WaitingList,
  ) {}

  @OnEvent(MemberLeftV1, { group: 'bookings' })
  async left(@Payload() event: CloudEvent<MemberLeftV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    const now = new Date();
    // Sessions locked in id order, like every other path that locks more than one.
    for (const place of await this.bookings.activePlacesOf(manager, event.data.memberId)) {
      const session = await this.bookings.lockSession(manager, place.sessionId, place.id);
      const current = await manager.findOneByOrFail(Booking, { id: place.id });
      const outcome = endPlace(current);
      if (!outcome.ok) continue;
      await manager.update(Booking, { id: place.id }, { status: 'removed', endedAt: now, offerExpiresAt: null });
      if (outcome.releasesSeat) await this.waitingList.passSeat(manager, session, now);
    }
  }

  @OnEvent(MemberEnrolledV1, { group: 'trainee-profiles', batch: true })
  async enrolled(@Payload() events: CloudEvent<MemberEnrolledV1>[], @Ctx() { manager }: EventTransaction): Promise<void> {
    const latest = [...new Map(events.map((e) => [e.data.memberId, e.data])).values()];
    // Hand-written: one multi-row upsert per batch of enrolments (rosters come in floods).
    await manager.query(
      `INSERT INTO trainee_profiles (member_id, employment_form)
       SELECT * FROM unnest($1::uuid[], $2::text[])
       ON CONFLICT (member_id) DO UPDATE SET employment_form = EXCLUDED.employment_form, updated_at = now()`,
      [latest.map((m) => m.memberId), latest.map((m) => m.employmentForm)],
    );
  }

  @OnEvent(MemberUpdatedV1, { group: 'trainee-profiles' })
  async updated(@Payload() event: CloudEvent<MemberUpdatedV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    if (!event.data.skillLevel) return;
    await manager.query(
      `INSERT INTO trainee_profiles (member_id, skill_level) VALUES ($1, $2)
       ON CONFLICT (member_id) DO UPDATE SET skill_level = EXCLUDED.skill_level, updated_at = now()`,
      [event.data.memberId, event.data.skillLevel],
    );
  }
}
