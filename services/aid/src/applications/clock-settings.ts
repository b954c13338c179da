import { ClockSettings } from './application.dto';

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return value;
}

/**
 * The federation's targets, from the environment: hours from submission to payment on the fast
 * track (AID_FAST_TRACK_TARGET_HOURS, 72 by default) and days from payment to the follow-up
 * visit (AID_FOLLOW_UP_DAYS, 30 by default). Read when a view is made, so a test can change them.
 */
export function clockSettings(): ClockSettings {
  return { fastTrackTargetHours: positiveInt('AID_FAST_TRACK_TARGET_HOURS', 72), followUpDays: positiveInt('AID_FOLLOW_UP_DAYS', 30) };
}
