import type { HardshipFileClosedV1, HardshipFileGradedV1, HardshipGrade } from '@gonghui/contracts';

/**
 * The life of a hardship file after it is opened, as pure rules: grading and regrading, further
 * visits (走访), the annual review (年度复核) that keeps the file or closes it as out of hardship
 * (脱困). State and command in; the changes and the events they cause out, or a typed refusal.
 */

export interface FileLifeState {
  id: string;
  memberId: string;
  orgUnitId: string;
  status: 'open' | 'closed';
  grade: HardshipGrade | null;
  /** YYYY-MM-DD: the opening visit's date. */
  visitedOn: string;
  /** YYYY-MM-DD of the last review, or null. */
  lastReviewedOn: string | null;
}

export type NotOpen = { reason: 'file-closed'; status: 'closed' };

export const GRADE_LABELS: Record<HardshipGrade, { zh: string; en: string }> = {
  deep: { zh: '深度困难', en: 'deep hardship' },
  relative: { zh: '相对困难', en: 'relative hardship' },
  'sudden-accident': { zh: '意外致困', en: 'sudden accident' },
};

export const FILE_STATUS_LABELS: Record<'open' | 'closed', { zh: string; en: string }> = {
  open: { zh: '在档', en: 'open' },
  closed: { zh: '已销档', en: 'closed' },
};

export const MAX_NOTE_LENGTH = 2000;
export const MAX_REASON_TEXT_LENGTH = 500;

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function blank(text: string | undefined | null): boolean {
  return typeof text !== 'string' || text.trim() === '';
}

// ---------------------------------------------------------------- grade

export type GradeOutcome =
  | { ok: true; grade: HardshipGrade; gradedAt: Date; event: HardshipFileGradedV1 }
  | { ok: false; refusal: NotOpen | { reason: 'grade-unchanged'; grade: HardshipGrade } };

/** Grade (or regrade) an open file. The same grade again is refused: a regrading is a change. */
export function gradeFile(file: FileLifeState, grade: HardshipGrade, now: Date): GradeOutcome {
  if (file.status !== 'open') return { ok: false, refusal: { reason: 'file-closed', status: file.status } };
  if (file.grade === grade) return { ok: false, refusal: { reason: 'grade-unchanged', grade } };
  return {
    ok: true,
    grade,
    gradedAt: now,
    event: { fileId: file.id, memberId: file.memberId, orgUnitId: file.orgUnitId, grade, previousGrade: file.grade, gradedAt: now.toISOString() },
  };
}

// ---------------------------------------------------------------- visits

export interface FieldProblem {
  field: string;
  message: string;
}

export interface FurtherVisit {
  visitedOn: string;
  notes: string;
}

/**
 * A further visit (走访) to an open file: on a real date, not in the future and not before the
 * file's opening visit, with what was found written down.
 */
export function checkFurtherVisit(file: FileLifeState, visit: FurtherVisit, today: string): { ok: true } | { ok: false; refusal: NotOpen | { reason: 'invalid'; errors: FieldProblem[] } } {
  if (file.status !== 'open') return { ok: false, refusal: { reason: 'file-closed', status: file.status } };
  const errors: FieldProblem[] = [];
  if (!isCalendarDate(visit.visitedOn)) errors.push({ field: 'visitedOn', message: '走访日期无效 / visitedOn must be a calendar date (YYYY-MM-DD)' });
  else if (visit.visitedOn > today) errors.push({ field: 'visitedOn', message: '走访日期不能晚于今天 / the visit cannot be dated in the future' });
  else if (visit.visitedOn < file.visitedOn) errors.push({ field: 'visitedOn', message: '走访日期不能早于建档走访 / the visit cannot be dated before the file’s opening visit' });
  if (blank(visit.notes)) errors.push({ field: 'notes', message: '走访情况不能为空 / notes must say what the visit found' });
  else if (visit.notes.length > MAX_NOTE_LENGTH) errors.push({ field: 'notes', message: `走访情况不超过 ${MAX_NOTE_LENGTH} 字 / notes: at most ${MAX_NOTE_LENGTH} characters` });
  return errors.length > 0 ? { ok: false, refusal: { reason: 'invalid', errors } } : { ok: true };
}

