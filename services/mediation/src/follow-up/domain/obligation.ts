import { addDays, daysBetween } from '../../cases/domain/calendar';

/**
 * Post-case follow-up (案后回访): each obligation of an agreement is tracked until performed. A
 * payment obligation is performed when what was paid reaches what is owed (part payments add up,
 * never beyond it); a non-monetary one when it is marked performed. One overdue by N days (7 by
 * default) is flagged once and a follow-up visit is scheduled. The case closes when every
 * obligation is performed.
 */

export const DEFAULT_OVERDUE_DAYS = 7;
/** The follow-up visit is due this many days after the obligation is flagged. */
export const FOLLOW_UP_WITHIN_DAYS = 3;

export type ObligationStatus = 'pending' | 'performed';

export interface ObligationState {
  id: string;
  amountFen: number | null;
  paidFen: number;
  dueDate: string | null;
  status: ObligationStatus;
  overdueFlaggedOn: string | null;
}

export type PaymentRefusal =
  | { reason: 'not-monetary' }
  | { reason: 'already-performed' }
  | { reason: 'beyond-owed'; outstandingFen: number };

export function outstandingFen(o: ObligationState): number {
  return o.amountFen === null ? 0 : o.amountFen - o.paidFen;
}

/** Record a (part) payment: never more than is still owed; the last one performs the obligation. */
export function recordPayment(o: ObligationState, amountFen: number): { ok: true; paidFen: number; performed: boolean } | { ok: false; refusal: PaymentRefusal } {
  if (o.amountFen === null) return { ok: false, refusal: { reason: 'not-monetary' } };
  if (o.status === 'performed') return { ok: false, refusal: { reason: 'already-performed' } };
  const outstanding = outstandingFen(o);
  if (amountFen > outstanding) return { ok: false, refusal: { reason: 'beyond-owed', outstandingFen: outstanding } };
  const paidFen = o.paidFen + amountFen;
  return { ok: true, paidFen, performed: paidFen === o.amountFen };
}

/** Mark a non-monetary term performed (e.g. a certificate of employment issued). */
export function markPerformed(o: ObligationState): { ok: true } | { ok: false; refusal: PaymentRefusal } {
  if (o.status === 'performed') return { ok: false, refusal: { reason: 'already-performed' } };
  if (o.amountFen !== null) return { ok: false, refusal: { reason: 'not-monetary' } };
  return { ok: true };
}

/** Overdue by at least N days today, not yet flagged: to flag now, with the visit's date. */
export function overdueToFlag(o: ObligationState, today: string, overdueDays: number = DEFAULT_OVERDUE_DAYS): { daysOverdue: number; followUpOn: string } | null {
  if (o.status !== 'pending' || o.dueDate === null || o.overdueFlaggedOn !== null) return null;
  const daysOverdue = daysBetween(o.dueDate, today);
  if (daysOverdue < overdueDays) return null;
  return { daysOverdue, followUpOn: addDays(today, FOLLOW_UP_WITHIN_DAYS) };
}

/** The last due date that is overdue by N days today: the sweep's indexed cut-off. */
export function overdueIfDueOnOrBefore(today: string, overdueDays: number = DEFAULT_OVERDUE_DAYS): string {
  return addDays(today, -overdueDays);
}

export function allPerformed(statuses: readonly ObligationStatus[]): boolean {
  return statuses.length > 0 && statuses.every((s) => s === 'performed');
}
