import { bookSeat, scheduleSession, SessionSeats } from './session';

const hour = 3_600_000;
const now = new Date('2026-12-01T08:00:00.000Z');
const session = (over: Partial<SessionSeats> = {}): SessionSeats => ({
  id: '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918',
  startsAt: new Date(now.getTime() + hour),
  endsAt: new Date(now.getTime() + 8 * hour),
  capacity: 3,
  booked: 0,
  ...over,
});
const member = { memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', orgUnitPath: '/a/b/' };
const command = (over: Partial<Parameters<typeof bookSeat>[1]> = {}) => ({ bookingId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170', member, alreadyBooked: false, now, ...over });

describe('a session’s seats', () => {
  it('books a free seat: the booking, one more seat taken, and the booking event', () => {
    const outcome = bookSeat(session({ booked: 2 }), command());
    expect(outcome).toEqual({
      ok: true,
      booking: { id: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170', sessionId: '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918', memberId: member.memberId, orgUnitPath: '/a/b/', bookedAt: now },
      session: { booked: 3 },
      event: { bookingId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170', sessionId: '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918', memberId: member.memberId, bookedAt: '2026-12-01T08:00:00.000Z' },
    });
  });

  it('refuses a seat beyond the capacity', () => {
    expect(bookSeat(session({ booked: 3 }), command())).toEqual({ ok: false, refusal: { reason: 'session-full', capacity: 3 } });
  });

  it('refuses a second seat for the same member', () => {
    expect(bookSeat(session(), command({ alreadyBooked: true }))).toEqual({ ok: false, refusal: { reason: 'already-booked' } });
  });

  it('tells a member who already holds a seat so, even when the session has filled since', () => {
    expect(bookSeat(session({ booked: 3 }), command({ alreadyBooked: true }))).toEqual({ ok: false, refusal: { reason: 'already-booked' } });
  });

  it('refuses once the session has started, even at its very start', () => {
    const started = session({ startsAt: now });
    expect(bookSeat(started, command())).toEqual({ ok: false, refusal: { reason: 'session-started', startsAt: now } });
    expect(bookSeat(session({ startsAt: new Date(now.getTime() - hour) }), command())).toMatchObject({ ok: false, refusal: { reason: 'session-started' } });
  });

  it('refuses once the session has ended', () => {
    const ended = session({ startsAt: new Date(now.getTime() - 8 * hour), endsAt: new Date(now.getTime() - hour) });
    expect(bookSeat(ended, command())).toMatchObject({ ok: false, refusal: { reason: 'session-ended' } });
  });

  it('says the time comes before the seats: a full session that has started is refused as started', () => {
    expect(bookSeat(session({ startsAt: now, booked: 3 }), command())).toMatchObject({ ok: false, refusal: { reason: 'session-started' } });
  });
});

describe('scheduling a session', () => {
  const base = { courseTitle: '低压电工作业', location: '市职工文化宫', capacity: 40 };

  it('accepts a session that ends after it starts', () => {
    const command = { ...base, startsAt: now, endsAt: new Date(now.getTime() + hour) };
    expect(scheduleSession(command)).toEqual({ ok: true, session: command });
  });

  it('refuses a session that ends when or before it starts', () => {
    expect(scheduleSession({ ...base, startsAt: now, endsAt: now })).toEqual({ ok: false, refusal: { reason: 'ends-before-start' } });
    expect(scheduleSession({ ...base, startsAt: now, endsAt: new Date(now.getTime() - 1) })).toEqual({ ok: false, refusal: { reason: 'ends-before-start' } });
  });
});
