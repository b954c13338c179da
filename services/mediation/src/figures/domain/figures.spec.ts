import { periodProblem, settlementRate } from './figures';

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
});
