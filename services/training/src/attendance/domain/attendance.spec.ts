import { completion, signIn, signOut } from './attendance';

const hour = 3_600_000;
const now = new Date('2026-12-01T01:00:00.000Z');
const session = { status: 'scheduled' as const, startsAt: new Date(now.getTime() + 30 * 60_000), endsAt: new Date(now.getTime() + 3 * hour) };

describe('signing in and out', () => {
  it('lets a booked member sign in from an hour before the start, once', () => {
    expect(signIn(session, true, null, now)).toEqual({ ok: true });
    expect(signIn(session, true, { signedInAt: now, signedOutAt: null }, now)).toEqual({ ok: false, refusal: { reason: 'already-signed-in', at: now } });
    expect(signIn(session, false, null, now)).toEqual({ ok: false, refusal: { reason: 'not-booked' } });
  });

  it('refuses too early, after the end, and for a cancelled session', () => {
    expect(signIn({ ...session, startsAt: new Date(now.getTime() + 2 * hour) }, true, null, now)).toMatchObject({ ok: false, refusal: { reason: 'not-open-yet' } });
    expect(signIn(session, true, null, new Date(session.endsAt.getTime() + 1))).toMatchObject({ ok: false, refusal: { reason: 'session-ended' } });
    expect(signIn({ ...session, status: 'cancelled' }, true, null, now)).toEqual({ ok: false, refusal: { reason: 'session-cancelled' } });
  });

  it('signs out after a sign-in, once, until an hour after the end', () => {
    const inside = { signedInAt: now, signedOutAt: null };
    expect(signOut(session, inside, new Date(session.endsAt.getTime() + 30 * 60_000))).toEqual({ ok: true });
    expect(signOut(session, null, now)).toEqual({ ok: false, refusal: { reason: 'not-signed-in' } });
    expect(signOut(session, { signedInAt: now, signedOutAt: now }, now)).toMatchObject({ ok: false, refusal: { reason: 'already-signed-out' } });
    expect(signOut(session, inside, new Date(session.endsAt.getTime() + 2 * hour))).toMatchObject({ ok: false, refusal: { reason: 'session-ended' } });
  });
});

describe('completing a course', () => {
  const rules = { minAttendancePercent: 80, hasAssessment: false };
  it('needs the minimum attendance: 4 of 5 is 80 %, 3 of 5 is not', () => {
    expect(completion(rules, { sessions: 5, attended: 4, assessmentPassed: null })).toEqual({ completed: true, attendancePercent: 80 });
    expect(completion(rules, { sessions: 5, attended: 3, assessmentPassed: null })).toEqual({ completed: false, attendancePercent: 60, missing: ['attendance'] });
    expect(completion(rules, { sessions: 0, attended: 0, assessmentPassed: null })).toMatchObject({ completed: false, missing: ['attendance'] });
  });

  it('needs a pass where the course has an assessment', () => {
    const assessed = { ...rules, hasAssessment: true };
    expect(completion(assessed, { sessions: 2, attended: 2, assessmentPassed: true })).toEqual({ completed: true, attendancePercent: 100 });
    expect(completion(assessed, { sessions: 2, attended: 2, assessmentPassed: false })).toMatchObject({ completed: false, missing: ['assessment'] });
    expect(completion(assessed, { sessions: 2, attended: 1, assessmentPassed: null })).toMatchObject({ completed: false, missing: ['attendance', 'assessment'] });
  });
});
