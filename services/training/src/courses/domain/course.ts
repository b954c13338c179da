/**
 * A course of the catalogue (课程超市), as pure rules: its category, its fee and whom it is for.
 * Fees are integer fen; a course is free for members or costs a fee.
 */
export const COURSE_CATEGORIES = ['skills', 'culture-sport', 'certification'] as const;
export type CourseCategory = (typeof COURSE_CATEGORIES)[number];
export const CATEGORY_LABELS: Record<CourseCategory, string> = { skills: '技能培训', 'culture-sport': '文体', certification: '考证' };

export interface NewCourse {
  category: CourseCategory;
  freeForMembers: boolean;
  feeFen: number;
  grantsSkillLevel: string | null;
  certificateValidMonths: number | null;
}

export type CourseRefusal = { field: 'feeFen'; reason: 'fee-required' | 'free-has-no-fee' } | { field: 'grantsSkillLevel'; reason: 'culture-sport-grants-no-level' };

/**
 * A course that is not free states its fee; a free one has none. Culture and sport courses
 * (choir, yoga) grant no skill level: only skills and certification courses do.
 */
export function courseRefusals(course: NewCourse): CourseRefusal[] {
  const refusals: CourseRefusal[] = [];
  if (!course.freeForMembers && course.feeFen <= 0) refusals.push({ field: 'feeFen', reason: 'fee-required' });
  if (course.freeForMembers && course.feeFen > 0) refusals.push({ field: 'feeFen', reason: 'free-has-no-fee' });
  if (course.category === 'culture-sport' && course.grantsSkillLevel) refusals.push({ field: 'grantsSkillLevel', reason: 'culture-sport-grants-no-level' });
  return refusals;
}

export const REFUSAL_MESSAGES: Record<CourseRefusal['reason'], string> = {
  'fee-required': '收费课程须填写大于 0 的费用（分） / a course that is not free needs a fee in fen above 0',
  'free-has-no-fee': '会员免费课程不能填写费用 / a course free for members has no fee',
  'culture-sport-grants-no-level': '文体课程不授予技能等级 / culture and sport courses grant no skill level',
};
