import { isValidCreditCode, maskMobile, maskNationalId, parseCreditCode, parseMobile, parseNationalId, syntheticCreditCode, syntheticNationalId } from './index';

describe('resident ID (GB 11643)', () => {
  it('accepts the standard’s worked example and derives birth date and gender', () => {
    expect(parseNationalId('11010519491231002X')).toEqual({
      ok: true,
      value: { number: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', gender: 'female' },
    });
  });

  it('accepts a lower-case x and normalises it', () => {
    const parsed = parseNationalId('11010519491231002x');
    expect(parsed.ok && parsed.value.number).toBe('11010519491231002X');
  });

  it.each([
    ['11010519491231002', 'format'],
    ['1101051949123100A2', 'format'],
    ['99010519491231002X', 'region'],
    ['110105202302290023', 'birth-date'], // 2023 is not a leap year
    ['110105189912310021', 'birth-date'], // before 1900
    ['110105194912310021', 'check-digit'],
  ])('%s is refused for %s', (raw, reason) => {
    expect(parseNationalId(raw)).toEqual({ ok: false, reason });
  });

  it('accepts a leap day and refuses a birth date in the future', () => {
    const leap = '11010520000229' + '002';
    expect(parseNationalId(leap + checkOf(leap)).ok).toBe(true);
    const future = '11010520991231' + '001';
    expect(parseNationalId(future + checkOf(future))).toEqual({ ok: false, reason: 'birth-date' });
  });

  it('derives male from an odd 17th digit', () => {
    const id = syntheticNationalId(12345);
    const parsed = parseNationalId(id);
    expect(parsed.ok && parsed.value.gender).toBe(Number(id[16]) % 2 === 1 ? 'male' : 'female');
  });

  it('masks all but the first and last four characters', () => {
    expect(maskNationalId('11010519491231002X')).toBe('1101**********002X');
  });

  it('generates distinct valid IDs', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const id = syntheticNationalId(i * 997);
      expect(parseNationalId(id).ok).toBe(true);
      ids.add(id);
    }
    expect(ids.size).toBe(10_000);
    expect(() => syntheticNationalId(10_000_000)).toThrow(RangeError);
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('accepts a valid code and refuses a one-character change', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(parseCreditCode('91350100M000100Y44')).toEqual({ ok: false, reason: 'check-character' });
    expect(parseCreditCode('91350100M000100I43')).toEqual({ ok: false, reason: 'format' }); // I is not in the charset
    expect(isValidCreditCode(syntheticCreditCode(42))).toBe(true);
  });
});

describe('mainland mobile numbers', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['8613800138000', '13800138000'],
  ])('%s is %s', (raw, value) => expect(parseMobile(raw)).toEqual({ ok: true, value }));

  it.each(['1380013800', '23800138000', '12800138000', '138001380001'])('%s is refused', (raw) => expect(parseMobile(raw).ok).toBe(false));

  it('masks the middle four digits', () => expect(maskMobile('13800138000')).toBe('138****8000'));
});

function checkOf(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return '10X98765432'[sum % 11];
}
