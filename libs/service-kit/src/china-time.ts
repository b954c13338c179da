/**
 * Times in answers are China Standard Time (UTC+08:00, no daylight saving), the time the
 * officers live in: `2026-11-26T09:30:00.000+08:00`, never a bare UTC `Z`. Input may carry any
 * offset; Postgres stores the instant, and views render it with these helpers.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant as RFC 3339 in China Standard Time; null stays null. */
export function chinaTime(instant: Date | string): string;
export function chinaTime(instant: Date | string | null | undefined): string | null;
export function chinaTime(instant: Date | string | null | undefined): string | null {
  if (instant === null || instant === undefined) return null;
  const at = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not a time: ${String(instant)}`);
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().replace('Z', '+08:00');
}

/** The calendar date (YYYY-MM-DD) of an instant in China: what "today" and day counts are judged on. */
export function chinaDate(instant: Date | string): string {
  return chinaTime(instant).slice(0, 10);
}

/** Whole calendar days from one China date to another (YYYY-MM-DD), negative when `to` is earlier. */
export function chinaDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