/** The file's last visit after one more: the later of the two dates (a visit may be recorded late). */
export function lastVisitAfter(lastVisitedOn: string, visitedOn: string): string {
  return visitedOn > lastVisitedOn ? visitedOn : lastVisitedOn;
}

// ---------------------------------------------------------------- annual review

export type ReviewDecision = 'keep' | 'close';
export const REVIEW_DECISIONS: readonly ReviewDecision[] = ['keep', 'close'];

export interface AnnualReview {
  reviewedOn: string;
  decision: ReviewDecision;
  reason?: string;
}

export type ReviewOutcome =
  | { ok: true; decision: 'keep'; reviewYear: number }
  | { ok: true; decision: 'close'; reviewYear: number; closedAt: Date; reason: string; event: HardshipFileClosedV1 }
  | { ok: false; refusal: NotOpen | { reason: 'already-reviewed'; year: number } | { reason: 'invalid'; errors: FieldProblem[] } };

/**
 * The annual review (年度复核) of an open file: once per calendar year, dated today or earlier
 * and not before the file's opening visit. It keeps the file, or closes it as out of hardship
 * (脱困), which needs a reason. The event carries the category, never the reason.
 */
export function reviewFile(file: FileLifeState, review: AnnualReview, today: string, now: Date): ReviewOutcome {
  if (file.status !== 'open') return { ok: false, refusal: { reason: 'file-closed', status: file.status } };
  const errors: FieldProblem[] = [];
  if (!isCalendarDate(review.reviewedOn)) errors.push({ field: 'reviewedOn', message: '复核日期无效 / reviewedOn must be a calendar date (YYYY-MM-DD)' });
  else if (review.reviewedOn > today) errors.push({ field: 'reviewedOn', message: '复核日期不能晚于今天 / the review cannot be dated in the future' });
  else if (review.reviewedOn < file.visitedOn) errors.push({ field: 'reviewedOn', message: '复核日期不能早于建档走访 / the review cannot be dated before the file’s opening visit' });
  if (review.decision === 'close' && blank(review.reason)) errors.push({ field: 'reason', message: '脱困销档须说明理由 / closing a file as out of hardship needs a reason' });
  if (!blank(review.reason) && review.reason!.trim().length > MAX_REASON_TEXT_LENGTH) {
    errors.push({ field: 'reason', message: `理由不超过 ${MAX_REASON_TEXT_LENGTH} 字 / reason: at most ${MAX_REASON_TEXT_LENGTH} characters` });
  }
  if (errors.length > 0) return { ok: false, refusal: { reason: 'invalid', errors } };

  const reviewYear = Number(review.reviewedOn.slice(0, 4));
  if (file.lastReviewedOn !== null && Number(file.lastReviewedOn.slice(0, 4)) === reviewYear) return { ok: false, refusal: { reason: 'already-reviewed', year: reviewYear } };
  if (review.decision === 'keep') return { ok: true, decision: 'keep', reviewYear };
  return {
    ok: true,
    decision: 'close',
    reviewYear,
    closedAt: now,
    reason: review.reason!.trim(),
    event: { fileId: file.id, memberId: file.memberId, orgUnitId: file.orgUnitId, closure: 'out-of-hardship', closedAt: now.toISOString() },
  };
}

// ---------------------------------------------------------------- households and queries

/**
 * The household a file is for, as a comparable key: a household id given at the visit (户号) or
 * the registered address (户籍地址), with widths, case and spacing made uniform so that
 * `渝北区 龙溪街道 1 号` and `渝北区龙溪街道１号` are one household. Without one, a member is a
 * household of their own.
 */
export function householdKey(given: string | undefined | null, memberId: string): string {
  if (blank(given)) return `member:${memberId}`;
  return `household:${given!.normalize('NFKC').toLowerCase().replace(/[\s,，。.·\-—_#]/g, '')}`;
}

/** The China date `days` days before `today`: files last visited on or before it have not been visited for `days` days. */
export function unvisitedCutoff(today: string, days: number): string {
  const at = Date.parse(`${today}T00:00:00Z`) - days * 86_400_000;
  return new Date(at).toISOString().slice(0, 10);
}
