/**
 * The rules of a membership after enrolment, without I/O: given the member's state (and the
 * unit involved, as read), each gives the change to make or a typed refusal. The use cases in
 * `lifecycle/` read, ask these, and write what they answer.
 */
export type MemberStatus = 'active' | 'left';

export interface MemberState {
  id: string;
  status: MemberStatus;
  orgUnitId: string;
}

export interface UnitState {
  id: string;
  kind: string;
  active: boolean;
}

/** A refusal: the HTTP status it maps to, its slug, a bilingual detail and optionally the field at fault. */
export interface Refusal {
  refused: true;
  status: 409 | 422;
  slug: string;
  detail: string;
  field?: string;
}

const refuse = (status: 409 | 422, slug: string, detail: string, field?: string): Refusal => ({ refused: true, status, slug, detail, ...(field && { field }) });

export const isRefusal = (outcome: unknown): outcome is Refusal => typeof outcome === 'object' && outcome !== null && (outcome as Refusal).refused === true;

/** Who may be transferred at all (before the target is read). */
export function checkTransferable(member: MemberState): Refusal | null {
  return member.status !== 'active' ? refuse(422, 'member-not-active', '已退会的会员不能转接 / A member who left cannot be transferred') : null;
}

/** Transfer (会员关系转接) to a target that already passed the enrolling-unit checks. */
export function transfer(member: MemberState, target: UnitState): Refusal | { orgUnitId: string; fromOrgUnitId: string } {
  const notTransferable = checkTransferable(member);
  if (notTransferable) return notTransferable;
  if (target.id === member.orgUnitId) return refuse(422, 'same-unit', '会员已在该组织 / The member already belongs to that unit');
  return { orgUnitId: target.id, fromOrgUnitId: member.orgUnitId };
}

/** Leaving (退会): only an active member can leave. */
export function leave(member: MemberState, now: Date): Refusal | { status: 'left'; leftAt: Date } {
  if (member.status !== 'active') return refuse(409, 'already-left', '该会员已退会 / The member has already left');
  return { status: 'left', leftAt: now };
}

/** Reinstatement (恢复会籍) into the former unit, which must still be active. */
export function reinstate(member: MemberState, formerUnit: UnitState | null): Refusal | { status: 'active'; leftAt: null } {
  if (member.status === 'active') return refuse(409, 'already-active', '该会员在册 / The member is already active');
  if (!formerUnit?.active) return refuse(422, 'org-unit-inactive', '原组织已撤销，请先转接 / The former unit is deactivated; transfer the member instead');
  return { status: 'active', leftAt: null };
}

/** Who may register with a community at all (before the community is read). */
export function checkDualRegistrable(member: MemberState): Refusal | null {
  return member.status !== 'active' ? refuse(422, 'member-not-active', '已退会的会员不能双报到 / A member who left cannot register with a community') : null;
}

/** Dual registration (双报到) with an active community union. */
export function registerWithCommunity(member: MemberState, community: UnitState | null): Refusal | { communityUnitId: string } {
  const notRegistrable = checkDualRegistrable(member);
  if (notRegistrable) return notRegistrable;
  if (!community || community.kind !== 'grassroots-community' || !community.active) {
    return refuse(422, 'not-a-community-union', '须为在用的社区工会 / must be an active community union', 'communityOrgUnitId');
  }
  return { communityUnitId: community.id };
}
