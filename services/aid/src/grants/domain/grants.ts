/**
 * Grants to social organisations' service projects (公益伙伴 / 公益创投), as pure rules: the
 * weighted criteria of a call, one reviewer's score sheet, the ranking and the award in rank order
 * within the call's money, and the milestones a project is paid in.
 */

export interface Criterion {
  /** short key the score sheets use, e.g. `need` */
  key: string;
  name: string;
  /** percentage points; the weights of a call add up to 100 */
  weight: number;
  /** a score runs from 0 to this */
  maxScore: number;
}

export interface FieldProblem {
  field: string;
  message: string;
}

const KEY = /^[a-z][a-z0-9-]{0,39}$/;

export function criteriaProblems(criteria: readonly Criterion[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (criteria.length === 0) return [{ field: 'criteria', message: '须至少一项评审标准 / at least one criterion' }];
  const keys = new Set<string>();
  criteria.forEach((c, i) => {
    if (!KEY.test(c.key)) problems.push({ field: `criteria[${i}].key`, message: 'key 须为小写字母、数字或连字符 / key must be lower-case letters, digits or hyphens' });
    if (keys.has(c.key)) problems.push({ field: `criteria[${i}].key`, message: '标准重复 / duplicate criterion' });
    keys.add(c.key);
  });
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (total !== 100) problems.push({ field: 'criteria', message: `权重合计须为100，现为${total} / the weights must add up to 100, not ${total}` });
  return problems;
}

/** One reviewer's scores for one proposal: every criterion once, each within 0..maxScore. */
export function scoreSheetProblems(criteria: readonly Criterion[], scores: Record<string, number>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const c of criteria) {
    const score = scores[c.key];
    if (score === undefined) problems.push({ field: `scores.${c.key}`, message: `缺少“${c.name}”的评分 / the score for ${c.key} is missing` });
    else if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > c.maxScore) {
      problems.push({ field: `scores.${c.key}`, message: `“${c.name}”的评分须在0到${c.maxScore}之间 / the score for ${c.key} must be between 0 and ${c.maxScore}` });
    }
  }
  for (const key of Object.keys(scores)) {
    if (!criteria.some((c) => c.key === key)) problems.push({ field: `scores.${key}`, message: '没有这项评审标准 / no such criterion in this call' });
  }
  return problems;
}

/** A sheet's score out of 100: each criterion's share of its maximum, times its weight; two decimals. */
export function weightedScore(criteria: readonly Criterion[], scores: Record<string, number>): number {
  const total = criteria.reduce((sum, c) => sum + (scores[c.key] / c.maxScore) * c.weight, 0);
  return Math.round(total * 100) / 100;
}

export interface Candidate {
  id: string;
  requestedFen: number;
  submittedAt: Date;
  /** the weighted score of each reviewer's sheet */
  sheetScores: readonly number[];
}

export interface Ranked {
  id: string;
  rank: number;
  /** mean of the sheets, two decimals */
  score: number;
  requestedFen: number;
}

/**
 * Highest mean score first. Ties go to the smaller request (more projects for the money), then
 * to the earlier submission. Proposals nobody has scored are not ranked.
 */
export function rankProposals(candidates: readonly Candidate[]): Ranked[] {
  return candidates
    .filter((c) => c.sheetScores.length > 0)
    .map((c) => ({ c, score: Math.round((c.sheetScores.reduce((a, b) => a + b, 0) / c.sheetScores.length) * 100) / 100 }))
    .sort((a, b) => b.score - a.score || a.c.requestedFen - b.c.requestedFen || a.c.submittedAt.getTime() - b.c.submittedAt.getTime() || a.c.id.localeCompare(b.c.id))
    .map(({ c, score }, i) => ({ id: c.id, rank: i + 1, score, requestedFen: c.requestedFen }));
}

export interface AwardDecision {
  awarded: Ranked[];
  notAwarded: Ranked[];
  awardedFen: number;
  leftFen: number;
}

/**
 * Award in rank order within the money: each proposal gets what it asked for if that still
 * fits; one that does not fit is passed over and the next one down is considered, so that the
 * money is not left idle for want of a smaller project lower down. Below `minScore` nothing is awarded.
 */
export function awardInRankOrder(ranking: readonly Ranked[], budgetFen: number, minScore = 0): AwardDecision {
  const awarded: Ranked[] = [];
  const notAwarded: Ranked[] = [];
  let left = budgetFen;
  for (const r of ranking) {
    if (r.score >= minScore && r.requestedFen <= left) {
      awarded.push(r);
      left -= r.requestedFen;
    } else notAwarded.push(r);
  }
  return { awarded, notAwarded, awardedFen: budgetFen - left, leftFen: left };
}

export interface MilestonePlan {
  name: string;
  amountFen: number;
  /** YYYY-MM-DD */
  dueOn: string;
}

/** A project's money comes in 1..6 milestones, in date order, adding up to what is asked for. */
export function milestoneProblems(milestones: readonly MilestonePlan[], requestedFen: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const total = milestones.reduce((sum, m) => sum + m.amountFen, 0);
  if (total !== requestedFen) problems.push({ field: 'milestones', message: `各期金额合计${total}分，须等于申请金额${requestedFen}分 / the milestones add up to ${total} fen, not the ${requestedFen} fen requested` });
  milestones.forEach((m, i) => {
    if (i > 0 && m.dueOn < milestones[i - 1].dueOn) problems.push({ field: `milestones[${i}].dueOn`, message: '各期须按日期先后排列 / milestones must be in date order' });
  });
  return problems;
}

export const FINAL_RATINGS = ['excellent', 'good', 'pass', 'fail'] as const;
export type FinalRating = (typeof FINAL_RATINGS)[number];
