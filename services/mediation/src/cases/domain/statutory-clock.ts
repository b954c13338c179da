import { addDays, daysBetween, startOfChinaDay } from './calendar';

/**
 * The statutory clock (劳动争议调解仲裁法 第十四条): a mediation not settled within 15 days of the
 * centre receiving the application lets the parties go to arbitration. The day of receipt is not
 * counted (期间开始之日不计算在期间内), so the last day of the limit is received + 15, and a case is
 * past the limit from received + 16. Judged on China calendar dates.
 */
export const STATUTORY_LIMIT_DAYS = 15;

/** The last day on which the mediation is within the limit. */
export function limitEndsOn(receivedOn: string): string {
  return addDays(receivedOn, STATUTORY_LIMIT_DAYS);
}

/** Days left on the clock today: 15 on the day of receipt, 0 on the last day, negative once past. */
export function daysLeft(receivedOn: string, today: string): number {
  return STATUTORY_LIMIT_DAYS - daysBetween(receivedOn, today);
}

export function isPastLimit(receivedOn: string, today: string): boolean {
  return daysLeft(receivedOn, today) < 0;
}

/**
 * The past-limit list's cut-off: a case received (its received_at is the start of its China day)
 * before this instant is past the limit today. Lets the list be one indexed range scan.
 */
export function pastLimitReceivedBefore(today: string): Date {
  return startOfChinaDay(addDays(today, -STATUTORY_LIMIT_DAYS));
}

/** The clock as a case shows it; a case no longer open has no running clock. */
export interface ClockView {
  limitEndsOn: string;
  daysLeft: number | null;
  pastLimit: boolean;
}

export function clockOf(receivedOn: string, open: boolean, today: string): ClockView {
  if (!open) return { limitEndsOn: limitEndsOn(receivedOn), daysLeft: null, pastLimit: false };
  return { limitEndsOn: limitEndsOn(receivedOn), daysLeft: daysLeft(receivedOn, today), pastLimit: isPastLimit(receivedOn, today) };
}
