/**
 * The 18-character unified social credit code of an organisation (统一社会信用代码,
 * GB 32100-2015): characters from 0-9 and 21 capital letters (no I, O, Z, S, V), the last one
 * a check character modulo 31.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'format' | 'check-character';

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31];
}

export function parseCreditCode(raw: string): { ok: true; value: string } | { ok: false; reason: CreditCodeProblem } {
  const code = raw.trim().toUpperCase();
  if (!/^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/.test(code)) return { ok: false, reason: 'format' };
  if (creditCodeCheckCharacter(code) !== code[17]) return { ok: false, reason: 'check-character' };
  return { ok: true, value: code };
}

export function isValidCreditCode(raw: string): boolean {
  return parseCreditCode(raw).ok;
}

/** A valid, deterministic credit code of an enterprise (91 + region + sequence) for tests. */
export function syntheticCreditCode(seq: number): string {
  const body = `91500112${String(seq).padStart(9, '0').slice(-9)}`;
  return body + creditCodeCheckCharacter(body);
}
