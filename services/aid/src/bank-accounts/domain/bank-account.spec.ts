import { checkBankAccount, maskAccountNumber, normaliseAccountNumber } from './bank-account';

describe('bank account rules', () => {
  it('masks to the first and last four digits with a fixed number of stars', () => {
    expect(maskAccountNumber('6222021234567891234')).toBe('6222 **** **** 1234');
    expect(maskAccountNumber('6222 0212 3456 7890')).toBe('6222 **** **** 7890');
    // the length of the number is not revealed
    expect(maskAccountNumber('62220212345678')).toBe('6222 **** **** 5678');
    expect(maskAccountNumber('123')).toBe('**** **** **** ****');
  });

  it('normalises the spaces and hyphens people type', () => {
    expect(normaliseAccountNumber(' 6222-0212 3456 7890 ')).toBe('6222021234567890');
  });

  it('accepts a complete account and returns it normalised', () => {
    expect(checkBankAccount({ bankName: ' 中国工商银行重庆渝北支行 ', accountName: '李秀英', accountNumber: '6222 0212 3456 7890 123' })).toEqual({
      ok: true,
      account: { bankName: '中国工商银行重庆渝北支行', accountName: '李秀英', accountNumber: '6222021234567890123' },
    });
  });

  it('names every field that is wrong', () => {
    const outcome = checkBankAccount({ bankName: '  ', accountName: '李\u0000秀英', accountNumber: '6222abc' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => e.field)).toEqual(['bankName', 'accountName', 'accountNumber']);
  });

  it('refuses numbers too short or too long', () => {
    for (const accountNumber of ['1234567', '1'.repeat(31)]) {
      const outcome = checkBankAccount({ bankName: '中国银行', accountName: '王芳', accountNumber });
      expect(outcome.ok).toBe(false);
    }
    expect(checkBankAccount({ bankName: '中国银行', accountName: '王芳', accountNumber: '12345678' }).ok).toBe(true);
  });
});
