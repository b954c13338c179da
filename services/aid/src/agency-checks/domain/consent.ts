/**
 * Agency checks with consent (跨部门数据核验), as pure rules. A worker (or a member of their
 * household) signs a consent (核对授权委托书) naming which checks aid may ask other agencies
 * for, and until when. No check runs outside a consent that is in force and covers it.
 */

/** What aid may ask other agencies to confirm. */
export const CHECK_KINDS = ['household-registration', 'minimum-living', 'medical-insurance', 'property', 'vehicle'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** The agency that answers each kind of check, and the environment variable holding its base URL. */
export const AGENCIES = {
  'household-registration': { agency: 'public-security', env: 'AID_AGENCY_PUBLIC_SECURITY_URL', name: '公安户籍 / public security (household registration)' },
  'minimum-living': { agency: 'civil-affairs', env: 'AID_AGENCY_CIVIL_AFFAIRS_URL', name: '民政 / civil affairs (minimum-living allowance)' },
  'medical-insurance': { agency: 'medical-security', env: 'AID_AGENCY_MEDICAL_SECURITY_URL', name: '医保 / medical security (insurance settlements)' },
  property: { agency: 'real-estate-registry', env: 'AID_AGENCY_REAL_ESTATE_URL', name: '不动产登记 / real-estate registry' },
  vehicle: { agency: 'vehicle-administration', env: 'AID_AGENCY_VEHICLE_URL', name: '车管 / vehicle administration' },
} as const satisfies Record<CheckKind, { agency: string; env: string; name: string }>;

export const CONSENT_RELATIONS = ['self', 'spouse', 'parent', 'child', 'other-household-member'] as const;
export type ConsentRelation = (typeof CONSENT_RELATIONS)[number];

/** A consent is signed for at most a year (the review cycle of a file). */
export const MAX_CONSENT_DAYS = 366;

export interface ConsentTerms {
  /** YYYY-MM-DD */
  signedOn: string;
  /** YYYY-MM-DD, the last day it is in force */
  expiresOn: string;
  scope: readonly CheckKind[];
}

export interface FieldProblem {
  field: string;
  message: string;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** What is wrong with the terms of a consent being recorded on `today` (YYYY-MM-DD, China); empty when nothing. */
export function consentTermsProblems(terms: ConsentTerms, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (terms.signedOn > today) problems.push({ field: 'signedOn', message: '签署日期不能晚于今天 / signedOn cannot be in the future' });
  if (terms.expiresOn < terms.signedOn) problems.push({ field: 'expiresOn', message: '有效期须晚于签署日期 / expiresOn must not be before signedOn' });
  else if (daysBetween(terms.signedOn, terms.expiresOn) > MAX_CONSENT_DAYS) {
    problems.push({ field: 'expiresOn', message: `授权有效期最长${MAX_CONSENT_DAYS}天 / a consent lasts at most ${MAX_CONSENT_DAYS} days` });
  } else if (terms.expiresOn < today) problems.push({ field: 'expiresOn', message: '该授权已过期 / the consent has already expired' });
  if (terms.scope.length === 0) problems.push({ field: 'scope', message: '须至少授权一项核验 / the consent must cover at least one check' });
  if (new Set(terms.scope).size !== terms.scope.length) problems.push({ field: 'scope', message: '核验项目重复 / a check is listed twice' });
  return problems;
}

export interface ConsentState extends ConsentTerms {
  revoked: boolean;
}

export type ConsentDecision =
  | { ok: true }
  | { ok: false; reason: 'revoked' }
  | { ok: false; reason: 'not-yet-in-force' }
  | { ok: false; reason: 'expired'; expiresOn: string }
  | { ok: false; reason: 'out-of-scope'; kinds: CheckKind[] };

/** Whether the consent lets aid run these checks on `today` (YYYY-MM-DD, China). */
export function consentAllows(consent: ConsentState, kinds: readonly CheckKind[], today: string): ConsentDecision {
  if (consent.revoked) return { ok: false, reason: 'revoked' };
  if (today < consent.signedOn) return { ok: false, reason: 'not-yet-in-force' };
  if (today > consent.expiresOn) return { ok: false, reason: 'expired', expiresOn: consent.expiresOn };
  const outside = kinds.filter((k) => !consent.scope.includes(k));
  if (outside.length > 0) return { ok: false, reason: 'out-of-scope', kinds: outside };
  return { ok: true };
}

export type CheckStatus = 'pending' | 'completed' | 'failed';

/**
 * A failed check may be tried again; so may one left pending longer than the agency's timeout
 * (the process that asked died mid-call). A check answered is final.
 */
export function mayRetry(check: { status: CheckStatus; lastAttemptAt: Date }, now: Date, timeoutMs: number): boolean {
  if (check.status === 'failed') return true;
  return check.status === 'pending' && now.getTime() - check.lastAttemptAt.getTime() > timeoutMs;
}
