import { maySeeReporter, rejectReport, verifyReport } from './hazard-report';

const now = new Date('2026-11-24T08:00:00.000Z');
const submitted = { id: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d', orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/', status: 'submitted' as const };

describe('hazard reports (隐患举报)', () => {
  it('verifies a submitted report with the reward of its level, and the event names no one', () => {
    expect(verifyReport(submitted, { rewardLevel: 1, now })).toEqual({
      ok: true,
      changes: { status: 'verified', rewardLevel: 1, rewardFen: 200_000, handledAt: now },
      event: { reportId: submitted.id, orgUnitId: submitted.orgUnitId, orgUnitPath: submitted.orgUnitPath, rewardLevel: 1, rewardFen: 200_000, verifiedAt: '2026-11-24T08:00:00.000Z' },
    });
    const level2 = verifyReport(submitted, { rewardLevel: 2, now });
    expect(level2.ok && level2.changes.rewardFen).toBe(300_000);
  });

  it('handles a report once', () => {
    expect(verifyReport({ ...submitted, status: 'verified' }, { rewardLevel: 1, now })).toEqual({ ok: false, refusal: { reason: 'not-submitted', status: 'verified' } });
    expect(rejectReport({ ...submitted, status: 'rejected' }, { reason: 'x', now })).toEqual({ ok: false, refusal: { reason: 'not-submitted', status: 'rejected' } });
    expect(rejectReport(submitted, { reason: ' 经核查不存在 ', now })).toEqual({ ok: true, changes: { status: 'rejected', rejectionReason: '经核查不存在', handledAt: now } });
  });

  it('shows the reporter only to the officers who handle personal data', () => {
    expect(maySeeReporter(['mediator', 'personal-data-viewer'])).toBe(true);
    expect(maySeeReporter(['mediator'])).toBe(false);
  });
});
