import { Inject, Injectable } from '@nestjs/common';
import { BookingCancelledV1, SessionBookedV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { chinaTime, Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { Booking } from '../sessions/booking.entity';
import { BookingView } from '../sessions/session.dto';
import { toBookingView } from '../sessions/sessions.repository';
import { BookingsRepository } from './bookings.repository';
import { WaitingList } from './waiting-list.service';
import { acceptOffer, BookingStatus, endPlace, STATUS_LABELS } from './domain/waiting-list';

const wrongState = (action: string, status: BookingStatus) =>
  new Problem(409, 'booking-wrong-state', '预约状态不允许此操作 / Not allowed in the booking’s current state', `当前状态为“${STATUS_LABELS[status]}”，不能${action.split(' / ')[0]} / The booking is ${status}; cannot ${action.split(' / ')[1]}`);

/** Use cases: cancel a place (取消预约) and take up an offered seat (确认补位). Each locks the session first. */
@Injectable()
export class ChangeBooking {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly bookings: BookingsRepository,
    private readonly waitingList: WaitingList,
  ) {}

  /** A cancelled seat goes to the first on the waiting list as an offer; a cancelled place on the list just leaves it. */
  cancel(id: string, principal: Principal): Promise<BookingView> {
    return this.transaction.run(async (tx) => {
      const seen = await this.bookings.require(id, principal, tx);
      const session = await this.bookings.lockSession(tx, seen.sessionId, id);
      const now = new Date();
      await this.waitingList.expireDueOffers(tx, session, now);
      const booking = await tx.findOneByOrFail(Booking, { id });
      const outcome = endPlace(booking);
      if (!outcome.ok) throw wrongState('取消 / cancel it', outcome.refusal.status);
      await tx.update(Booking, { id }, { status: 'cancelled', endedAt: now, offerExpiresAt: null });
      await this.runtime.outbox.record(tx, BookingCancelledV1, {
        bookingId: id,
        sessionId: booking.sessionId,
        memberId: booking.memberId,
        previousStatus: booking.status as BookingCancelledV1['previousStatus'],
        reason: 'member-cancelled',
        cancelledAt: now.toISOString(),
      });
      if (outcome.releasesSeat) await this.waitingList.passSeat(tx, session, now);
      return toBookingView({ ...booking, status: 'cancelled', offerExpiresAt: null });
    });
  }

  /** Within the window the offer becomes a booking, announced like any; after it, the offer has passed on. */
  accept(id: string, principal: Principal, requestId?: string): Promise<BookingView> {
    return this.transaction.run(async (tx) => {
      const seen = await this.bookings.require(id, principal, tx);
      const session = await this.bookings.lockSession(tx, seen.sessionId, id);
      const now = new Date();
      const booking = await tx.findOneByOrFail(Booking, { id });
      const outcome = acceptOffer(booking, now);
      if (!outcome.ok) {
        if (outcome.refusal.reason === 'offer-expired') {
          // The lapse is real whatever the answer: record it and pass the seat on in a transaction of its own.
          await this.waitingList.sweepSession(session.id).catch(() => undefined);
          throw new Problem(
            409,
            'offer-expired',
            '补位已过期 / The offer has expired',
            `补位确认时限已于 ${chinaTime(outcome.refusal.expiredAt)} 截止，名额已顺延给下一位 / The offer lapsed at ${chinaTime(outcome.refusal.expiredAt)} and passed to the next in line`,
          );
        }
        throw wrongState('确认补位 / accept an offer', outcome.refusal.status);
      }
      await tx.update(Booking, { id }, { status: 'booked', offerExpiresAt: null });
      await this.runtime.outbox.record(tx, SessionBookedV1, { bookingId: id, sessionId: booking.sessionId, memberId: booking.memberId, bookedAt: now.toISOString() }, { correlationId: requestId });
      return toBookingView({ ...booking, status: 'booked', offerExpiresAt: null });
    });
  }
}
