import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SessionBookedV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { Problem, requireActiveMember, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { SessionsRepository, toBookingView } from './sessions.repository';
import { BookingView } from './session.dto';
import { BookingRefusal, bookSeat } from './domain/session';

const alreadyBooked = () => Problem.conflict('already-booked', '该会员已预约此场次 / The member has already booked this session');

function refused(refusal: BookingRefusal): Problem {
  switch (refusal.reason) {
    case 'session-started':
      return Problem.unprocessable('session-started', '课程已开始，不能预约 / The session has already started');
    case 'session-ended':
      return Problem.unprocessable('session-ended', '课程已结束，不能预约 / The session has already ended');
    case 'session-full':
      return Problem.conflict('session-full', `名额已满（${refusal.capacity}） / The session is full (${refusal.capacity} seats)`);
    case 'already-booked':
      return alreadyBooked();
  }
}

/**
 * Use case: book an active member onto a session (课程预约). The session row is locked while
 * the seat is taken, so concurrent bookings never exceed capacity; the rules are the session's
 * own (domain/session.ts).
 */
@Injectable()
export class BookSession {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly sessions: SessionsRepository,
  ) {}

  execute(sessionId: string, memberId: string, principal: Principal, requestId?: string): Promise<BookingView> {
    return this.transaction.run(
      async (tx) => {
        const session = await this.sessions.requireForUpdate(tx, sessionId, principal);
        const member = await requireActiveMember(tx, memberId, principal);
        const outcome = bookSeat(session, {
          bookingId: randomUUID(),
          member,
          alreadyBooked: await this.sessions.hasBooking(tx, session.id, member.memberId),
          now: new Date(),
        });
        if (!outcome.ok) throw refused(outcome.refusal);
        await this.sessions.addBooking(tx, outcome.booking, outcome.session.booked);
        await this.runtime.outbox.record(tx, SessionBookedV1, outcome.event, { correlationId: requestId });
        return toBookingView(outcome.booking);
      },
      { bookings_session_id_member_id_key: alreadyBooked },
    );
  }
}
