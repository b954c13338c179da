/**
 * Login throttling, as a pure rule: after `maxFailures` wrong passwords within `windowMs`, the
 * key (a username, or a client address) is locked for `lockMs`, and every attempt, the right
 * password included, is refused until then. No I/O: the caller loads and stores the record.
 */
export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** 5 wrong passwords for one username within 15 minutes lock it for 15 minutes. */
export const ACCOUNT_LOCKOUT: LockoutPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Wrong passwords from one client address, over every username: a wider net against spraying. */
export const ADDRESS_THROTTLE: LockoutPolicy = { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export interface FailureRecord {
  /** Times of the failures still inside the window, oldest first. */
  failedAt: Date[];
  lockedUntil: Date | null;
}

/** Until when the key is locked, or null when an attempt may go ahead. */
export function lockedUntil(record: FailureRecord | null | undefined, now: Date): Date | null {
  return record?.lockedUntil && record.lockedUntil.getTime() > now.getTime() ? record.lockedUntil : null;
}

/**
 * The record after one more wrong password at `now`: failures older than the window are
 * forgotten (a sliding window); the one that reaches the limit locks the key and starts afresh.
 */
export function afterFailure(record: FailureRecord | null | undefined, now: Date, policy: LockoutPolicy): FailureRecord {
  if (lockedUntil(record, now)) return record as FailureRecord; // refused before any password check; nothing to count
  const recent = (record?.failedAt ?? []).filter((t) => now.getTime() - t.getTime() < policy.windowMs);
  const failedAt = [...recent, now];
  if (failedAt.length >= policy.maxFailures) return { failedAt: [], lockedUntil: new Date(now.getTime() + policy.lockMs) };
  return { failedAt, lockedUntil: null };
}

/** True when a record carries nothing worth keeping at `now` (no lock, no failure in the window). */
export function isSpent(record: FailureRecord, now: Date, policy: LockoutPolicy): boolean {
  return !lockedUntil(record, now) && record.failedAt.every((t) => now.getTime() - t.getTime() >= policy.windowMs);
}
