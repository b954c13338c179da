import { isRefusal, leave, MemberState, registerWithCommunity, reinstate, transfer } from './lifecycle-rules';

const active: MemberState = { id: 'm1', status: 'active', orgUnitId: 'u1' };
const left: MemberState = { ...active, status: 'left' };
const unit = (id: string, kind = 'industry', isActive = true) => ({ id, kind, active: isActive });

describe('member lifecycle rules', () => {
  it('transfers an active member to another unit, never a former member or into the same unit', () => {
    expect(transfer(active, unit('u2'))).toEqual({ orgUnitId: 'u2', fromOrgUnitId: 'u1' });
    expect(transfer(left, unit('u2'))).toMatchObject({ refused: true, status: 422, slug: 'member-not-active' });
    expect(transfer(active, unit('u1'))).toMatchObject({ refused: true, status: 422, slug: 'same-unit' });
  });

  it('lets an active member leave once', () => {
    const now = new Date('2025-03-01T00:00:00Z');
    expect(leave(active, now)).toEqual({ status: 'left', leftAt: now });
    expect(leave(left, now)).toMatchObject({ refused: true, status: 409, slug: 'already-left' });
  });

  it('reinstates a former member into a unit that is still active', () => {
    expect(reinstate(left, unit('u1'))).toEqual({ status: 'active', leftAt: null });
    expect(reinstate(active, unit('u1'))).toMatchObject({ refused: true, status: 409, slug: 'already-active' });
    expect(reinstate(left, unit('u1', 'industry', false))).toMatchObject({ refused: true, status: 422, slug: 'org-unit-inactive' });
    expect(reinstate(left, null)).toMatchObject({ refused: true, slug: 'org-unit-inactive' });
  });

  it('registers an active member with an active community union only', () => {
    expect(registerWithCommunity(active, unit('c1', 'grassroots-community'))).toEqual({ communityUnitId: 'c1' });
    expect(registerWithCommunity(left, unit('c1', 'grassroots-community'))).toMatchObject({ refused: true, slug: 'member-not-active' });
    expect(registerWithCommunity(active, unit('c1', 'industry'))).toMatchObject({ refused: true, slug: 'not-a-community-union', field: 'communityOrgUnitId' });
    expect(registerWithCommunity(active, unit('c1', 'grassroots-community', false))).toMatchObject({ slug: 'not-a-community-union' });
    expect(registerWithCommunity(active, null)).toMatchObject({ slug: 'not-a-community-union' });
    expect(isRefusal(registerWithCommunity(active, null))).toBe(true);
  });
});
