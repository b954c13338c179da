import { clockOf, daysLeft, isPastLimit, limitEndsOn, pastLimitReceivedBefore } from './statutory-clock';

describe('the statutory clock (劳动争议调解仲裁法 第十四条)', () => {
  it('runs 15 days after the day of receipt, not counting that day', () => {
    expect(limitEndsOn('2026-11-01')).toBe('2026-11-16');
    expect(daysLeft('2026-11-01', '2026-11-01')).toBe(15);
    expect(daysLeft('2026-11-01', '2026-11-16')).toBe(0);
    expect(isPastLimit('2026-11-01', '2026-11-16')).toBe(false);
    expect(daysLeft('2026-11-01', '2026-11-17')).toBe(-1);
    expect(isPastLimit('2026-11-01', '2026-11-17')).toBe(true);
  });

  it('counts across month and year ends and leap days', () => {
    expect(limitEndsOn('2026-12-25')).toBe('2027-01-09');
    expect(limitEndsOn('2028-02-20')).toBe('2028-03-06');
    expect(daysLeft('2028-02-20', '2028-03-01')).toBe(5);
  });

  it('gives the cut-off instant as the start of a China day, so the list is one range scan', () => {
    // Today 2026-11-17 in China: cases received on or before 2026-11-01 are past the limit.
    const cutOff = pastLimitReceivedBefore('2026-11-17');
    expect(cutOff.toISOString()).toBe('2026-11-01T16:00:00.000Z');
    expect(new Date('2026-11-01T00:00:00+08:00') < cutOff).toBe(true);
    expect(new Date('2026-11-02T00:00:00+08:00') < cutOff).toBe(false);
  });

  it('shows no running clock on a case that is no longer open', () => {
    expect(clockOf('2026-11-01', true, '2026-11-20')).toEqual({ limitEndsOn: '2026-11-16', daysLeft: -4, pastLimit: true });
    expect(clockOf('2026-11-01', false, '2026-11-20')).toEqual({ limitEndsOn: '2026-11-16', daysLeft: null, pastLimit: false });
  });
});
