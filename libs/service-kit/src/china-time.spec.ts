import { chinaDate, chinaDaysBetween, chinaTime } from './china-time';

describe('China Standard Time in answers', () => {
  it('renders an instant with +08:00, whatever offset it came with', () => {
    expect(chinaTime(new Date('2026-11-26T01:30:00.000Z'))).toBe('2026-11-26T09:30:00.000+08:00');
    expect(chinaTime('2026-11-26T09:30:00+08:00')).toBe('2026-11-26T09:30:00.000+08:00');
    expect(chinaTime('2026-11-25T20:00:00-05:00')).toBe('2026-11-26T09:00:00.000+08:00');
  });

  it('keeps null as null and refuses what is not a time', () => {
    expect(chinaTime(null)).toBeNull();
    expect(() => chinaTime('yesterday')).toThrow(RangeError);
  });

  it('judges the calendar day in China, not in UTC', () => {
    // 17:00 UTC is already 01:00 the next morning in Chongqing.
    expect(chinaDate(new Date('2026-11-25T17:00:00Z'))).toBe('2026-11-26');
    expect(chinaDate(new Date('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
  });

  it('counts calendar days between China dates', () => {
    expect(chinaDaysBetween('2026-11-01', '2026-11-16')).toBe(15);
    expect(chinaDaysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(chinaDaysBetween('2026-11-16', '2026-11-01')).toBe(-15);
  });
});
