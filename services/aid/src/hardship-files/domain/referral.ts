import type { ReferralEmploymentForm } from '@gonghui/contracts';

/**
 * An employment referral (就业援助转介) from a hardship file, as pure rules: the member can and
 * will work (能就业且愿就业), with skills, a preferred district and an employment form. Only an
 * open file refers, and a file has at most one referral awaiting a job.
 */
export interface ReferralInput {
  ableAndWilling: boolean;
  skills: string[];
  preferredDistrict?: string | null;
  employmentForm?: ReferralEmploymentForm | null;
}

export const MAX_SKILLS = 20;
export const MAX_SKILL_LENGTH = 50;
export const MAX_DISTRICT_LENGTH = 50;

export type ReferralCheck =
  | { ok: true; skills: string[]; preferredDistrict: string | null; employmentForm: ReferralEmploymentForm | null }
  | { ok: false; refusal: { reason: 'file-closed' } | { reason: 'invalid'; errors: { field: string; message: string }[] } };

export function checkReferral(fileStatus: 'open' | 'closed', input: ReferralInput): ReferralCheck {
  if (fileStatus !== 'open') return { ok: false, refusal: { reason: 'file-closed' } };
  const errors: { field: string; message: string }[] = [];
  if (input.ableAndWilling !== true) {
    errors.push({ field: 'ableAndWilling', message: '仅能就业且愿就业者可转介 / only a member able and willing to work can be referred' });
  }
  // skills trimmed and de-duplicated, in the order given
  const skills = [...new Set((input.skills ?? []).map((s) => (typeof s === 'string' ? s.trim() : '')))];
  if (skills.length === 0 || skills.includes('')) errors.push({ field: 'skills', message: '须列出技能，且不能为空 / list at least one skill, none blank' });
  else if (skills.length > MAX_SKILLS || skills.some((s) => s.length > MAX_SKILL_LENGTH)) {
    errors.push({ field: 'skills', message: `最多 ${MAX_SKILLS} 项技能，每项不超过 ${MAX_SKILL_LENGTH} 字 / at most ${MAX_SKILLS} skills of ${MAX_SKILL_LENGTH} characters` });
  }
  const district = typeof input.preferredDistrict === 'string' && input.preferredDistrict.trim() !== '' ? input.preferredDistrict.trim() : null;
  if (district !== null && district.length > MAX_DISTRICT_LENGTH) {
    errors.push({ field: 'preferredDistrict', message: `意向区县不超过 ${MAX_DISTRICT_LENGTH} 字 / preferredDistrict: at most ${MAX_DISTRICT_LENGTH} characters` });
  }
  if (errors.length > 0) return { ok: false, refusal: { reason: 'invalid', errors } };
  return { ok: true, skills, preferredDistrict: district, employmentForm: input.employmentForm ?? null };
}
