import { countServed, servedAs } from './dual-registration';

describe('dual registration (双报到)', () => {
  const city = '/c/';
  const yubei = '/c/yb/';
  const company = '/c/yb/co/';
  const jiangbei = '/c/jb/';
  const community = '/c/jb/st/cm/';

  it('serves a member as its own where they work, and through dual registration where they live', () => {
    const member = { orgUnitPath: company, communityPaths: [community] };
    expect(servedAs(yubei, member)).toBe('member');
    expect(servedAs(city, member)).toBe('member');
    expect(servedAs(community, member)).toBe('dual-registration');
    expect(servedAs(jiangbei, member)).toBe('dual-registration');
    expect(servedAs('/c/other/', member)).toBeNull();
    expect(servedAs(jiangbei, { orgUnitPath: company, communityPaths: [] })).toBeNull();
  });

  it('counts a dual-registered member once as a member where they work and once as a dual registration, never twice as a member', () => {
    const members = [
      { orgUnitPath: company, status: 'active' as const, communityPaths: [community] },
      { orgUnitPath: community, status: 'active' as const, communityPaths: [] },
      { orgUnitPath: company, status: 'active' as const, communityPaths: [community, '/c/jb/st/cm2/'] },
      { orgUnitPath: company, status: 'left' as const, communityPaths: [community] },
    ];
    expect(countServed(community, members)).toEqual({ activeMembers: 1, dualRegistrations: 2 });
    expect(countServed(jiangbei, members)).toEqual({ activeMembers: 1, dualRegistrations: 2 });
    expect(countServed(yubei, members)).toEqual({ activeMembers: 2, dualRegistrations: 0 });
    expect(countServed(city, members)).toEqual({ activeMembers: 3, dualRegistrations: 2 });
  });
});
