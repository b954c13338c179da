/**
 * The instructor pool (师资库), without I/O: a veteran master teaches the skills listed as their
 * specialties and can be sent out only inside one of their availability windows.
 */
export interface Period {
  startsAt: Date;
  endsAt: Date;
}

/** Specialties compare without surrounding spaces and case (“PLC 编程” = “plc编程” is not assumed: only trim and case). */
export const normaliseSkill = (skill: string): string => skill.trim().toLowerCase();

export function teaches(specialties: readonly string[], skill: string): boolean {
  const wanted = normaliseSkill(skill);
  return specialties.some((s) => normaliseSkill(s) === wanted);
}

/** Half-open periods [startsAt, endsAt) overlap when each starts before the other ends. */
export function overlaps(a: Period, b: Period): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** The whole period lies inside one availability window. */
export function withinAvailability(windows: readonly Period[], period: Period): boolean {
  return windows.some((w) => w.startsAt.getTime() <= period.startsAt.getTime() && period.endsAt.getTime() <= w.endsAt.getTime());
}

export type PoolRefusal = { reason: 'window-backwards'; index: number } | { reason: 'duplicate-specialty'; specialty: string };

/** A new instructor's specialties (deduplicated) and windows (each must end after it starts). */
export function checkNewInstructor(specialties: readonly string[], windows: readonly Period[]): { ok: true; specialties: string[] } | { ok: false; refusal: PoolRefusal } {
  const index = windows.findIndex((w) => w.endsAt.getTime() <= w.startsAt.getTime());
  if (index >= 0) return { ok: false, refusal: { reason: 'window-backwards', index } };
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const s of specialties) {
    const key = normaliseSkill(s);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(s.trim());
  }
  return { ok: true, specialties: unique };
}
