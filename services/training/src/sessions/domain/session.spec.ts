import { cancelSession, scheduleSession } from './session';

const at = (iso: string) => new Date(iso);

describe('scheduling a session', () => {
  it('accepts a session that ends after it starts', () => {
    const command = { courseTitle: '合唱团', startsAt: at('2026-12-01T01:00:00Z'), endsAt: at('2026-12-01T03:00:00Z'), location: '文化宫', capacity: 30 };
    expect(scheduleSession(command)).toEqual({ ok: true, session: command });
  });

  it('refuses one that ends when or before it starts', () => {
    const command = { courseTitle: '合唱团', startsAt: at('2026-12-01T01:00:00Z'), endsAt: at('2026-12-01T01:00:00Z'), location: '文化宫', capacity: 30 };
    expect(scheduleSession(command)).toEqual({ ok: false, refusal: { reason: 'ends-before-start' } });
  });
});

describe('cancelling a session', () => {
  const now = at('2026-12-01T01:00:00Z');
  const sessionId = '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918';
  it('ends every seat, offer and place on the waiting list with it, each announced as cancelled by the session', () => {
    const places = [
      { id: 'b1', memberId: 'm1', status: 'booked' as const },
      { id: 'b2', memberId: 'm2', status: 'offered' as const },
      { id: 'b3', memberId: 'm3', status: 'waiting' as const },
    ];
    expect(cancelSession({ id: sessionId, status: 'scheduled' }, places, now)).toEqual({
      ok: true,
      cancelled: places.map((p) => ({ bookingId: p.id, sessionId, memberId: p.memberId, previousStatus: p.status, reason: 'session-cancelled', cancelledAt: '2026-12-01T01:00:00.000Z' })),
    });
  });

  it('cancels a session once', () => {
    expect(cancelSession({ id: sessionId, status: 'cancelled' }, [], now)).toEqual({ ok: false, refusal: { reason: 'already-cancelled' } });
  });
});
