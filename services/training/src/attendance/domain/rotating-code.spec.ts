import { checkCode, codeFor, currentCode, WINDOW_MS, windowOf } from './rotating-code';

const secret = 'test-attendance-secret';
const session = '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918';
const other = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
const now = new Date('2026-12-01T01:00:10.000Z');

describe('the rotating sign-in code', () => {
  it('is six digits for the current 30-second window, with when it rotates', () => {
    const shown = currentCode(secret, session, now);
    expect(shown.code).toMatch(/^\d{6}$/);
    expect(shown.validFrom).toEqual(new Date('2026-12-01T01:00:00.000Z'));
    expect(shown.expiresAt).toEqual(new Date('2026-12-01T01:00:30.000Z'));
    expect(currentCode(secret, session, new Date(now.getTime() + 19_000)).code).toBe(shown.code);
    expect(currentCode(secret, session, new Date(now.getTime() + 20_000)).code).not.toBe(shown.code);
  });

  it('differs by session and by secret', () => {
    const w = windowOf(now);
    expect(codeFor(secret, session, w)).not.toBe(codeFor(secret, other, w));
    expect(codeFor(secret, session, w)).not.toBe(codeFor('another-secret', session, w));
  });

  it('accepts the current code and the previous window’s (clock skew), nothing older', () => {
    const shown = currentCode(secret, session, now);
    expect(checkCode(secret, session, shown.code, now)).toEqual({ ok: true });
    expect(checkCode(secret, session, shown.code, new Date(now.getTime() + WINDOW_MS))).toEqual({ ok: true });
    expect(checkCode(secret, session, shown.code, new Date(now.getTime() + 2 * WINDOW_MS))).toEqual({ ok: false, reason: 'code-expired' });
  });

  it('refuses another session’s code, a code of the future and a made-up one as not this session’s', () => {
    expect(checkCode(secret, session, currentCode(secret, other, now).code, now)).toEqual({ ok: false, reason: 'code-not-for-session' });
    expect(checkCode(secret, session, codeFor(secret, session, windowOf(now) + 3), now)).toEqual({ ok: false, reason: 'code-not-for-session' });
    expect(checkCode(secret, session, 'abc', now)).toEqual({ ok: false, reason: 'code-not-for-session' });
  });
});
