import { isCalendarDate } from '../../cases/domain/calendar';

/**
 * Figures of a period (统计): the settlement rate counts cases that reached an outcome of mediation,
 * settled (达成协议, whether performed yet or closed) against referred on (转仲裁/诉讼); declined and
 * still-open cases are not in it. Rounded to three decimals; null before any outcome.
 */
export function settlementRate(counts: { settled: number; closed: number; referred: number }): number | null {
  const agreed = counts.settled + counts.closed;
  const decided = agreed + counts.referred;
  return decided === 0 ? null : Math.round((agreed / decided) * 1000) / 1000;
}

/** A period is two China dates, from ≤ to, at most about a year and a bit (400 days) apart. */
export function periodProblem(from: string, to: string): string | null {
  if (!isCalendarDate(from) || !isCalendarDate(to)) return 'from 与 to 须为有效日期 / from and to must be real dates';
  if (from > to) return 'from 不能晚于 to / from cannot be after to';
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days > 400) return '统计区间不能超过 400 天 / the period cannot exceed 400 days';
  return null;
}

/**
 * The median of a histogram of whole numbers (value → how many), as PostgreSQL's
 * percentile_cont(0.5) gives it over the values one by one: the middle value, or halfway between
 * the two middle ones. Null when empty. Exact, unlike a median of medians: the days to settle are
 * kept as such a histogram per day and unit, and summed over the period.
 */
export function medianOfHistogram(bins: readonly { value: number; count: number }[]): number | null {
  const sorted = bins.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((n, b) => n + b.count, 0);
  if (total === 0) return null;
  const position = (total - 1) / 2;
  const at = (index: number): number => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.count;
      if (index < seen) return b.value;
    }
    throw new RangeError(`index ${index} beyond ${total} values`);
  };
  const below = at(Math.floor(position));
  const above = at(Math.ceil(position));
  return below + (above - below) * (position - Math.floor(position));
}
