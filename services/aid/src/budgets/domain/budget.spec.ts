import { applyEntry, canTake, covers, figuresFromTotals, figuresOf, isAmountFen, isBelow, NO_MONEY, unitIdOfPath } from './budget';

describe('budget arithmetic', () => {
  it('derives every figure from the ledger: allocation, sub-allocation, reservation, release, spend', () => {
    const figures = figuresOf([
      { kind: 'allocation', amountFen: 100_000 },
      { kind: 'sub-allocation', amountFen: 30_000 },
      { kind: 'reservation', amountFen: 20_000 },
      { kind: 'reservation', amountFen: 5_000 },
      { kind: 'release', amountFen: 5_000 },
      { kind: 'spend', amountFen: 12_000 },
    ]);
    expect(figures).toEqual({ allocatedFen: 100_000, allocatedToChildrenFen: 30_000, reservedFen: 8_000, spentFen: 12_000, availableFen: 50_000 });
  });

  it('gives the same figures from per-kind totals as from the entries one by one', () => {
    expect(figuresFromTotals({ allocation: 100_000, 'sub-allocation': 30_000, reservation: 25_000, release: 5_000, spend: 12_000 })).toEqual(
      figuresOf([
        { kind: 'allocation', amountFen: 100_000 },
        { kind: 'sub-allocation', amountFen: 30_000 },
        { kind: 'reservation', amountFen: 25_000 },
        { kind: 'release', amountFen: 5_000 },
        { kind: 'spend', amountFen: 12_000 },
      ]),
    );
    expect(figuresFromTotals({})).toEqual(NO_MONEY);
  });

  it('a spend moves money from reserved to spent and leaves available alone', () => {
    const reserved = applyEntry(applyEntry(NO_MONEY, 'allocation', 1_000), 'reservation', 400);
    const spent = applyEntry(reserved, 'spend', 400);
    expect(reserved.availableFen).toBe(600);
    expect(spent).toMatchObject({ reservedFen: 0, spentFen: 400, availableFen: 600 });
  });

  it('lets exactly the available amount be taken, and not one fen more', () => {
    expect(canTake({ availableFen: 1_000 }, 1_000)).toEqual({ ok: true });
    expect(canTake({ availableFen: 1_000 }, 1_001)).toEqual({ ok: false, refusal: { reason: 'insufficient', availableFen: 1_000, requestedFen: 1_001 } });
    expect(canTake({ availableFen: 0 }, 1)).toMatchObject({ ok: false });
  });

  it('refuses zero, negative, fractional and unsafe amounts', () => {
    for (const bad of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, NaN, Infinity]) {
      expect(isAmountFen(bad)).toBe(false);
      expect(canTake({ availableFen: 10 }, bad)).toEqual({ ok: false, refusal: { reason: 'not-an-amount' } });
    }
    expect(isAmountFen('100')).toBe(false);
  });

  it('reads the unit id off a path and judges child units strictly below', () => {
    const city = '/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/';
    const district = `${city}0123456789abcdef0123456789abcdef/`;
    expect(unitIdOfPath(district)).toBe('01234567-89ab-cdef-0123-456789abcdef');
    expect(unitIdOfPath('/not-a-path/')).toBeNull();
    expect(isBelow(city, district)).toBe(true);
    expect(isBelow(city, city)).toBe(false);
    expect(isBelow(district, city)).toBe(false);
    expect(covers(city, district)).toBe(true);
    expect(covers(city, city)).toBe(true);
    expect(covers(district, city)).toBe(false);
  });
});
