/**
 * Session rules (调解): joint (面对面) or separate (背对背), held at a time not in the future,
 * with who attended. The notes are personal data: readable by the case's panel (the mediators
 * whose logins sit on it) and by the centre's officers who may see personal data, nobody else.
 */

export type SessionKind = 'joint' | 'separate';
export const SESSION_KINDS: readonly SessionKind[] = ['joint', 'separate'];
export const SESSION_KIND_LABELS: Record<SessionKind, string> = { joint: '面对面', separate: '背对背' };

export type AttendeeSide = 'worker' | 'employer' | 'mediator' | 'other';
export const ATTENDEE_SIDES: readonly AttendeeSide[] = ['worker', 'employer', 'mediator', 'other'];

/** A few minutes of clock drift between the officer's device and the server are tolerated. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function heldAtProblem(heldAt: Date, now: Date): string | null {
  if (Number.isNaN(heldAt.getTime())) return 'heldAt 须为时间 / heldAt must be a time';
  if (heldAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return '调解时间不能晚于现在 / heldAt cannot be in the future';
  return null;
}

/** Whether the caller may read a case's session notes. */
export function maySeeNotes(caller: { username: string; roles: readonly string[] }, panelUsernames: readonly string[]): boolean {
  return panelUsernames.includes(caller.username) || caller.roles.includes('personal-data-viewer');
}
