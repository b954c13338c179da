import { normaliseObligations, totalAmountFen } from './agreement';

describe('mediation agreement', () => {
  it('sums the payment obligations in fen, ignoring obligations without money', () => {
    const obligations = normaliseObligations([
      { description: '支付生育津贴', amountFen: 2_500_000, dueDate: '2026-12-31' },
      { description: '书面道歉' },
      { description: '补发加班费', amountFen: 123_45 },
    ]);
    expect(totalAmountFen(obligations)).toBe(2_512_345);
    expect(obligations[1]).toEqual({ description: '书面道歉', amountFen: null, dueDate: null });
  });
});
