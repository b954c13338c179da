import type { SessionBookedV1 } from '@gonghui/contracts';

/**
 * A course session's seats, as pure rules: state plus command gives the changes and the event,
 * or a refusal. No I/O: the use case loads the state (the session row locked) and writes what
 * comes back.
 */

export interface SessionSeats {
  id: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  booked: number;
}

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

export interface BookSeat {
  bookingId: string;
  /** An active member of the user's subtree (the use case checked that in the directory). */
  member: { memberId: string; orgUnitPath: string };
  /** Whether this member already holds a seat on the session. */
  alreadyBooked: boolean;
  now: Date;
}

export type BookingRefusal =
  | { reason: 'session-started'; startsAt: Date }
  | { reason: 'session-ended'; endsAt: Date }
  | { reason: 'session-full'; capacity: number }
  | { reason: 'already-booked' };

export interface SeatBooked {
  ok: true;
  booking: { id: string; sessionId: string; memberId: string; orgUnitPath: string; bookedAt: Date };
  /** The session's new count of seats taken. */
  session: { booked: number };
  event: SessionBookedV1;
}

export type BookingOutcome = SeatBooked | { ok: false; refusal: BookingRefusal };

/**
 * Book a member onto the session: not once it has ended or started, not twice for the same
 * member (who is told so even when the session has filled since), not beyond its capacity.
 */
export function bookSeat(session: SessionSeats, command: BookSeat): BookingOutcome {
  const now = command.now.getTime();
  if (session.endsAt.getTime() <= now) return { ok: false, refusal: { reason: 'session-ended', endsAt: session.endsAt } };
  if (session.startsAt.getTime() <= now) return { ok: false, refusal: { reason: 'session-started', startsAt: session.startsAt } };
  if (command.alreadyBooked) return { ok: false, refusal: { reason: 'already-booked' } };
  if (session.booked >= session.capacity) return { ok: false, refusal: { reason: 'session-full', capacity: session.capacity } };
  const booking = { id: command.bookingId, sessionId: session.id, memberId: command.member.memberId, orgUnitPath: command.member.orgUnitPath, bookedAt: command.now };
  return {
    ok: true,
    booking,
    session: { booked: session.booked + 1 },
    event: { bookingId: booking.id, sessionId: booking.sessionId, memberId: booking.memberId, bookedAt: booking.bookedAt.toISOString() },
  };
}
