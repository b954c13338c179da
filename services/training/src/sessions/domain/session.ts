/**
 * A course session, as pure rules. Its seats and waiting list: bookings/domain/waiting-list.ts.
 */

export interface NewSession {
  courseTitle: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  capacity: number;
}

export type ScheduleRefusal = { reason: 'ends-before-start' };

/** A session must end after it starts. */
export function scheduleSession(command: NewSession): { ok: true; session: NewSession } | { ok: false; refusal: ScheduleRefusal } {
  if (command.endsAt.getTime() <= command.startsAt.getTime()) return { ok: false, refusal: { reason: 'ends-before-start' } };
  return { ok: true, session: command };
}
