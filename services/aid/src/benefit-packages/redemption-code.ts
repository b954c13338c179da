import { createHash, randomInt } from 'node:crypto';

/** Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or typed is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12; // 60 random bits

/** A fresh, unguessable redemption code, grouped for reading: `K7Q2-M9XD-4TPA`. */
export function newRedemptionCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** The code as typed at the counter, without spaces, hyphens or case. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** What is stored and looked up: the code itself is never kept. */
export function codeHash(code: string): string {
  return createHash('sha256').update(normaliseCode(code)).digest('hex');
}
