import type { Schemas } from '../../api/client';

export type ClockStage = 'calm' | 'nearing' | 'due' | 'lapsed';

/**
 * Where a case stands on the 15-day statutory clock (劳动争议调解仲裁法 第十四条): green while more
 * than a week is left, orange in the last week, red in the last three days, then lapsed.
 */
export function clockStage(clock: Schemas['mediation.ClockView']): ClockStage {
  if (clock.pastLimit || clock.daysLeft === null || clock.daysLeft < 0) return 'lapsed';
  if (clock.daysLeft <= 3) return 'due';
  if (clock.daysLeft <= 7) return 'nearing';
  return 'calm';
}

export const CLOCK_COLOUR: Record<ClockStage, string> = { calm: 'green', nearing: 'orange', due: 'red', lapsed: '#595959' };
/** Share of the 15 days used, for a progress bar. */
export const clockUsed = (clock: Schemas['mediation.ClockView']) =>
  clock.pastLimit || clock.daysLeft === null ? 100 : Math.min(100, Math.max(0, Math.round(((15 - clock.daysLeft) / 15) * 100)));
