import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The rotating sign-in code (签到码) a session shows as a QR code: an HMAC of the session id and
 * the current 30-second window under a service secret, truncated to 6 digits so it can be typed
 * too. A code of the previous window is still accepted (the phone's clock, the walk to the
 * scanner); older codes of the session are refused as expired, anything else as not this
 * session's. Pure: the caller passes the secret and the time.
 */
export const WINDOW_MS = 30_000;
/** How far back a code is still recognised as this session's (to say "expired" rather than "wrong"). */
const RECOGNISED_WINDOWS = 20;

export const windowOf = (now: Date): number => Math.floor(now.getTime() / WINDOW_MS);

export function codeFor(secret: string, sessionId: string, window: number): string {
  const digest = createHmac('sha256', secret).update(`${sessionId.toLowerCase()}:${window}`).digest();
  // Dynamic truncation as in HOTP (RFC 4226 §5.3).
  const offset = digest[digest.length - 1] & 0x0f;
  const value = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}

export interface ShownCode {
  code: string;
  validFrom: Date;
  expiresAt: Date;
}

/** The code to show now, with when it rotates. */
export function currentCode(secret: string, sessionId: string, now: Date): ShownCode {
  const window = windowOf(now);
  return { code: codeFor(secret, sessionId, window), validFrom: new Date(window * WINDOW_MS), expiresAt: new Date((window + 1) * WINDOW_MS) };
}

export type CodeCheck = { ok: true } | { ok: false; reason: 'code-expired' | 'code-not-for-session' };

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function checkCode(secret: string, sessionId: string, code: string, now: Date): CodeCheck {
  const window = windowOf(now);
  if (same(code, codeFor(secret, sessionId, window)) || same(code, codeFor(secret, sessionId, window - 1))) return { ok: true };
  for (let back = 2; back <= RECOGNISED_WINDOWS; back += 1) {
    if (same(code, codeFor(secret, sessionId, window - back))) return { ok: false, reason: 'code-expired' };
  }
  return { ok: false, reason: 'code-not-for-session' };
}
