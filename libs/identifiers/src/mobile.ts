/** Mainland China mobile numbers: 11 digits, 1 then 3–9; an optional +86/86 prefix, spaces and hyphens are accepted. */
export function parseMobile(raw: string): { ok: true; value: string } | { ok: false } {
  let digits = raw.replace(/[\s-]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return /^1[3-9]\d{9}$/.test(digits) ? { ok: true, value: digits } : { ok: false };
}

export function isValidMobile(raw: string): boolean {
  return parseMobile(raw).ok;
}

/** `138****8000` */
export function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}
