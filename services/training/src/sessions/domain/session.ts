/**
 * A course session, as pure rules. Its seats and waiting list: bookings/domain/waiting-list.ts.
 */

export interface NewSession {
  courseTitle: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  capacity: number;
}

export type ScheduleRefusal = { reason: 'ends-before-start' };

/** A session must end after it starts. */
export function scheduleSession(command: NewSession): { ok: true; session: NewSession } | { ok: false; refusal: ScheduleRefusal } {
  if (command.endsAt.getTime() <= command.startsAt.getTime()) return { ok: false, refusal: { reason: 'ends-before-start' } };
  return { ok: true, session: command };
}

export interface ActivePlace {
  id: string;
  memberId: string;
  status: 'booked' | 'offered' | 'waiting';
}

/**
 * Cancel a session (取消场次): once; every seat, offer and place on its waiting list ends with it
 * (nobody is left holding a seat or waiting for one that will not come), each announced as a
 * cancellation by the session, and no seat is held any more.
 */
export function cancelSession(
  session: { id: string; status: 'scheduled' | 'cancelled' },
  places: readonly ActivePlace[],
  now: Date,
):
  | { ok: true; cancelled: { bookingId: string; sessionId: string; memberId: string; previousStatus: ActivePlace['status']; reason: 'session-cancelled'; cancelledAt: string }[] }
  | { ok: false; refusal: { reason: 'already-cancelled' } } {
  if (session.status === 'cancelled') return { ok: false, refusal: { reason: 'already-cancelled' } };
  return {
    ok: true,
    cancelled: places.map((p) => ({ bookingId: p.id, sessionId: session.id, memberId: p.memberId, previousStatus: p.status, reason: 'session-cancelled', cancelledAt: now.toISOString() })),
  };
}
