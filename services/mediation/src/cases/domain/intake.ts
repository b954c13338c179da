import { maskMobile } from '@gonghui/identifiers';
import type { DisputeClaimType } from '@gonghui/contracts';
import { isCalendarDate, startOfChinaDay } from './calendar';

/**
 * Intake rules (受理): who the workers are, what they claim, and when the application was received.
 * A worker is a member (by id) or a non-member recorded with minimal data, a name and a mobile
 * number, which are personal data: sealed by the caller's vault, shown masked.
 */

export interface WorkerInput {
  memberId?: string;
  name?: string;
  contact?: string;
}

export interface ClaimInput {
  type: DisputeClaimType;
  amountFen?: number;
  description?: string;
}

export interface ReceivedClaim {
  type: DisputeClaimType;
  amountFen: number | null;
  description: string | null;
}

/** A worker as stored: a member id, or the sealed name and contact with their masked forms. */
export interface StoredWorker {
  memberId: string | null;
  sealedName: string | null;
  sealedContact: string | null;
  maskedName: string | null;
  maskedContact: string | null;
}

export interface IntakeProblem {
  field: string;
  message: string;
}

/** The problems of an application, each naming its field; none means it can be received. */
export function intakeProblems(input: { workers: WorkerInput[]; employerName: string | undefined; receivedOn: string; today: string }): IntakeProblem[] {
  const problems: IntakeProblem[] = [];
  if (input.workers.length === 0) problems.push({ field: 'workers', message: '至少须有一名职工当事人 / at least one worker is required' });
  const seen = new Set<string>();
  input.workers.forEach((w, i) => {
    const hasMember = Boolean(w.memberId);
    const hasPerson = Boolean(w.name?.trim()) && Boolean(w.contact?.trim());
    if (hasMember === hasPerson || (hasMember && (w.name || w.contact))) {
      problems.push({
        field: `workers[${i}]`,
        message: '职工须填会员编号，或（非会员）填姓名和手机号，二者择一 / give either memberId, or (a non-member) name and contact',
      });
    }
    if (w.memberId) {
      if (seen.has(w.memberId)) problems.push({ field: `workers[${i}].memberId`, message: '同一职工重复列入 / the same worker is listed twice' });
      seen.add(w.memberId);
    }
  });
  if (!input.employerName?.trim()) problems.push({ field: 'employer', message: '须填写用人单位 / the employer is required' });
  if (!isCalendarDate(input.receivedOn)) {
    problems.push({ field: 'receivedOn', message: '收到申请日期须为 YYYY-MM-DD / receivedOn must be a date YYYY-MM-DD' });
  } else if (input.receivedOn > input.today) {
    problems.push({ field: 'receivedOn', message: `收到申请日期不能晚于今天（${input.today}） / receivedOn cannot be after today (${input.today})` });
  }
  return problems;
}

export function normaliseClaims(claims: ClaimInput[]): ReceivedClaim[] {
  return claims.map((c) => ({ type: c.type, amountFen: c.amountFen ?? null, description: c.description?.trim() || null }));
}

/** `张*`, `欧阳**`: the family name (first character) stays. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

export function maskContact(contact: string): string {
  return /^1\d{10}$/.test(contact) ? maskMobile(contact) : `${[...contact].slice(0, 2).join('')}****`;
}

/** The instant the received date begins in China: the clock's start, stored as received_at. */
export function receivedAtOf(receivedOn: string): Date {
  return startOfChinaDay(receivedOn);
}

/** The China date of a received_at instant (the start of that China day). */
export function chinaDateOfStart(receivedAt: Date): string {
  return new Date(receivedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
