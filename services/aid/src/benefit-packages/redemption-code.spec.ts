import { codeHash, newRedemptionCode, normaliseCode } from './redemption-code';

describe('redemption codes', () => {
  it('are 12 unambiguous characters in three groups, and differ each time', () => {
    const codes = Array.from({ length: 200 }, newRedemptionCode);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('are matched whatever the case, spaces and hyphens the counter typed, and stored only as a hash', () => {
    expect(normaliseCode(' k7q2 m9xd-4tpa ')).toBe('K7Q2M9XD4TPA');
    expect(codeHash('k7q2 m9xd 4tpa')).toBe(codeHash('K7Q2-M9XD-4TPA'));
    expect(codeHash('K7Q2-M9XD-4TPA')).toMatch(/^[0-9a-f]{64}$/);
    expect(codeHash('K7Q2-M9XD-4TPB')).not.toBe(codeHash('K7Q2-M9XD-4TPA'));
  });
});
