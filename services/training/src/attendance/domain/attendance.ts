/**
 * Attendance (签到签退) as pure rules: who may sign in or out of a session and when; and
 * completion of a course from its attendance and assessment.
 */
export const EARLY_SIGN_IN_MS = 60 * 60 * 1000;

export interface SessionTimes {
  status: 'scheduled' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
}

export interface AttendanceRecord {
  signedInAt: Date;
  signedOutAt: Date | null;
}

export type AttendanceRefusal =
  | { reason: 'session-cancelled' }
  | { reason: 'not-open-yet'; opensAt: Date }
  | { reason: 'session-ended'; endsAt: Date }
  | { reason: 'not-booked' }
  | { reason: 'already-signed-in'; at: Date }
  | { reason: 'not-signed-in' }
  | { reason: 'already-signed-out'; at: Date };

function timeRefusal(session: SessionTimes, now: Date): AttendanceRefusal | null {
  if (session.status === 'cancelled') return { reason: 'session-cancelled' };
  const opensAt = new Date(session.startsAt.getTime() - EARLY_SIGN_IN_MS);
  if (now < opensAt) return { reason: 'not-open-yet', opensAt };
  if (now > session.endsAt) return { reason: 'session-ended', endsAt: session.endsAt };
  return null;
}

/** Sign-in opens an hour before the start and closes at the end; only a member with a seat, once. */
export function signIn(session: SessionTimes, booked: boolean, existing: AttendanceRecord | null, now: Date): { ok: true } | { ok: false; refusal: AttendanceRefusal } {
  const late = timeRefusal(session, now);
  if (late) return { ok: false, refusal: late };
  if (!booked) return { ok: false, refusal: { reason: 'not-booked' } };
  if (existing) return { ok: false, refusal: { reason: 'already-signed-in', at: existing.signedInAt } };
  return { ok: true };
}

/** Sign-out: after a sign-in, once, until an hour after the end (people leave late; an instructor can still mark attendance). */
export function signOut(session: SessionTimes, existing: AttendanceRecord | null, now: Date): { ok: true } | { ok: false; refusal: AttendanceRefusal } {
  if (session.status === 'cancelled') return { ok: false, refusal: { reason: 'session-cancelled' } };
  if (now.getTime() > session.endsAt.getTime() + EARLY_SIGN_IN_MS) return { ok: false, refusal: { reason: 'session-ended', endsAt: session.endsAt } };
  if (!existing) return { ok: false, refusal: { reason: 'not-signed-in' } };
  if (existing.signedOutAt) return { ok: false, refusal: { reason: 'already-signed-out', at: existing.signedOutAt } };
  return { ok: true };
}

export interface CompletionRules {
  minAttendancePercent: number;
  hasAssessment: boolean;
}

export interface CompletionFacts {
  /** The course's sessions that were not cancelled. */
  sessions: number;
  /** Of those, the ones the member attended. */
  attended: number;
  /** The assessment result, if the course has one and it was recorded. */
  assessmentPassed: boolean | null;
}

export type Completion = { completed: true; attendancePercent: number } | { completed: false; attendancePercent: number; missing: ('attendance' | 'assessment')[] };

/** Completion: at least the minimum attendance (80 % by default) and, where the course has an assessment, a pass. */
export function completion(rules: CompletionRules, facts: CompletionFacts): Completion {
  const attendancePercent = facts.sessions === 0 ? 0 : Math.floor((facts.attended * 100) / facts.sessions);
  const missing: ('attendance' | 'assessment')[] = [];
  if (facts.sessions === 0 || attendancePercent < rules.minAttendancePercent) missing.push('attendance');
  if (rules.hasAssessment && facts.assessmentPassed !== true) missing.push('assessment');
  return missing.length === 0 ? { completed: true, attendancePercent } : { completed: false, attendancePercent, missing };
}
