import type { Schemas } from '../../../api/client';

export type GrantCall = Schemas['aid.GrantCallView'];
export type Proposal = Schemas['aid.ProposalView'];
export type Ranking = Schemas['aid.RankingView'];
export type ScoreSheet = Schemas['aid.ScoreSheetView'];
export type Criterion = Schemas['aid.CriterionView'];

export const CALL_COLOURS: Record<string, string> = { open: 'blue', reviewing: 'orange', awarded: 'green' };
export const PROPOSAL_COLOURS: Record<string, string> = { submitted: 'default', awarded: 'green', 'not-awarded': 'default', completed: 'gold' };
export const FINAL_RATINGS = ['excellent', 'good', 'pass', 'fail'] as const;

/**
 * A score sheet's total out of 100 as the aid service computes it (services/aid/src/grants/domain/grants.ts
 * weightedScore): each criterion's share of its maximum times its weight, two decimals. Shown live while
 * the reviewer types; the API's figure is the one recorded. Criteria not yet scored count 0.
 */
export function weightedTotal(criteria: readonly Criterion[], scores: Record<string, number | null | undefined>): number {
  const total = criteria.reduce((sum, c) => sum + ((scores[c.key] ?? 0) / c.maxScore) * c.weight, 0);
  return Math.round(total * 100) / 100;
}
