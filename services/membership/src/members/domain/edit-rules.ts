import type { EditableMemberField } from '@gonghui/contracts';
import { maskMobile, parseMobile } from '@gonghui/identifiers';

/**
 * What an officer may change of a member after enrolment (会员信息维护), without I/O: mobile,
 * employer (name and credit code), industry, skill level and honours. Name, resident ID, gender
 * and birth date come from the resident ID and never change; the unit changes by transfer.
 */
export type SkillLevel = 'novice' | 'skilled' | 'master';
export type Honour = 'model-worker' | 'craftsman' | 'labour-medal';
export const HONOUR_ORDER: readonly Honour[] = ['model-worker', 'craftsman', 'labour-medal'];

export interface MemberDetails {
  mobile: string;
  employerName: string | null;
  employerCreditCode: string | null;
  industry: string | null;
  skillLevel: SkillLevel;
  honours: Honour[];
}

/** The fields a request gives; each absent field stays as it is. */
export type MemberEdit = Partial<{ [K in keyof MemberDetails]: NonNullable<MemberDetails[K]> }>;

export interface EditRefusal {
  refused: true;
  status: 400 | 422;
  slug: string;
  detail: string;
  field?: EditableMemberField;
}

export interface EditOutcome {
  refused?: false;
  /** Only the fields whose value differs from the member's; empty when the edit changes nothing. */
  changes: MemberEdit;
  changedFields: EditableMemberField[];
  /** The new mobile masked, when it changed. */
  maskedMobile?: string;
}

const refuse = (status: 400 | 422, slug: string, detail: string, field?: EditableMemberField): EditRefusal => ({ refused: true, status, slug, detail, ...(field && { field }) });

/** Honours as a set in their canonical order: the same honours are the same value, however listed. */
export const canonicalHonours = (honours: readonly string[]): Honour[] => HONOUR_ORDER.filter((h) => honours.includes(h));

/**
 * Apply an edit to a member: refused for a member who left (their record is archived) and for a
 * mobile that is not a mainland number; otherwise the fields that really change. Repeating an
 * edit changes nothing the second time (no event, no history entry): idempotent in effect.
 */
export function editMember(member: { status: 'active' | 'left' }, current: MemberDetails, edit: MemberEdit): EditRefusal | EditOutcome {
  if (member.status !== 'active') return refuse(422, 'member-not-active', '已退会的会员不能修改信息 / The details of a member who left cannot be edited');
  const next: MemberEdit = {};
  if (edit.mobile !== undefined) {
    const mobile = parseMobile(edit.mobile);
    if (!mobile.ok) return refuse(400, 'invalid-mobile', '手机号须为11位中国大陆手机号 / mobile must be an 11-digit mainland China mobile number', 'mobile');
    next.mobile = mobile.value;
  }
  if (edit.employerName !== undefined) next.employerName = edit.employerName.trim();
  if (edit.employerCreditCode !== undefined) next.employerCreditCode = edit.employerCreditCode.trim().toUpperCase();
  if (edit.industry !== undefined) next.industry = edit.industry.trim();
  for (const field of ['employerName', 'employerCreditCode', 'industry'] as const) {
    if (next[field] === '') return refuse(400, 'blank-field', `${field} 不能为空白 / ${field} must not be blank`, field);
  }
  if (edit.skillLevel !== undefined) next.skillLevel = edit.skillLevel;
  if (edit.honours !== undefined) next.honours = canonicalHonours(edit.honours);

  const changes: MemberEdit = {};
  const changedFields: EditableMemberField[] = [];
  for (const field of ['mobile', 'employerName', 'employerCreditCode', 'industry', 'skillLevel', 'honours'] as const) {
    const value = next[field];
    if (value === undefined) continue;
    const same = field === 'honours' ? canonicalHonours(current.honours).join() === (value as Honour[]).join() : current[field] === value;
    if (same) continue;
    (changes as Record<string, unknown>)[field] = value;
    changedFields.push(field);
  }
  return { changes, changedFields, ...(changes.mobile !== undefined && { maskedMobile: maskMobile(changes.mobile) }) };
}

export const isEditRefusal = (outcome: EditRefusal | EditOutcome): outcome is EditRefusal => outcome.refused === true;
