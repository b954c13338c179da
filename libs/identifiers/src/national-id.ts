/**
 * The 18-character resident identity number (居民身份证号码, GB 11643-1999):
 * 6-digit address code, 8-digit birth date, 3-digit sequence (odd = male), check character
 * computed with ISO 7064 MOD 11-2.
 */
export interface NationalId {
  /** Normalised: upper-case X. */
  number: string;
  regionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: 'male' | 'female';
}

export type NationalIdProblem = 'format' | 'region' | 'birth-date' | 'check-digit';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** Province-level codes (GB/T 2260), the first two digits of the address code. */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

export function nationalIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function parseNationalId(raw: string, today: Date = new Date()): { ok: true; value: NationalId } | { ok: false; reason: NationalIdProblem } {
  const number = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(number)) return { ok: false, reason: 'format' };
  if (!PROVINCE_CODES.has(number.slice(0, 2))) return { ok: false, reason: 'region' };
  const year = Number(number.slice(6, 10));
  const month = Number(number.slice(10, 12));
  const day = Number(number.slice(12, 14));
  const birth = Date.UTC(year, month - 1, day);
  if (year < 1900 || !isRealDate(year, month, day) || birth > today.getTime()) return { ok: false, reason: 'birth-date' };
  if (nationalIdCheckCharacter(number) !== number[17]) return { ok: false, reason: 'check-digit' };
  return {
    ok: true,
    value: {
      number,
      regionCode: number.slice(0, 6),
      birthDate: `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`,
      gender: Number(number[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

export function isValidNationalId(raw: string): boolean {
  return parseNationalId(raw).ok;
}

const PROBLEM_TEXT: Record<NationalIdProblem, { 'zh-CN': string; en: string }> = {
  format: { 'zh-CN': '身份证号须为18位：17位数字加1位数字或X', en: 'resident ID must be 18 characters: 17 digits then a digit or X' },
  region: { 'zh-CN': '身份证号地址码无效', en: 'resident ID has an invalid region code' },
  'birth-date': { 'zh-CN': '身份证号中的出生日期无效', en: 'resident ID contains an impossible birth date' },
  'check-digit': { 'zh-CN': '身份证号校验位错误', en: 'resident ID check digit is wrong' },
};

export function describeNationalIdProblem(reason: NationalIdProblem, language: 'zh-CN' | 'en'): string {
  return PROBLEM_TEXT[reason][language];
}

/** `2101**********123X`: the first four and last four characters, ten stars between. */
export function maskNationalId(number: string): string {
  return `${number.slice(0, 4)}**********${number.slice(-4)}`;
}

/** Real address codes the synthetic generator draws from. */
const SYNTHETIC_REGIONS = ['110105', '310104', '440305', '500112', '500105', '210211', '140105', '421302', '460108', '330106'];

/**
 * A valid, deterministic resident ID for tests and benchmarks: distinct `seq` values in
 * 0..9,999,999 give distinct numbers (region × birth day × sequence code).
 */
export function syntheticNationalId(seq: number): string {
  if (!Number.isInteger(seq) || seq < 0 || seq >= 10_000_000) throw new RangeError('seq must be an integer in 0..9,999,999');
  const region = SYNTHETIC_REGIONS[seq % SYNTHETIC_REGIONS.length];
  const rest = Math.floor(seq / SYNTHETIC_REGIONS.length); // 0..999,999
  const dayIndex = rest % 10_000; // ~27 years of birth days from 1970
  const sequenceCode = Math.floor(rest / 10_000); // 0..99
  const birth = new Date(Date.UTC(1970, 0, 1) + dayIndex * 86_400_000);
  const yyyymmdd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `${region}${yyyymmdd}${String(sequenceCode).padStart(3, '0')}`;
  return first17 + nationalIdCheckCharacter(first17);
}
