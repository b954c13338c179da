/**
 * Holiday childcare classes for members' children (托管班), without I/O.
 * Dates are China calendar dates (YYYY-MM-DD); daily hours are China wall-clock times (HH:MM).
 */
export interface ClassFacts {
  ageMin: number;
  ageMax: number;
  capacity: number;
  startsOn: string;
  endsOn: string;
  opensAt: string;
  closesAt: string;
}

/** Minimum share of class days attended to keep priority for the next term. */
export const PRIORITY_ATTENDANCE = 0.7;

export type ClassRefusal = { reason: 'dates-backwards' } | { reason: 'hours-backwards' } | { reason: 'ages-backwards' };

export function checkNewClass(c: ClassFacts): ClassRefusal | null {
  if (c.endsOn < c.startsOn) return { reason: 'dates-backwards' };
  if (c.closesAt <= c.opensAt) return { reason: 'hours-backwards' };
  if (c.ageMax < c.ageMin) return { reason: 'ages-backwards' };
  return null;
}

/** Whole years of age on a date, from the birth date (a birthday on 29 February counts from 1 March in other years). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export type EnrolmentRefusal =
  | { reason: 'no-insurance' }
  | { reason: 'outside-age-range'; age: number; ageMin: number; ageMax: number }
  | { reason: 'class-full'; capacity: number }
  | { reason: 'class-ended' }
  | { reason: 'no-pickup-person' };

/** A child joins a class: insured, of the class's ages on its first day, with someone to collect them, while seats remain and the class has not ended. */
export function enrolChild(
  c: ClassFacts,
  child: { birthDate: string; insurancePolicyNo: string | null; pickupPeople: number; enrolled: number; today: string },
): { ok: true; ageAtStart: number } | { ok: false; refusal: EnrolmentRefusal } {
  if (!child.insurancePolicyNo || child.insurancePolicyNo.trim() === '') return { ok: false, refusal: { reason: 'no-insurance' } };
  if (child.today > c.endsOn) return { ok: false, refusal: { reason: 'class-ended' } };
  const age = ageOn(child.birthDate, c.startsOn);
  if (age < c.ageMin || age > c.ageMax) return { ok: false, refusal: { reason: 'outside-age-range', age, ageMin: c.ageMin, ageMax: c.ageMax } };
  if (child.pickupPeople === 0) return { ok: false, refusal: { reason: 'no-pickup-person' } };
  if (child.enrolled >= c.capacity) return { ok: false, refusal: { reason: 'class-full', capacity: c.capacity } };
  return { ok: true, ageAtStart: age };
}

export type DayRefusal = { reason: 'not-a-class-day'; today: string } | { reason: 'already-signed-in' } | { reason: 'not-signed-in' } | { reason: 'already-signed-out' } | { reason: 'not-authorised-pickup' };

export function signIn(c: ClassFacts, today: string, alreadyIn: boolean): DayRefusal | null {
  if (today < c.startsOn || today > c.endsOn) return { reason: 'not-a-class-day', today };
  return alreadyIn ? { reason: 'already-signed-in' } : null;
}

export interface PickupPerson {
  name: string;
  mobile: string;
  relation: string;
}

const normName = (s: string) => s.replace(/\s+/g, '');

/** Sign-out only to an authorised pick-up person: the same name and mobile as given at enrolment. Returns the index of the person. */
export function signOut(day: { signedIn: boolean; signedOut: boolean }, authorised: readonly PickupPerson[], collector: { name: string; mobile: string }): { ok: true; pickupIndex: number } | { ok: false; refusal: DayRefusal } {
  if (!day.signedIn) return { ok: false, refusal: { reason: 'not-signed-in' } };
  if (day.signedOut) return { ok: false, refusal: { reason: 'already-signed-out' } };
  const index = authorised.findIndex((p) => p.mobile === collector.mobile && normName(p.name) === normName(collector.name));
  return index < 0 ? { ok: false, refusal: { reason: 'not-authorised-pickup' } } : { ok: true, pickupIndex: index };
}

export const DAY_STATES = ['not-signed-in', 'in-class', 'not-collected', 'collected'] as const;
export type DayState = (typeof DAY_STATES)[number];

/**
 * Where a child stands on a day: not signed in, in class, collected, or — signed in, not signed
 * out, and the day's closing time passed — not collected (未接走), the one someone must call about.
 */
export function dayState(day: { signedIn: boolean; signedOut: boolean }, pastClosing: boolean): DayState {
  if (!day.signedIn) return 'not-signed-in';
  if (day.signedOut) return 'collected';
  return pastClosing ? 'not-collected' : 'in-class';
}

/** Class days from the first day up to `today` (or the last day, whichever is earlier); 0 before the class starts. */
export function classDaysSoFar(c: Pick<ClassFacts, 'startsOn' | 'endsOn'>, today: string): number {
  const last = today < c.endsOn ? today : c.endsOn;
  if (last < c.startsOn) return 0;
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${c.startsOn}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Attendance as a share of the class days so far, and whether it costs priority next term (under 70 %). */
export function attendanceStanding(daysAttended: number, classDays: number): { rate: number; losesPriority: boolean } {
  if (classDays === 0) return { rate: 1, losesPriority: false };
  const rate = Math.min(1, daysAttended / classDays);
  return { rate: Math.round(rate * 1000) / 1000, losesPriority: rate < PRIORITY_ATTENDANCE };
}

/** 王小明 → 王*明, 李明 → 李*: the name as staff lists show it. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
