/**
 * 双报到 (dual registration), without I/O: a member belongs to one workplace (or industry) union
 * and may also register with the community union where they live. The community serves them
 * too: its officers see them, marked as dual registrations, but they stay the workplace union's
 * members: they are counted once as members, where they work, and as dual registrations on the
 * community side.
 */
export type ServedAs = 'member' | 'dual-registration';

export interface RegisteredMember {
  /** The path of the member's own (workplace or industry) union. */
  orgUnitPath: string;
  status: 'active' | 'left';
  /** The paths of the community unions the member registered with. */
  communityPaths: readonly string[];
}

const within = (scopePath: string, path: string) => path.startsWith(scopePath);

/**
 * How a subtree serves a member: as its own member when the member's union lies in it; through
 * dual registration when only a community the member registered with does; not at all (null)
 * otherwise, and then the member does not exist for that subtree's officers.
 */
export function servedAs(scopePath: string, member: Pick<RegisteredMember, 'orgUnitPath' | 'communityPaths'>): ServedAs | null {
  if (within(scopePath, member.orgUnitPath)) return 'member';
  return member.communityPaths.some((path) => within(scopePath, path)) ? 'dual-registration' : null;
}

export interface ServedCounts {
  /** Active members whose own union lies in the subtree. */
  activeMembers: number;
  /** Active members registered with a community union in the subtree, each once however many communities; never added to activeMembers. */
  dualRegistrations: number;
}

/** The figures of a unit's subtree: the rule the statistics query implements in SQL. */
export function countServed(unitPath: string, members: readonly RegisteredMember[]): ServedCounts {
  let activeMembers = 0;
  let dualRegistrations = 0;
  for (const member of members) {
    if (member.status !== 'active') continue;
    if (within(unitPath, member.orgUnitPath)) activeMembers++;
    if (member.communityPaths.some((path) => within(unitPath, path))) dualRegistrations++;
  }
  return { activeMembers, dualRegistrations };
}
