import { scheduleSession } from './session';

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
