import { hasRole, inScope, InvalidToken, Principal, scopeLikePattern, signAccessToken, verifyAccessToken, verifyAccessTokenClaims, bearerToken } from './index';

const district: Principal = {
  userId: 'u1',
  username: 'yubei.officer',
  roles: ['membership-officer'],
  orgUnitId: 'd1',
  scopePath: '/aaa/bbb/',
};

describe('access tokens', () => {
  it('round-trips the principal', () => {
    const token = signAccessToken(district, 'secret-1', 60);
    expect(verifyAccessToken(token, 'secret-1')).toEqual(district);
  });

  it('refuses a token signed with another secret, or expired', () => {
    const token = signAccessToken(district, 'secret-1', 60);
    expect(() => verifyAccessToken(token, 'secret-2')).toThrow(InvalidToken);
    const expired = signAccessToken(district, 'secret-1', -10);
    expect(() => verifyAccessToken(expired, 'secret-1')).toThrow(/expired/);
  });

  it('stops accepting a token when it expires, even one it accepted before', () => {
    jest.useFakeTimers({ now: new Date('2026-11-25T08:00:00Z') });
    try {
      const token = signAccessToken(district, 'secret-1', 60);
      expect(verifyAccessToken(token, 'secret-1')).toEqual(district);
      jest.setSystemTime(new Date('2026-11-25T08:00:59Z'));
      expect(verifyAccessToken(token, 'secret-1')).toEqual(district);
      jest.setSystemTime(new Date('2026-11-25T08:01:01Z'));
      expect(() => verifyAccessToken(token, 'secret-1')).toThrow(/expired/);
      expect(() => verifyAccessToken(token, 'secret-2')).toThrow(InvalidToken);
    } finally {
      jest.useRealTimers();
    }
  });

  it('carries a session id and a token id, and issues no earlier than a revocation', () => {
    const notBeforeMs = Date.now() + 1500;
    const token = signAccessToken(district, 'secret-1', 60, { sessionId: 's-1', notBeforeMs });
    const claims = verifyAccessTokenClaims(token, 'secret-1');
    expect(claims.principal).toEqual(district);
    expect(claims.sessionId).toBe('s-1');
    expect(claims.tokenId).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.issuedAtMs).toBeGreaterThanOrEqual(notBeforeMs);
    expect(claims.expiresAtMs - claims.issuedAtMs).toBe(60_000);
    const other = verifyAccessTokenClaims(signAccessToken(district, 'secret-1', 60), 'secret-1');
    expect(other.sessionId).not.toBe(claims.sessionId);
    expect(other.tokenId).not.toBe(claims.tokenId);
  });

  it('reads a bearer token from the Authorization header', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

describe('roles and organisation scope', () => {
  it('a federation administrator holds every role; an officer only theirs', () => {
    expect(hasRole({ ...district, roles: ['federation-admin'] }, 'aid-officer')).toBe(true);
    expect(hasRole(district, 'aid-officer')).toBe(false);
    expect(hasRole(district, 'aid-officer', 'membership-officer')).toBe(true);
  });

  it('the personal-data-viewer role must be held by name, by the federation administrator too', () => {
    const admin = { ...district, roles: ['federation-admin'] as Principal['roles'] };
    expect(hasRole(admin, 'personal-data-viewer')).toBe(false);
    expect(hasRole(admin, 'membership-officer', 'personal-data-viewer')).toBe(true);
    expect(hasRole({ ...admin, roles: ['federation-admin', 'personal-data-viewer'] }, 'personal-data-viewer')).toBe(true);
    expect(hasRole({ ...district, roles: ['personal-data-viewer'] }, 'personal-data-viewer')).toBe(true);
  });

  it('a district officer sees their subtree and nothing beside it', () => {
    expect(inScope(district, '/aaa/bbb/')).toBe(true);
    expect(inScope(district, '/aaa/bbb/ccc/')).toBe(true);
    expect(inScope(district, '/aaa/bbx/')).toBe(false);
    expect(inScope(district, '/aaa/')).toBe(false);
    expect(inScope({ scopePath: '/' }, '/aaa/bbx/')).toBe(true);
  });

  it('escapes LIKE wildcards in the scope pattern', () => {
    expect(scopeLikePattern({ scopePath: '/a_b/' })).toBe('/a\\_b/%');
  });
});
