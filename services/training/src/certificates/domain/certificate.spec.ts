import { addDays, addMonths, expiringSoon, isValidOn, maskName, VERIFICATION_CODE, verificationCode } from './certificate';

describe('a certificate', () => {
  it('has a verification code of GH and ten unambiguous characters', () => {
    const code = verificationCode(Uint8Array.from([0, 1, 2, 3, 31, 32, 200, 255, 17, 9]));
    expect(code).toBe('GH0123Z08ZH9');
    expect(code).toMatch(VERIFICATION_CODE);
    expect('GH0123Z08ZHI').not.toMatch(VERIFICATION_CODE);
  });

  it('shows the holder masked: the first character only', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('李*');
  });

  it('expires months after issue, at the end of a shorter month', () => {
    expect(addMonths('2026-11-26', 36)).toBe('2029-11-26');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('is valid through its expiry date, and forever without one', () => {
    const c = { issuedOn: '2026-01-10', expiresOn: '2027-01-10' };
    expect(isValidOn(c, '2027-01-10')).toBe(true);
    expect(isValidOn(c, '2027-01-11')).toBe(false);
    expect(isValidOn({ issuedOn: '2026-01-10', expiresOn: null }, '2099-01-01')).toBe(true);
  });

  it('is listed as expiring within 30 days of its expiry, not after it', () => {
    const c = { issuedOn: '2026-01-10', expiresOn: '2026-12-26' };
    expect(expiringSoon(c, '2026-11-26')).toBe(true);
    expect(expiringSoon(c, '2026-11-25')).toBe(false);
    expect(expiringSoon(c, '2026-12-27')).toBe(false);
    expect(expiringSoon({ issuedOn: '2026-01-10', expiresOn: null }, '2026-11-26')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
