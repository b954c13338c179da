import { Inject, Injectable } from '@nestjs/common';
import { BookingCancelledV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { SessionView } from './session.dto';
import { SessionsRepository, toSessionView } from './sessions.repository';
import { ActivePlace, cancelSession } from './domain/session';

/** Use case: cancel a session (取消场次); its seats, offers and waiting list are cancelled with it, in one transaction under the session's lock. */
@Injectable()
export class CancelSession {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly sessions: SessionsRepository,
  ) {}

  execute(id: string, principal: Principal, requestId?: string): Promise<SessionView> {
    return this.transaction.run(async (tx) => {
      const session = await this.sessions.requireForUpdate(tx, id, principal);
      const places = (await tx.query(`SELECT id, member_id AS "memberId", status FROM bookings WHERE session_id = $1 AND status IN ('booked', 'offered', 'waiting') ORDER BY booked_at, id`, [
        id,
      ])) as ActivePlace[];
      const now = new Date();
      const outcome = cancelSession(session, places, now);
      if (!outcome.ok) throw Problem.conflict('session-cancelled', '场次已取消 / The session is already cancelled');
      await tx.query(`UPDATE bookings SET status = 'cancelled', ended_at = $2, offer_expires_at = NULL WHERE session_id = $1 AND status IN ('booked', 'offered', 'waiting')`, [id, now]);
      await tx.query(`UPDATE sessions SET status = 'cancelled', booked = 0 WHERE id = $1`, [id]);
      await this.runtime.outbox.recordMany(tx, BookingCancelledV1, outcome.cancelled, { correlationId: requestId });
      return toSessionView({ ...session, status: 'cancelled', booked: 0 });
    });
  }
}
