import { awardInRankOrder, criteriaProblems, milestoneProblems, rankProposals, scoreSheetProblems, weightedScore } from './grants';

const criteria = [
  { key: 'need', name: '需求迫切性', weight: 40, maxScore: 10 },
  { key: 'design', name: '项目设计', weight: 35, maxScore: 10 },
  { key: 'capacity', name: '执行能力', weight: 25, maxScore: 5 },
];

describe('grants to social organisations (公益伙伴)', () => {
  it('wants criteria whose weights add up to 100, with distinct keys', () => {
    expect(criteriaProblems(criteria)).toEqual([]);
    expect(criteriaProblems([...criteria.slice(0, 2)]).map((p) => p.field)).toEqual(['criteria']);
    expect(criteriaProblems([{ ...criteria[0], weight: 50 }, { ...criteria[0], weight: 50 }]).map((p) => p.field)).toEqual(['criteria[1].key']);
  });

  it('refuses a score outside its criterion’s range, a missing one and an unknown one', () => {
    expect(scoreSheetProblems(criteria, { need: 10, design: 0, capacity: 5 })).toEqual([]);
    expect(scoreSheetProblems(criteria, { need: 11, design: -1, capacity: 5 }).map((p) => p.field)).toEqual(['scores.need', 'scores.design']);
    expect(scoreSheetProblems(criteria, { need: 8, capacity: 5, impact: 3 }).map((p) => p.field)).toEqual(['scores.design', 'scores.impact']);
  });

  it('weighs each criterion by its share of its maximum', () => {
    expect(weightedScore(criteria, { need: 10, design: 10, capacity: 5 })).toBe(100);
    expect(weightedScore(criteria, { need: 5, design: 8, capacity: 3 })).toBe(20 + 28 + 15);
  });

  it('ranks by mean score, a tie going to the smaller request, then the earlier submission; unscored proposals are not ranked', () => {
    const at = (m: number) => new Date(Date.UTC(2026, 10, 1, 0, m));
    const ranking = rankProposals([
      { id: 'a', requestedFen: 300, submittedAt: at(1), sheetScores: [80, 70] },
      { id: 'b', requestedFen: 200, submittedAt: at(2), sheetScores: [75] },
      { id: 'c', requestedFen: 100, submittedAt: at(3), sheetScores: [90, 92] },
      { id: 'd', requestedFen: 200, submittedAt: at(0), sheetScores: [75] },
      { id: 'e', requestedFen: 100, submittedAt: at(4), sheetScores: [] },
    ]);
    expect(ranking.map((r) => [r.id, r.rank, r.score])).toEqual([['c', 1, 91], ['d', 2, 75], ['b', 3, 75], ['a', 4, 75]]);
  });

  it('awards in rank order within the budget, passing over one that no longer fits for a smaller one below', () => {
    const ranking = [
      { id: 'a', rank: 1, score: 90, requestedFen: 500 },
      { id: 'b', rank: 2, score: 80, requestedFen: 400 },
      { id: 'c', rank: 3, score: 70, requestedFen: 300 },
      { id: 'd', rank: 4, score: 40, requestedFen: 100 },
    ];
    const decision = awardInRankOrder(ranking, 1000);
    expect(decision.awarded.map((r) => r.id)).toEqual(['a', 'b', 'd']);
    expect(decision.notAwarded.map((r) => r.id)).toEqual(['c']);
    expect(decision).toMatchObject({ awardedFen: 1000, leftFen: 0 });
    expect(awardInRankOrder(ranking, 1000, 60).awarded.map((r) => r.id)).toEqual(['a', 'b']);
    expect(awardInRankOrder(ranking, 0).awarded).toEqual([]);
  });

  it('wants milestones in date order that add up to the request', () => {
    expect(milestoneProblems([{ name: '首期', amountFen: 60, dueOn: '2027-01-01' }, { name: '尾款', amountFen: 40, dueOn: '2027-06-30' }], 100)).toEqual([]);
    expect(milestoneProblems([{ name: '首期', amountFen: 60, dueOn: '2027-01-01' }], 100).map((p) => p.field)).toEqual(['milestones']);
    expect(milestoneProblems([{ name: '首期', amountFen: 50, dueOn: '2027-06-01' }, { name: '尾款', amountFen: 50, dueOn: '2027-01-01' }], 100).map((p) => p.field)).toEqual(['milestones[1].dueOn']);
  });
});
