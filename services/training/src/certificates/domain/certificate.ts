/**
 * Certificates (结业证书) as pure rules: the verification code, the holder's name as the public
 * sees it, the expiry, validity and the 30-day notice before expiry. Dates are China calendar
 * dates (YYYY-MM-DD).
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `GH` and 10 Crockford base-32 characters from 10 random bytes: unambiguous to read out, 50 bits of guesswork. */
export function verificationCode(random: Uint8Array): string {
  if (random.length < 10) throw new RangeError('need 10 random bytes');
  return `GH${Array.from(random.slice(0, 10), (b) => CROCKFORD[b & 31]).join('')}`;
}

export const VERIFICATION_CODE = /^GH[0-9A-HJKMNP-TV-Z]{10}$/;

/** 张三 → 张*, 欧阳娜娜 → 欧***: the family name's first character only, never the length hidden wrongly to none. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '*';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** The date `months` after `date`, clamped to the month's end (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export interface CertificateDates {
  issuedOn: string;
  expiresOn: string | null;
}

/** Valid from its issue date through its expiry date inclusive; without an expiry, for good. */
export function isValidOn(certificate: CertificateDates, today: string): boolean {
  return certificate.issuedOn <= today && (certificate.expiresOn === null || today <= certificate.expiresOn);
}

export const EXPIRY_NOTICE_DAYS = 30;

/** Listed as expiring from 30 days before its expiry to the day itself. */
export function expiringSoon(certificate: CertificateDates, today: string, noticeDays = EXPIRY_NOTICE_DAYS): boolean {
  if (certificate.expiresOn === null || certificate.expiresOn < today) return false;
  return certificate.expiresOn <= addDays(today, noticeDays);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
