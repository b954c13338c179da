import type { HardshipCause, HardshipFileGradedV1, HardshipFileOpenedV1, HardshipGrade } from '@gonghui/contracts';

/**
 * The lifecycle rules of a hardship worker file (困难职工档案), without I/O: state and command
 * in, the file and the events it causes out, or a typed refusal. The use case loads the facts,
 * applies a rule and stores what it returns.
 */

/** What a household visit (入户走访) makes clear: the "six clears" (六清). */
export interface HouseholdVisitFacts {
  /** YYYY-MM-DD, the local (Beijing) date of the visit. */
  visitedOn: string;
  householdSize: number;
  monthlyHouseholdIncomeFen: number;
  incomeSources: string;
  housing: string;
  health: string;
  childrenSchooling: string;
}

export type HardshipFileStatus = 'open' | 'closed';

export interface HardshipFileState {
  id: string;
  memberId: string;
  orgUnitId: string;
  orgUnitPath: string;
  status: HardshipFileStatus;
  cause: HardshipCause;
  visit: HouseholdVisitFacts;
  visitedBy: string;
  openedAt: Date;
  /** Null until graded. */
  grade: HardshipGrade | null;
}

/** The member a file is opened for, as aid knows them, and whether they already have an open file. */
export interface MemberOnFile {
  memberId: string;
  orgUnitId: string;
  orgUnitPath: string;
  hasOpenFile: boolean;
  /** Another member of the same household (e.g. a spouse) already has an open file. */
  householdHasOpenFile?: boolean;
}

export interface OpenFileCommand {
  fileId: string;
  cause: HardshipCause;
  visit: HouseholdVisitFacts;
  visitedBy: string;
  now: Date;
  /** The grade, when the officer grades the file as they open it. */
  grade?: HardshipGrade | null;
}

export interface VisitFieldError {
  /** The field of the request, e.g. `visit.health`. */
  field: string;
  message: string;
}

export type OpenFileRefusal = { reason: 'file-already-open' } | { reason: 'household-file-open' } | { reason: 'visit-incomplete'; errors: VisitFieldError[] };

export type HardshipFileEvent = { type: 'hardship-file.opened'; data: HardshipFileOpenedV1 } | { type: 'hardship-file.graded'; data: HardshipFileGradedV1 };

export type OpenFileOutcome = { ok: true; file: HardshipFileState; events: HardshipFileEvent[] } | { ok: false; refusal: OpenFileRefusal };

export const MAX_HOUSEHOLD_SIZE = 30;
export const MAX_MONTHLY_INCOME_FEN = 100_000_000_00;
export const MAX_CLEAR_LENGTH = 500;

const CLEARS: { key: 'incomeSources' | 'housing' | 'health' | 'childrenSchooling'; zh: string; en: string }[] = [
  { key: 'incomeSources', zh: '收入来源', en: 'income sources' },
  { key: 'housing', zh: '住房', en: 'housing' },
  { key: 'health', zh: '健康', en: 'health' },
  { key: 'childrenSchooling', zh: '子女就学', en: 'children’s schooling' },
];

/** Beijing has no daylight saving time: its date is the UTC date eight hours on. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * What a visit must contain before a file can rest on it: every one of the six clears, a
 * household of 1 to 30 people, a monthly income in whole fen that is not negative, and a visit
 * that has taken place (not dated after the day the file is opened).
 */
export function checkVisit(visit: HouseholdVisitFacts, today: string): VisitFieldError[] {
  const errors: VisitFieldError[] = [];
  if (!isCalendarDate(visit.visitedOn)) {
    errors.push({ field: 'visit.visitedOn', message: '走访日期无效 / visitedOn must be a calendar date (YYYY-MM-DD)' });
  } else if (visit.visitedOn > today) {
    errors.push({ field: 'visit.visitedOn', message: '走访日期不能晚于建档日期 / the visit cannot be dated after the file is opened' });
  }
  if (!Number.isInteger(visit.householdSize) || visit.householdSize < 1 || visit.householdSize > MAX_HOUSEHOLD_SIZE) {
    errors.push({ field: 'visit.householdSize', message: `家庭人口须为 1 至 ${MAX_HOUSEHOLD_SIZE} / householdSize must be 1 to ${MAX_HOUSEHOLD_SIZE}` });
  }
  const income = visit.monthlyHouseholdIncomeFen;
  if (!Number.isInteger(income) || income < 0 || income > MAX_MONTHLY_INCOME_FEN) {
    errors.push({ field: 'visit.monthlyHouseholdIncomeFen', message: '家庭月收入须为不小于 0 的整数（分） / monthlyHouseholdIncomeFen must be whole fen, not negative' });
  }
  for (const { key, zh, en } of CLEARS) {
    const value = visit[key];
    if (typeof value !== 'string' || value.trim() === '') {
      errors.push({ field: `visit.${key}`, message: `走访须查清${zh} / the visit must make clear: ${en}` });
    } else if (value.length > MAX_CLEAR_LENGTH) {
      errors.push({ field: `visit.${key}`, message: `${zh}不超过 ${MAX_CLEAR_LENGTH} 字 / ${en}: at most ${MAX_CLEAR_LENGTH} characters` });
    }
  }
  return errors;
}

/**
 * Open a file (建档) for a member after a household visit. A member, and a household, has at most
 * one open file; a grade given at opening is announced as a grading too.
 * The event carries the cause category only: the visit's health and income details stay here.
 */
export function openHardshipFile(member: MemberOnFile, command: OpenFileCommand): OpenFileOutcome {
  if (member.hasOpenFile) return { ok: false, refusal: { reason: 'file-already-open' } };
  if (member.householdHasOpenFile) return { ok: false, refusal: { reason: 'household-file-open' } };
  const errors = checkVisit(command.visit, beijingDate(command.now));
  if (errors.length > 0) return { ok: false, refusal: { reason: 'visit-incomplete', errors } };

  const file: HardshipFileState = {
    id: command.fileId,
    memberId: member.memberId,
    orgUnitId: member.orgUnitId,
    orgUnitPath: member.orgUnitPath,
    status: 'open',
    cause: command.cause,
    visit: { ...command.visit },
    visitedBy: command.visitedBy,
    openedAt: command.now,
    grade: command.grade ?? null,
  };
  const opened: HardshipFileOpenedV1 = {
    fileId: file.id,
    memberId: file.memberId,
    orgUnitId: file.orgUnitId,
    cause: file.cause,
    openedAt: file.openedAt.toISOString(),
  };
  const events: HardshipFileEvent[] = [{ type: 'hardship-file.opened', data: opened }];
  if (file.grade) {
    events.push({
      type: 'hardship-file.graded',
      data: { fileId: file.id, memberId: file.memberId, orgUnitId: file.orgUnitId, grade: file.grade, previousGrade: null, gradedAt: opened.openedAt },
    });
  }
  return { ok: true, file, events };
}
