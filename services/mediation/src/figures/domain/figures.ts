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
