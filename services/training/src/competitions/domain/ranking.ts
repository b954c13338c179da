/**
 * Skill competition scoring and ranking (技能竞赛), without I/O.
 *
 * An event declares weighted criteria (weights sum to 100), each scored within its own range.
 * A judge's sheet is worth Σ (score − min) / (max − min) × weight, out of 100; an entrant's result
 * is the mean of their sheets. Ties are broken by the event's declared rule:
 * - `criteria-in-order`: the higher mean normalised score on the first criterion wins, then the
 *   second, …; entrants still equal share the rank;
 * - `shared`: equal results share the rank (1, 1, 3).
 */
export const TIE_BREAKS = ['criteria-in-order', 'shared'] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

export interface Criterion {
  key: string;
  name: string;
  weight: number;
  minScore: number;
  maxScore: number;
}

export type CriteriaRefusal = { reason: 'weights-not-100'; total: number } | { reason: 'range-empty'; key: string } | { reason: 'duplicate-key'; key: string };

export function checkCriteria(criteria: readonly Criterion[]): CriteriaRefusal | null {
  const keys = new Set<string>();
  for (const c of criteria) {
    if (keys.has(c.key)) return { reason: 'duplicate-key', key: c.key };
    keys.add(c.key);
    if (c.maxScore <= c.minScore) return { reason: 'range-empty', key: c.key };
  }
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return Math.abs(total - 100) > 1e-9 ? { reason: 'weights-not-100', total } : null;
}

export type SheetRefusal = { reason: 'out-of-range'; key: string; min: number; max: number } | { reason: 'unknown-criterion'; key: string } | { reason: 'missing-criterion'; key: string };

/** A sheet scores every criterion once, each within its range. */
export function checkSheet(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): SheetRefusal | null {
  for (const key of Object.keys(scores)) if (!criteria.some((c) => c.key === key)) return { reason: 'unknown-criterion', key };
  for (const c of criteria) {
    const score = scores[c.key];
    if (score === undefined) return { reason: 'missing-criterion', key: c.key };
    if (score < c.minScore || score > c.maxScore) return { reason: 'out-of-range', key: c.key, min: c.minScore, max: c.maxScore };
  }
  return null;
}

const normalised = (c: Criterion, score: number) => (score - c.minScore) / (c.maxScore - c.minScore);

/** The weighted total of one sheet, out of 100. */
export function sheetTotal(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): number {
  return criteria.reduce((sum, c) => sum + normalised(c, scores[c.key]) * c.weight, 0);
}

export interface EntrantSheets {
  entrantId: string;
  sheets: Readonly<Record<string, number>>[];
}

export interface RankedEntrant {
  entrantId: string;
  rank: number;
  /** Mean weighted total, out of 100, two decimals. */
  total: number;
  sheets: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
// Compare on a fixed precision so that float noise never decides a tie.
const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** Ranks the entrants who have at least one sheet, best first; entrants without sheets are not ranked. */
export function rankEntrants(criteria: readonly Criterion[], tieBreak: TieBreak, entrants: readonly EntrantSheets[]): RankedEntrant[] {
  const scored = entrants
    .filter((e) => e.sheets.length > 0)
    .map((e) => {
      const mean = (f: (s: Readonly<Record<string, number>>) => number) => e.sheets.reduce((sum, s) => sum + f(s), 0) / e.sheets.length;
      return {
        entrantId: e.entrantId,
        sheets: e.sheets.length,
        total: round2(mean((s) => sheetTotal(criteria, s))),
        byCriterion: criteria.map((c) => Math.round(mean((s) => normalised(c, s[c.key])) * 1e6) / 1e6),
      };
    });
  const compare = (a: (typeof scored)[number], b: (typeof scored)[number]): number => {
    if (!same(a.total, b.total)) return b.total - a.total;
    if (tieBreak === 'criteria-in-order') {
      for (let i = 0; i < criteria.length; i++) if (!same(a.byCriterion[i], b.byCriterion[i])) return b.byCriterion[i] - a.byCriterion[i];
    }
    return 0;
  };
  // Stable order among equals (by id) so a shared rank lists the same way every time.
  const sorted = [...scored].sort((a, b) => compare(a, b) || a.entrantId.localeCompare(b.entrantId));
  const ranked: RankedEntrant[] = [];
  sorted.forEach((e, i) => {
    const rank = i > 0 && compare(sorted[i - 1], e) === 0 ? ranked[i - 1].rank : i + 1;
    ranked.push({ entrantId: e.entrantId, rank, total: e.total, sheets: e.sheets });
  });
  return ranked;
}
