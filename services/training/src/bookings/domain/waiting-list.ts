import type { SessionBookedV1 } from '@gonghui/contracts';

/**
 * Fair booking (公平预约) as pure rules. A session has `capacity` seats; a place is `booked` or
 * `offered` (both hold a seat), or `waiting` on the list, first come first served. When a seat
 * comes free the first on the list is offered it for a window; an offer not taken in time
 * passes to the next. Arrival order is the order of `bookedAt`, which is strictly increasing per
 * session (the use case holds the session's lock while it takes a place), so lists and cursors
 * follow it exactly.
 */

export type BookingStatus = 'booked' | 'waiting' | 'offered' | 'cancelled' | 'expired' | 'removed';
export const ACTIVE_STATUSES: readonly BookingStatus[] = ['booked', 'waiting', 'offered'];
export const holdsSeat = (status: BookingStatus): boolean => status === 'booked' || status === 'offered';

export type SkillLevel = 'novice' | 'skilled' | 'master';
const LEVEL_RANK: Record<SkillLevel, number> = { novice: 1, skilled: 2, master: 3 };

export interface SessionForBooking {
  id: string;
  status: 'scheduled' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  /** Seats held (booked + offered). */
  booked: number;
  /** The latest arrival on this session, for strict arrival order. */
  lastArrivalAt: Date | null;
}

/** Who a course is for, beyond being an active member of the user's subtree. */
export interface Eligibility {
  gigWorkersOnly: boolean;
  minSkillLevel: SkillLevel | null;
}

export interface Trainee {
  memberId: string;
  orgUnitPath: string;
  /** From membership's enrolment (e.g. gig-delivery); null when unknown. */
  employmentForm: string | null;
  skillLevel: SkillLevel | null;
}

export interface TakePlace {
  bookingId: string;
  member: Trainee;
  eligibility: Eligibility | null;
  /** Whether the member already holds a seat, an offer or a place on the list of this session. */
  alreadyActive: boolean;
  /** false: refuse a full session (409) instead of putting the member on the list. */
  waitIfFull: boolean;
  now: Date;
}

export type PlaceRefusal =
  | { reason: 'session-cancelled' }
  | { reason: 'session-ended'; endsAt: Date }
  | { reason: 'session-started'; startsAt: Date }
  | { reason: 'already-booked' }
  | { reason: 'not-eligible'; rule: 'gig-workers-only' }
  | { reason: 'not-eligible'; rule: 'min-skill-level'; minSkillLevel: SkillLevel }
  | { reason: 'session-full'; capacity: number };

export interface NewPlace {
  id: string;
  sessionId: string;
  memberId: string;
  orgUnitPath: string;
  bookedAt: Date;
  status: 'booked' | 'waiting';
}

export type PlaceOutcome = { ok: true; booking: NewPlace; seatsHeld: number; event: SessionBookedV1 | null } | { ok: false; refusal: PlaceRefusal };

/** Strictly after the previous arrival, so that two bookings in one millisecond keep their order. */
export function arrivalTime(now: Date, lastArrivalAt: Date | null): Date {
  if (!lastArrivalAt || lastArrivalAt.getTime() < now.getTime()) return now;
  return new Date(lastArrivalAt.getTime() + 1);
}

export function eligibilityRefusal(eligibility: Eligibility | null, member: Trainee): PlaceRefusal | null {
  if (!eligibility) return null;
  if (eligibility.gigWorkersOnly && !(member.employmentForm ?? '').startsWith('gig-')) return { reason: 'not-eligible', rule: 'gig-workers-only' };
  if (eligibility.minSkillLevel && (!member.skillLevel || LEVEL_RANK[member.skillLevel] < LEVEL_RANK[eligibility.minSkillLevel])) {
    return { reason: 'not-eligible', rule: 'min-skill-level', minSkillLevel: eligibility.minSkillLevel };
  }
  return null;
}

/**
 * Take a seat, or a place on the waiting list when the session is full. Refused for a cancelled,
 * ended or started session, a member who already has a place, or one the course is not for.
 */
export function takePlace(session: SessionForBooking, command: TakePlace): PlaceOutcome {
  const now = command.now.getTime();
  if (session.status === 'cancelled') return { ok: false, refusal: { reason: 'session-cancelled' } };
  if (session.endsAt.getTime() <= now) return { ok: false, refusal: { reason: 'session-ended', endsAt: session.endsAt } };
  if (session.startsAt.getTime() <= now) return { ok: false, refusal: { reason: 'session-started', startsAt: session.startsAt } };
  if (command.alreadyActive) return { ok: false, refusal: { reason: 'already-booked' } };
  const ineligible = eligibilityRefusal(command.eligibility, command.member);
  if (ineligible) return { ok: false, refusal: ineligible };
  const full = session.booked >= session.capacity;
  if (full && !command.waitIfFull) return { ok: false, refusal: { reason: 'session-full', capacity: session.capacity } };
  const booking: NewPlace = {
    id: command.bookingId,
    sessionId: session.id,
    memberId: command.member.memberId,
    orgUnitPath: command.member.orgUnitPath,
    bookedAt: arrivalTime(command.now, session.lastArrivalAt),
    status: full ? 'waiting' : 'booked',
  };
  return {
    ok: true,
    booking,
    seatsHeld: full ? session.booked : session.booked + 1,
    event: full ? null : { bookingId: booking.id, sessionId: booking.sessionId, memberId: booking.memberId, bookedAt: booking.bookedAt.toISOString() },
  };
}

export interface PlaceState {
  status: BookingStatus;
  offerExpiresAt: Date | null;
}

export type EndRefusal = { reason: 'not-active'; status: BookingStatus };

/** A place ends (cancelled by the member, removed when they leave): was a seat held, which now passes on? */
export function endPlace(place: PlaceState): { ok: true; releasesSeat: boolean } | { ok: false; refusal: EndRefusal } {
  if (!ACTIVE_STATUSES.includes(place.status)) return { ok: false, refusal: { reason: 'not-active', status: place.status } };
  return { ok: true, releasesSeat: holdsSeat(place.status) };
}

/** A seat came free: offered to the first waiting, for the session's window; otherwise it is simply free. */
export function passSeat(firstWaiting: { id: string } | null, now: Date, windowSeconds: number): { offerTo: string; expiresAt: Date } | { freed: true } {
  if (!firstWaiting) return { freed: true };
  return { offerTo: firstWaiting.id, expiresAt: new Date(now.getTime() + windowSeconds * 1000) };
}

export const offerLapsed = (place: PlaceState, now: Date): boolean => place.status === 'offered' && place.offerExpiresAt !== null && place.offerExpiresAt.getTime() <= now.getTime();

export type AcceptRefusal = { reason: 'not-offered'; status: BookingStatus } | { reason: 'offer-expired'; expiredAt: Date };

/** Take up an offered seat before its window closes. */
export function acceptOffer(place: PlaceState, now: Date): { ok: true } | { ok: false; refusal: AcceptRefusal } {
  if (offerLapsed(place, now)) return { ok: false, refusal: { reason: 'offer-expired', expiredAt: place.offerExpiresAt as Date } };
  if (place.status !== 'offered') return { ok: false, refusal: { reason: 'not-offered', status: place.status } };
  return { ok: true };
}

export const STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  waiting: '候补中',
  offered: '待确认补位',
  cancelled: '已取消',
  expired: '补位已过期',
  removed: '已移除（离会）',
};
