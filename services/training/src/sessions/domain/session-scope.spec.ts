import { isUnitRefusal, ownUnitSegment, sessionVisibleTo, unitForNewRecord, unitForNewSession } from './session-scope';

describe('where a session belongs', () => {
  const fed = '3f0c2a4e7a354d7b9d6c0c8f8e1d2a11';
  const yubei = '4a1d3b5f8b464e8cae7d1d9f9f2e3b22';
  const jiangbei = '5b2e4c6a9c574f9dbf8e2e0a0a3f4c33';
  const street = '6c3f5d7b0d684a0ec09f3f1b1b4a5d44';
  const dashed = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const yubeiOfficer = { orgUnitId: dashed(yubei), scopePath: `/${fed}/${yubei}/` };

  it('shows an officer the sessions of their subtree and of the units above them, never another district’s', () => {
    expect(sessionVisibleTo(yubeiOfficer, `/${fed}/${yubei}/`)).toBe(true);
    expect(sessionVisibleTo(yubeiOfficer, `/${fed}/${yubei}/${street}/`)).toBe(true);
    expect(sessionVisibleTo(yubeiOfficer, `/${fed}/`)).toBe(true);
    expect(sessionVisibleTo(yubeiOfficer, '/')).toBe(true);
    expect(sessionVisibleTo(yubeiOfficer, `/${fed}/${jiangbei}/`)).toBe(false);
    expect(sessionVisibleTo({ scopePath: '/' }, `/${fed}/${jiangbei}/`)).toBe(true);
  });

  it('puts a new session in the officer’s own unit by default, the whole federation for the administrator', () => {
    expect(unitForNewSession(yubeiOfficer)).toEqual({ orgUnitId: dashed(yubei), orgUnitPath: `/${fed}/${yubei}/` });
    expect(unitForNewSession({ orgUnitId: null, scopePath: '/' })).toEqual({ orgUnitId: null, orgUnitPath: '/' });
  });

  it('accepts the officer’s own unit or a known unit below it, and refuses one above, elsewhere or unknown', () => {
    expect(unitForNewSession(yubeiOfficer, { orgUnitId: dashed(yubei), knownPath: null })).toEqual({ orgUnitId: dashed(yubei), orgUnitPath: `/${fed}/${yubei}/` });
    expect(unitForNewSession(yubeiOfficer, { orgUnitId: dashed(street), knownPath: `/${fed}/${yubei}/${street}/` })).toEqual({
      orgUnitId: dashed(street),
      orgUnitPath: `/${fed}/${yubei}/${street}/`,
    });
    for (const requested of [
      { orgUnitId: dashed(fed), knownPath: null },
      { orgUnitId: dashed(fed), knownPath: `/${fed}/` },
      { orgUnitId: dashed(jiangbei), knownPath: `/${fed}/${jiangbei}/` },
      { orgUnitId: dashed(street), knownPath: null },
      { orgUnitId: dashed(street), knownPath: `/${fed}/${yubei}/` },
    ]) {
      expect(isUnitRefusal(unitForNewSession(yubeiOfficer, requested))).toBe(true);
    }
  });

  it('reads the officer’s own unit from the last segment of the scope path', () => {
    expect(ownUnitSegment(`/${fed}/${yubei}/`)).toBe(yubei);
    expect(ownUnitSegment('/')).toBeNull();
  });

  it('puts a programme record in the officer’s unit or a named one below it; the administrator must name one', () => {
    const admin = { orgUnitId: null, scopePath: '/' };
    expect(unitForNewRecord(yubeiOfficer)).toEqual({ orgUnitId: dashed(yubei), orgUnitPath: `/${fed}/${yubei}/` });
    expect(unitForNewRecord(admin)).toEqual({ reason: 'org-unit-required' });
    expect(unitForNewRecord(admin, { orgUnitId: dashed(yubei), knownPath: `/${fed}/${yubei}/` })).toEqual({ orgUnitId: dashed(yubei), orgUnitPath: `/${fed}/${yubei}/` });
    expect(unitForNewRecord(admin, { orgUnitId: dashed(yubei), knownPath: null })).toEqual({ reason: 'unknown-org-unit' });
    expect(unitForNewRecord(yubeiOfficer, { orgUnitId: dashed(jiangbei), knownPath: `/${fed}/${jiangbei}/` })).toEqual({ reason: 'unknown-org-unit' });
  });
});
