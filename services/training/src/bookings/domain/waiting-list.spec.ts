import { acceptOffer, arrivalTime, eligibilityRefusal, endPlace, offerLapsed, passSeat, SessionForBooking, takePlace, TakePlace } from './waiting-list';

const hour = 3_600_000;
const now = new Date('2026-12-01T08:00:00.000Z');
const session = (over: Partial<SessionForBooking> = {}): SessionForBooking => ({
  id: '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918',
  status: 'scheduled',
  startsAt: new Date(now.getTime() + hour),
  endsAt: new Date(now.getTime() + 3 * hour),
  capacity: 2,
  booked: 0,
  lastArrivalAt: null,
  ...over,
});
const member = { memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', orgUnitPath: '/a/b/', employmentForm: 'regular', skillLevel: null };
const command = (over: Partial<TakePlace> = {}): TakePlace => ({ bookingId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170', member, eligibility: null, alreadyActive: false, waitIfFull: true, now, ...over });

describe('fair booking with a waiting list', () => {
  it('books a free seat and announces it', () => {
    const outcome = takePlace(session({ booked: 1 }), command());
    expect(outcome).toMatchObject({ ok: true, booking: { status: 'booked', bookedAt: now }, seatsHeld: 2, event: { bookingId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170', bookedAt: now.toISOString() } });
  });

  it('puts a booking beyond capacity on the waiting list, holding no seat and announcing nothing', () => {
    expect(takePlace(session({ booked: 2 }), command())).toMatchObject({ ok: true, booking: { status: 'waiting' }, seatsHeld: 2, event: null });
  });

  it('refuses a full session instead when the caller does not want to wait', () => {
    expect(takePlace(session({ booked: 2 }), command({ waitIfFull: false }))).toEqual({ ok: false, refusal: { reason: 'session-full', capacity: 2 } });
  });

  it('refuses cancelled, ended and started sessions, and a second place for one member', () => {
    expect(takePlace(session({ status: 'cancelled' }), command())).toEqual({ ok: false, refusal: { reason: 'session-cancelled' } });
    expect(takePlace(session({ startsAt: new Date(now.getTime() - 2 * hour), endsAt: new Date(now.getTime() - hour) }), command())).toMatchObject({ ok: false, refusal: { reason: 'session-ended' } });
    expect(takePlace(session({ startsAt: now }), command())).toMatchObject({ ok: false, refusal: { reason: 'session-started' } });
    expect(takePlace(session({ booked: 2 }), command({ alreadyActive: true }))).toEqual({ ok: false, refusal: { reason: 'already-booked' } });
  });

  it('refuses a member the course is not for: gig workers only, or a minimum skill level', () => {
    expect(eligibilityRefusal({ gigWorkersOnly: true, minSkillLevel: null }, member)).toEqual({ reason: 'not-eligible', rule: 'gig-workers-only' });
    expect(eligibilityRefusal({ gigWorkersOnly: true, minSkillLevel: null }, { ...member, employmentForm: 'gig-delivery' })).toBeNull();
    expect(eligibilityRefusal({ gigWorkersOnly: false, minSkillLevel: 'skilled' }, { ...member, skillLevel: 'novice' })).toMatchObject({ rule: 'min-skill-level' });
    expect(eligibilityRefusal({ gigWorkersOnly: false, minSkillLevel: 'skilled' }, member)).toMatchObject({ rule: 'min-skill-level' });
    expect(eligibilityRefusal({ gigWorkersOnly: false, minSkillLevel: 'skilled' }, { ...member, skillLevel: 'master' })).toBeNull();
  });

  it('keeps arrival order strict even within one millisecond', () => {
    expect(arrivalTime(now, null)).toEqual(now);
    expect(arrivalTime(now, new Date(now.getTime() - 5))).toEqual(now);
    expect(arrivalTime(now, now)).toEqual(new Date(now.getTime() + 1));
    expect(arrivalTime(now, new Date(now.getTime() + 3))).toEqual(new Date(now.getTime() + 4));
  });

  it('a cancelled seat is offered to the first waiting for the window; with nobody waiting it is free', () => {
    expect(passSeat({ id: 'first' }, now, 24 * 3600)).toEqual({ offerTo: 'first', expiresAt: new Date(now.getTime() + 24 * hour) });
    expect(passSeat(null, now, 60)).toEqual({ freed: true });
  });

  it('ends only an active place, and says whether it released a seat', () => {
    expect(endPlace({ status: 'booked', offerExpiresAt: null })).toEqual({ ok: true, releasesSeat: true });
    expect(endPlace({ status: 'offered', offerExpiresAt: now })).toEqual({ ok: true, releasesSeat: true });
    expect(endPlace({ status: 'waiting', offerExpiresAt: null })).toEqual({ ok: true, releasesSeat: false });
    expect(endPlace({ status: 'cancelled', offerExpiresAt: null })).toEqual({ ok: false, refusal: { reason: 'not-active', status: 'cancelled' } });
  });

  it('an offer is taken within its window, and lapses at its end', () => {
    const offer = { status: 'offered' as const, offerExpiresAt: new Date(now.getTime() + 1000) };
    expect(acceptOffer(offer, now)).toEqual({ ok: true });
    expect(offerLapsed(offer, now)).toBe(false);
    expect(offerLapsed(offer, new Date(now.getTime() + 1000))).toBe(true);
    expect(acceptOffer(offer, new Date(now.getTime() + 1000))).toEqual({ ok: false, refusal: { reason: 'offer-expired', expiredAt: offer.offerExpiresAt } });
    expect(acceptOffer({ status: 'waiting', offerExpiresAt: null }, now)).toEqual({ ok: false, refusal: { reason: 'not-offered', status: 'waiting' } });
  });
});
