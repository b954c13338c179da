/**
 * A member's bank account for aid payments (发放账户), as pure rules. The account holder's name
 * and number are personal data: sealed at rest, shown masked, shown in full only through a
 * logged view with a reason (or to the bank export file).
 */

export interface BankAccountFacts {
  bankName: string;
  accountName: string;
  accountNumber: string;
}

export interface BankAccountFieldError {
  field: 'bankName' | 'accountName' | 'accountNumber';
  message: string;
}

export const MAX_BANK_NAME_LENGTH = 100;
export const MAX_ACCOUNT_NAME_LENGTH = 100;
/** Chinese debit cards have 16 to 19 digits; passbook and older accounts are shorter, a few banks' longer. */
export const MIN_ACCOUNT_DIGITS = 8;
export const MAX_ACCOUNT_DIGITS = 30;

/** The number as the bank takes it: digits only, the spaces and hyphens people type for readability removed. */
export function normaliseAccountNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/**
 * `6222 **** **** 1234`: the first four digits (the bank) and the last four (what a member
 * recognises), always with the same number of stars so that the mask does not reveal the length.
 */
export function maskAccountNumber(accountNumber: string): string {
  const digits = normaliseAccountNumber(accountNumber);
  if (digits.length < MIN_ACCOUNT_DIGITS) return '**** **** **** ****';
  return `${digits.slice(0, 4)} **** **** ${digits.slice(-4)}`;
}

/** Control characters other than none at all: a name or a bank is one line of text. */
function hasControlCharacter(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(text);
}

/** What must hold before an account is stored; the facts come back normalised (trimmed, number as digits). */
export function checkBankAccount(input: BankAccountFacts): { ok: true; account: BankAccountFacts } | { ok: false; errors: BankAccountFieldError[] } {
  const errors: BankAccountFieldError[] = [];
  const bankName = typeof input.bankName === 'string' ? input.bankName.trim() : '';
  const accountName = typeof input.accountName === 'string' ? input.accountName.trim() : '';
  const accountNumber = typeof input.accountNumber === 'string' ? normaliseAccountNumber(input.accountNumber) : '';
  if (bankName === '' || bankName.length > MAX_BANK_NAME_LENGTH || hasControlCharacter(bankName)) {
    errors.push({ field: 'bankName', message: `开户银行须为不超过 ${MAX_BANK_NAME_LENGTH} 字的文本 / bankName must be text of 1 to ${MAX_BANK_NAME_LENGTH} characters` });
  }
  if (accountName === '' || accountName.length > MAX_ACCOUNT_NAME_LENGTH || hasControlCharacter(accountName)) {
    errors.push({ field: 'accountName', message: `户名须为不超过 ${MAX_ACCOUNT_NAME_LENGTH} 字的文本 / accountName must be text of 1 to ${MAX_ACCOUNT_NAME_LENGTH} characters` });
  }
  if (!/^\d+$/.test(accountNumber) || accountNumber.length < MIN_ACCOUNT_DIGITS || accountNumber.length > MAX_ACCOUNT_DIGITS) {
    errors.push({
      field: 'accountNumber',
      message: `银行账号须为 ${MIN_ACCOUNT_DIGITS} 至 ${MAX_ACCOUNT_DIGITS} 位数字 / accountNumber must be ${MIN_ACCOUNT_DIGITS} to ${MAX_ACCOUNT_DIGITS} digits`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, account: { bankName, accountName, accountNumber } };
}
