import { ACCOUNT_LOCKOUT, afterFailure, FailureRecord, isSpent, lockedUntil } from './login-lockout';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 25, 8, minute, second));

function fail(times: Date[], start: FailureRecord | null = null): FailureRecord | null {
  return times.reduce<FailureRecord | null>((record, now) => afterFailure(record, now, ACCOUNT_LOCKOUT), start);
}

describe('login lockout', () => {
  it('locks a username for 15 minutes at the fifth wrong password within 15 minutes', () => {
    const four = fail([at(0), at(1), at(2), at(3)]);
    expect(lockedUntil(four, at(3))).toBeNull();
    const five = fail([at(4)], four);
    expect(lockedUntil(five, at(4))).toEqual(at(19));
    expect(lockedUntil(five, at(18, 59))).toEqual(at(19));
    expect(lockedUntil(five, at(19))).toBeNull();
  });

  it('refuses fifteen wrong passwords in a row as the first five did: locked, and the lock is not extended by refused attempts', () => {
    let record: FailureRecord | null = null;
    for (let i = 0; i < 15; i++) {
      const now = at(0, i);
      if (!lockedUntil(record, now)) record = afterFailure(record, now, ACCOUNT_LOCKOUT);
    }
    expect(lockedUntil(record, at(1))).toEqual(at(15, 4));
    expect(afterFailure(record, at(2), ACCOUNT_LOCKOUT)).toBe(record);
  });

  it('forgets failures older than the window: a sliding 15 minutes', () => {
    const record = fail([at(0), at(5), at(10), at(14, 59)]);
    expect(lockedUntil(afterFailure(record, at(15), ACCOUNT_LOCKOUT), at(15))).toBeNull(); // the one at 0 fell out
    expect(lockedUntil(afterFailure(record, at(14, 59), ACCOUNT_LOCKOUT), at(14, 59))).toEqual(at(29, 59));
  });

  it('starts afresh after a lock ends', () => {
    const locked = fail([at(0), at(0), at(0), at(0), at(0)]);
    const after = afterFailure(locked, at(16), ACCOUNT_LOCKOUT);
    expect(after).toEqual({ failedAt: [at(16)], lockedUntil: null });
  });

  it('knows when a record is worth no more keeping', () => {
    const record = fail([at(0)]) as FailureRecord;
    expect(isSpent(record, at(14), ACCOUNT_LOCKOUT)).toBe(false);
    expect(isSpent(record, at(15), ACCOUNT_LOCKOUT)).toBe(true);
    const locked = fail([at(0), at(0), at(0), at(0), at(0)]) as FailureRecord;
    expect(isSpent(locked, at(14), ACCOUNT_LOCKOUT)).toBe(false);
    expect(isSpent(locked, at(15), ACCOUNT_LOCKOUT)).toBe(true);
  });
});
