import { Actor, grantRefusal, manageRefusal, mayManageAccounts, rolesBeyondActor, tokensValidAfter } from './account-rules';

const admin: Actor = { userId: 'admin', roles: ['federation-admin'], scopePath: '/' };
const districtOfficer: Actor = { userId: 'o1', roles: ['membership-officer', 'aid-officer'], scopePath: '/fed/yubei/' };

describe('who may grant what', () => {
  it('the federation administrator grants every role, anywhere', () => {
    expect(grantRefusal(admin, { roles: ['federation-admin', 'personal-data-viewer'], scopePath: '/' })).toBeNull();
    expect(grantRefusal(admin, { roles: ['mediator'], scopePath: '/fed/jiangbei/' })).toBeNull();
  });

  it('an officer grants the roles they hold, inside their subtree', () => {
    expect(grantRefusal(districtOfficer, { roles: ['aid-officer'], scopePath: '/fed/yubei/' })).toBeNull();
    expect(grantRefusal(districtOfficer, { roles: ['membership-officer', 'aid-officer'], scopePath: '/fed/yubei/street-1/' })).toBeNull();
  });

  it('an officer cannot grant a role they do not hold', () => {
    const refusal = grantRefusal(districtOfficer, { roles: ['aid-officer', 'training-officer', 'federation-admin'], scopePath: '/fed/yubei/' });
    expect(refusal).toEqual({ status: 403, detail: expect.stringContaining('training-officer, federation-admin') });
    expect(rolesBeyondActor(districtOfficer, ['personal-data-viewer'])).toEqual(['personal-data-viewer']);
  });

  it('an officer cannot grant a scope outside their own, above or beside it', () => {
    expect(grantRefusal(districtOfficer, { roles: ['aid-officer'], scopePath: '/' })?.status).toBe(403);
    expect(grantRefusal(districtOfficer, { roles: ['aid-officer'], scopePath: '/fed/' })?.status).toBe(403);
    expect(grantRefusal(districtOfficer, { roles: ['aid-officer'], scopePath: '/fed/yubei-x/' })?.status).toBe(403);
  });

  it('only the administrator makes a federation-wide account, even an officer whose scope is the whole federation', () => {
    const federationOfficer: Actor = { userId: 'f', roles: ['membership-officer'], scopePath: '/' };
    expect(grantRefusal(federationOfficer, { roles: ['membership-officer'], scopePath: '/' })?.status).toBe(403);
    expect(grantRefusal(federationOfficer, { roles: ['membership-officer'], scopePath: '/fed/yubei/' })).toBeNull();
  });

  it('a personal-data viewer alone manages no accounts', () => {
    const viewer: Actor = { userId: 'v', roles: ['personal-data-viewer'], scopePath: '/' };
    expect(mayManageAccounts(viewer)).toBe(false);
    expect(grantRefusal(viewer, { roles: ['personal-data-viewer'], scopePath: '/' })?.status).toBe(403);
  });
});

describe('who may change an existing account', () => {
  it('an account outside the subtree is not found, one with more roles is forbidden, one’s own goes through self-service', () => {
    expect(manageRefusal(districtOfficer, { id: 'x', roles: ['aid-officer'], scopePath: '/fed/jiangbei/' })?.status).toBe(404);
    expect(manageRefusal(districtOfficer, { id: 'x', roles: ['aid-officer', 'mediator'], scopePath: '/fed/yubei/' })?.status).toBe(403);
    expect(manageRefusal(districtOfficer, { id: 'o1', roles: ['aid-officer'], scopePath: '/fed/yubei/' })?.status).toBe(403);
    expect(manageRefusal(districtOfficer, { id: 'x', roles: ['aid-officer'], scopePath: '/fed/yubei/street-1/' })).toBeNull();
    expect(manageRefusal(admin, { id: 'x', roles: ['federation-admin'], scopePath: '/' })).toBeNull();
  });
});

describe('revoking every token of a user', () => {
  it('counts from the next whole second, as a token’s iat counts seconds', () => {
    expect(tokensValidAfter(new Date('2026-11-25T08:00:00.300Z'))).toEqual(new Date('2026-11-25T08:00:01.000Z'));
    expect(tokensValidAfter(new Date('2026-11-25T08:00:01.000Z'))).toEqual(new Date('2026-11-25T08:00:01.000Z'));
  });
});
