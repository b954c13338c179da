/**
 * A judge's sheet as the dialog previews it while the scores are typed: Σ (score − min) / (max − min)
 * × weight, out of 100 — the formula of training's ranking (services/training/src/competitions/domain/ranking.ts).
 * The total that counts is the one the API answers with the saved sheet.
 */
export interface SheetCriterion {
  key: string;
  weight: number;
  minScore: number;
  maxScore: number;
}

/** The weighted total of the scores typed so far, two decimals; null until every criterion has a number. */
export function previewTotal(criteria: readonly SheetCriterion[], scores: readonly (number | null | undefined)[]): number | null {
  if (criteria.some((_, i) => typeof scores[i] !== 'number')) return null;
  const total = criteria.reduce((sum, c, i) => sum + ((scores[i]! - c.minScore) / (c.maxScore - c.minScore)) * c.weight, 0);
  return Math.round(total * 100) / 100;
}
