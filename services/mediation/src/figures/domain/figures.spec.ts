import { medianOfHistogram, periodProblem, settlementRate } from './figures';

describe('mediation figures', () => {
  it('rates settlement over the cases that reached an outcome', () => {
    expect(settlementRate({ settled: 3, closed: 5, referred: 2 })).toBe(0.8);
    expect(settlementRate({ settled: 5876, closed: 0, referred: 683 })).toBe(0.896);
    expect(settlementRate({ settled: 0, closed: 0, referred: 0 })).toBeNull();
  });

  it('takes a period of up to 400 days, in order', () => {
    expect(periodProblem('2026-01-01', '2026-12-31')).toBeNull();
    expect(periodProblem('2026-12-31', '2026-01-01')).toContain('from');
    expect(periodProblem('2025-01-01', '2026-12-31')).toContain('400');
    expect(periodProblem('2026-02-30', '2026-12-31')).toContain('real dates');
  });

  it('takes the median of a histogram as percentile_cont(0.5) does over the values one by one', () => {
    expect(medianOfHistogram([])).toBeNull();
    expect(medianOfHistogram([{ value: 4, count: 0 }])).toBeNull();
    expect(medianOfHistogram([{ value: 9, count: 1 }])).toBe(9);
    // 1, 2, 2, 7: halfway between the middle two
    expect(medianOfHistogram([{ value: 7, count: 1 }, { value: 2, count: 2 }, { value: 1, count: 1 }])).toBe(2);
    // 0, 3: 1.5
    expect(medianOfHistogram([{ value: 3, count: 1 }, { value: 0, count: 1 }])).toBe(1.5);
    // 14 × 0 and 15 × 10 over the period's days: the 15th of 29 values
    expect(medianOfHistogram([{ value: 0, count: 10 }, { value: 10, count: 9 }, { value: 0, count: 4 }, { value: 10, count: 6 }])).toBe(10);
    expect(medianOfHistogram([{ value: -2, count: 2 }, { value: 5, count: 2 }])).toBe(1.5);
  });
});
