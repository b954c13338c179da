import { checkCriteria, checkSheet, Criterion, rankEntrants, sheetTotal } from './ranking';

const criteria: Criterion[] = [
  { key: 'quality', name: '作品质量', weight: 60, minScore: 0, maxScore: 100 },
  { key: 'time', name: '用时', weight: 30, minScore: 0, maxScore: 10 },
  { key: 'safety', name: '安全规范', weight: 10, minScore: 0, maxScore: 5 },
];

describe('competition criteria and score sheets', () => {
  it('requires weights summing to 100, non-empty ranges and unique keys', () => {
    expect(checkCriteria(criteria)).toBeNull();
    expect(checkCriteria([{ ...criteria[0], weight: 50 }, criteria[1]])).toEqual({ reason: 'weights-not-100', total: 80 });
    expect(checkCriteria([{ ...criteria[0], weight: 100, maxScore: 0 }])).toEqual({ reason: 'range-empty', key: 'quality' });
    expect(checkCriteria([criteria[0], { ...criteria[0], weight: 40 }])).toEqual({ reason: 'duplicate-key', key: 'quality' });
  });

  it('refuses a score outside its criterion’s range, a missing criterion and an unknown one', () => {
    expect(checkSheet(criteria, { quality: 90, time: 8, safety: 5 })).toBeNull();
    expect(checkSheet(criteria, { quality: 101, time: 8, safety: 5 })).toEqual({ reason: 'out-of-range', key: 'quality', min: 0, max: 100 });
    expect(checkSheet(criteria, { quality: 90, time: -1, safety: 5 })).toEqual({ reason: 'out-of-range', key: 'time', min: 0, max: 10 });
    expect(checkSheet(criteria, { quality: 90, time: 8 })).toEqual({ reason: 'missing-criterion', key: 'safety' });
    expect(checkSheet(criteria, { quality: 90, time: 8, safety: 5, style: 3 })).toEqual({ reason: 'unknown-criterion', key: 'style' });
  });

  it('weights each criterion by its share of its own range', () => {
    expect(sheetTotal(criteria, { quality: 100, time: 10, safety: 5 })).toBeCloseTo(100);
    expect(sheetTotal(criteria, { quality: 50, time: 5, safety: 0 })).toBeCloseTo(45);
  });
});

describe('ranking with a declared tie-break', () => {
  // a and b both total 80, by different routes; c totals 90; d has no sheet.
  const entrants = [
    { entrantId: 'a', sheets: [{ quality: 100, time: 4, safety: 4 }] }, // 60 + 12 + 8 = 80
    { entrantId: 'b', sheets: [{ quality: 80, time: 8, safety: 4 }] }, // 48 + 24 + 8 = 80
    { entrantId: 'c', sheets: [{ quality: 90, time: 9, safety: 5 }, { quality: 90, time: 9, safety: 3 }] }, // 54+27+10=91, 54+27+6=87 → 89
    { entrantId: 'd', sheets: [] },
  ];

  it('ranks by mean weighted total and leaves out entrants without sheets', () => {
    const ranked = rankEntrants(criteria, 'shared', entrants);
    expect(ranked.map((r) => [r.entrantId, r.rank, r.total, r.sheets])).toEqual([
      ['c', 1, 89, 2],
      ['a', 2, 80, 1],
      ['b', 2, 80, 1],
    ]);
  });

  it('criteria-in-order: equal totals are decided by the first criterion, then the next', () => {
    const ranked = rankEntrants(criteria, 'criteria-in-order', [...entrants].reverse());
    expect(ranked.map((r) => [r.entrantId, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 3],
    ]);
    const second = rankEntrants(criteria, 'criteria-in-order', [
      { entrantId: 'x', sheets: [{ quality: 80, time: 6, safety: 5 }] }, // 48 + 18 + 10 = 76
      { entrantId: 'y', sheets: [{ quality: 80, time: 8, safety: 0 }] }, // 48 + 24 + 0 = 72
      { entrantId: 'z', sheets: [{ quality: 80, time: 6, safety: 5 }] }, // equal to x on every criterion
    ]);
    expect(second.map((r) => [r.entrantId, r.rank])).toEqual([
      ['x', 1],
      ['z', 1],
      ['y', 3],
    ]);
  });

  it('does not let floating-point noise break a tie', () => {
    const thirds: Criterion[] = [
      { key: 'p', name: 'p', weight: 100 / 3, minScore: 0, maxScore: 3 },
      { key: 'q', name: 'q', weight: 100 / 3, minScore: 0, maxScore: 3 },
      { key: 'r', name: 'r', weight: 100 / 3, minScore: 0, maxScore: 3 },
    ];
    const ranked = rankEntrants(thirds, 'shared', [
      { entrantId: 'm', sheets: [{ p: 1, q: 2, r: 0 }] },
      { entrantId: 'n', sheets: [{ p: 0, q: 1, r: 2 }] },
    ]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
  });
});
