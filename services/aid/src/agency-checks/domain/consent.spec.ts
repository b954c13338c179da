import { consentAllows, consentTermsProblems, mayRetry } from './consent';

describe('agency-check consent (核对授权委托书)', () => {
  const consent = { signedOn: '2026-11-01', expiresOn: '2027-04-30', scope: ['household-registration', 'minimum-living'] as const, revoked: false };

  it('allows the checks in its scope from the day it is signed to its last day', () => {
    expect(consentAllows(consent, ['minimum-living'], '2026-11-01')).toEqual({ ok: true });
    expect(consentAllows(consent, ['household-registration', 'minimum-living'], '2027-04-30')).toEqual({ ok: true });
  });

  it('refuses after its last day, before it is signed, once revoked, and for a check outside its scope', () => {
    expect(consentAllows(consent, ['minimum-living'], '2027-05-01')).toEqual({ ok: false, reason: 'expired', expiresOn: '2027-04-30' });
    expect(consentAllows(consent, ['minimum-living'], '2026-10-31')).toEqual({ ok: false, reason: 'not-yet-in-force' });
    expect(consentAllows({ ...consent, revoked: true }, ['minimum-living'], '2026-12-01')).toEqual({ ok: false, reason: 'revoked' });
    expect(consentAllows(consent, ['minimum-living', 'vehicle', 'property'], '2026-12-01')).toEqual({ ok: false, reason: 'out-of-scope', kinds: ['vehicle', 'property'] });
  });

  it('checks the terms of a consent being recorded', () => {
    const today = '2026-11-26';
    expect(consentTermsProblems({ signedOn: '2026-11-20', expiresOn: '2027-11-19', scope: ['vehicle'] }, today)).toEqual([]);
    const fields = (t: Parameters<typeof consentTermsProblems>[0]) => consentTermsProblems(t, today).map((p) => p.field);
    expect(fields({ signedOn: '2026-11-27', expiresOn: '2027-01-01', scope: ['vehicle'] })).toEqual(['signedOn']);
    expect(fields({ signedOn: '2026-11-20', expiresOn: '2026-11-19', scope: ['vehicle'] })).toEqual(['expiresOn']);
    expect(fields({ signedOn: '2025-01-01', expiresOn: '2026-11-25', scope: ['vehicle'] })).toEqual(['expiresOn']); // already expired
    expect(fields({ signedOn: '2026-11-20', expiresOn: '2027-11-22', scope: ['vehicle'] })).toEqual(['expiresOn']); // longer than a year
    expect(fields({ signedOn: '2026-11-20', expiresOn: '2027-01-01', scope: [] })).toEqual(['scope']);
    expect(fields({ signedOn: '2026-11-20', expiresOn: '2027-01-01', scope: ['vehicle', 'vehicle'] })).toEqual(['scope']);
  });

  it('lets a failed check, or one pending past the timeout, be retried, never an answered one', () => {
    const now = new Date('2026-11-26T10:00:10Z');
    expect(mayRetry({ status: 'failed', lastAttemptAt: now }, now, 5000)).toBe(true);
    expect(mayRetry({ status: 'pending', lastAttemptAt: new Date('2026-11-26T10:00:00Z') }, now, 5000)).toBe(true);
    expect(mayRetry({ status: 'pending', lastAttemptAt: new Date('2026-11-26T10:00:08Z') }, now, 5000)).toBe(false);
    expect(mayRetry({ status: 'completed', lastAttemptAt: new Date('2026-01-01T00:00:00Z') }, now, 5000)).toBe(false);
  });
});
