import { canonicalHonours, Honour, SkillLevel } from '../../domain/edit-rules';

/**
 * What training's awards do to a member, without I/O: a granted skill level raises the member's
 * level and never lowers it (新手 → 熟手 → 高手); an honour is added to the member's honours. A
 * member who left is not changed (their record is archived). Each returns the fields that change,
 * none when nothing does (a repeat, a lower level), so nothing is announced twice.
 */
const RANK: Record<SkillLevel, number> = { novice: 1, skilled: 2, master: 3 };

export type AwardOutcome = { changed: false } | { changed: true; skillLevel?: SkillLevel; honours?: Honour[]; changedFields: ('skillLevel' | 'honours')[] };

export function grantSkillLevel(member: { status: 'active' | 'left'; skillLevel: SkillLevel }, level: SkillLevel): AwardOutcome {
  if (member.status !== 'active' || RANK[level] <= RANK[member.skillLevel]) return { changed: false };
  return { changed: true, skillLevel: level, changedFields: ['skillLevel'] };
}

export function awardHonour(member: { status: 'active' | 'left'; honours: readonly string[] }, honour: Honour): AwardOutcome {
  const current = canonicalHonours(member.honours);
  if (member.status !== 'active' || current.includes(honour)) return { changed: false };
  return { changed: true, honours: canonicalHonours([...current, honour]), changedFields: ['honours'] };
}
