import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SessionBookedV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { inTransaction, isPgError, PgErrorCode } from '@gonghui/persistence';
import { Problem, requireActiveMember, ServiceRuntime } from '@gonghui/service-kit';
import { BookingRow, SessionsRepository, toBookingView } from './sessions.repository';
import { BookingView } from './session.dto';

/**
 * Use case: book an active member onto a session (课程预约). The session row is locked while
 * the seat is taken, so concurrent bookings never exceed capacity.
 */
@Injectable()
export class BookSession {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly sessions: SessionsRepository,
  ) {}

  async execute(sessionId: string, memberId: string, principal: Principal, requestId?: string): Promise<BookingView> {
    try {
      return await inTransaction(this.runtime.pool, async (tx) => {
        const session = await this.sessions.findById(sessionId, tx, true);
        if (!session) throw Problem.notFound(`课程场次不存在 / Session ${sessionId} not found`);
        const member = await requireActiveMember(tx, memberId, principal);
        if (session.starts_at.getTime() <= Date.now()) {
          throw Problem.unprocessable('session-started', '课程已开始，不能预约 / The session has already started');
        }
        if (session.booked >= session.capacity) {
          throw Problem.conflict('session-full', `名额已满（${session.capacity}） / The session is full (${session.capacity} seats)`);
        }
        const { rows } = await tx.query<BookingRow>(
          `INSERT INTO bookings (id, session_id, member_id, org_unit_path) VALUES ($1, $2, $3, $4) RETURNING *`,
          [randomUUID(), session.id, member.memberId, member.orgUnitPath],
        );
        await tx.query('UPDATE sessions SET booked = booked + 1 WHERE id = $1', [session.id]);
        const booking = rows[0];
        await this.runtime.outbox.record(
          tx,
          SessionBookedV1,
          { bookingId: booking.id, sessionId: booking.session_id, memberId: booking.member_id, bookedAt: booking.booked_at.toISOString() },
          { correlationId: requestId },
        );
        return toBookingView(booking);
      });
    } catch (error) {
      if (isPgError(error, PgErrorCode.uniqueViolation)) {
        throw Problem.conflict('already-booked', '该会员已预约此场次 / The member has already booked this session');
      }
      throw error;
    }
  }
}
