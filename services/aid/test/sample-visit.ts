import type { HouseholdVisitFacts } from '../src/hardship-files/domain/hardship-file';

/** A household visit that makes all six clears (六清), as the tests' officers record it. */
export const SAMPLE_VISIT: HouseholdVisitFacts = {
  visitedOn: '2026-11-20',
  householdSize: 4,
  monthlyHouseholdIncomeFen: 320_000,
  incomeSources: '本人工资，丈夫无业',
  housing: '租住单间',
  health: '丈夫、公婆患病',
  childrenSchooling: '一子读初中',
};
