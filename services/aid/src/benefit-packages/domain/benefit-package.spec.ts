import { duplicateEntitlements, isCalendarDate, packageState, periodOf, redeem } from './benefit-package';

const pkg = { startsOn: '2026-11-10', endsOn: '2027-11-09' };

describe('benefit package periods (China calendar dates)', () => {
  it('puts a date in its calendar week (Monday first), month, quarter and year', () => {
    expect(periodOf('week', '2026-11-26', pkg)).toEqual({ start: '2026-11-23', end: '2026-11-29' }); // a Thursday
    expect(periodOf('week', '2026-11-29', pkg)).toEqual({ start: '2026-11-23', end: '2026-11-29' }); // Sunday ends the week
    expect(periodOf('week', '2027-01-01', pkg)).toEqual({ start: '2026-12-28', end: '2027-01-03' }); // across the new year
    expect(periodOf('month', '2026-11-26', pkg)).toEqual({ start: '2026-11-01', end: '2026-11-30' });
    expect(periodOf('month', '2028-02-10', pkg)).toEqual({ start: '2028-02-01', end: '2028-02-29' }); // a leap year
    expect(periodOf('quarter', '2026-11-26', pkg)).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodOf('quarter', '2027-03-31', pkg)).toEqual({ start: '2027-01-01', end: '2027-03-31' });
    expect(periodOf('year', '2026-11-26', pkg)).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('counts a once-only entitlement over the whole package', () => {
    expect(periodOf('package', '2027-05-01', pkg)).toEqual({ start: '2026-11-10', end: '2027-11-09' });
  });

  it('knows a calendar date from a look-alike', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
  });
});

describe('a package in force', () => {
  it('runs from its first to its last day, both included, while the file is open', () => {
    expect(packageState({ ...pkg, fileOpen: true }, '2026-11-10')).toEqual({ inForce: true });
    expect(packageState({ ...pkg, fileOpen: true }, '2027-11-09')).toEqual({ inForce: true });
    expect(packageState({ ...pkg, fileOpen: true }, '2026-11-09')).toEqual({ inForce: false, why: 'not-started' });
    expect(packageState({ ...pkg, fileOpen: true }, '2027-11-10')).toEqual({ inForce: false, why: 'expired' });
  });

  it('ends when its hardship file closes, whatever the dates', () => {
    expect(packageState({ ...pkg, fileOpen: false }, '2026-12-01')).toEqual({ inForce: false, why: 'file-closed' });
  });
});

describe('the quota of a period', () => {
  it('lets redemptions take what is left and refuses one beyond it', () => {
    expect(redeem(3, 0, 1)).toEqual({ ok: true, used: 1, remaining: 2 });
    expect(redeem(3, 2, 1)).toEqual({ ok: true, used: 3, remaining: 0 });
    expect(redeem(3, 3, 1)).toEqual({ ok: false, remaining: 0 });
    expect(redeem(3, 1, 3)).toEqual({ ok: false, remaining: 2 });
    expect(redeem(3, 0, 0)).toEqual({ ok: false, remaining: 3 });
  });

  it('finds the same item kind twice at one service point (one quota would be split)', () => {
    const lines = [
      { itemKind: 'laundry' as const, period: 'month' as const, servicePoint: '职工之家' },
      { itemKind: 'laundry' as const, period: 'week' as const, servicePoint: ' 职工之家 ' },
      { itemKind: 'laundry' as const, period: 'month' as const, servicePoint: '爱心超市' },
    ];
    expect(duplicateEntitlements(lines)).toEqual([1]);
  });
});
