import { CaseState, declineCase, openCase, referCase, referToAid, settleCase } from './case';
import { receivedAtOf, StoredWorker } from './intake';

const now = new Date('2026-11-24T08:00:00.000Z');
const caseId = '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928';
const memberId = '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6';
const open: CaseState = { id: caseId, memberId, status: 'open' };
const agreementId = '2b3c4d5e-6f70-4819-a2b3-c4d5e6f7a8b9';
const memberWorker: StoredWorker = { memberId, sealedName: null, sealedContact: null, maskedName: null, maskedContact: null };
const otherWorker: StoredWorker = { memberId: null, sealedName: 'v1.x', sealedContact: 'v1.y', maskedName: '李*', maskedContact: '138****8000' };
const settleable = { ...open, orgUnitPath: '/a/', workers: [memberWorker, otherWorker], workerCount: 2 };
const claims = [
  { type: 'unpaid-wages' as const, amountFen: 1_200_000, description: null },
  { type: 'overtime' as const, amountFen: 345_000, description: '周末加班' },
  { type: 'unpaid-wages' as const, amountFen: null, description: null },
];

const command = (over: Partial<Parameters<typeof openCase>[0]> = {}) => ({
  caseId,
  orgUnitPath: '/a/b/',
  workers: [memberWorker, otherWorker],
  source: 'complaint' as const,
  summary: ' 拖欠工资 ',
  employer: { name: '某物流有限公司', creditCode: '91350100M000100Y43' },
  claims,
  receivedAt: receivedAtOf('2026-11-20'),
  openedBy: 'mediator-1',
  now,
  ...over,
});

describe('a dispute case’s stages', () => {
  it('receives a collective case: its first member is its member; the received event counts workers and names no one', () => {
    const { disputeCase, received, opened } = openCase(command());
    expect(disputeCase).toMatchObject({ id: caseId, memberId, workerCount: 2, claimedTotalFen: '1545000', status: 'open', summary: '拖欠工资', openedAt: now, closedAt: null });
    expect(received).toEqual({
      caseId,
      orgUnitPath: '/a/b/',
      source: 'complaint',
      memberIds: [memberId],
      workerCount: 2,
      claimTypes: ['unpaid-wages', 'overtime'],
      claimedTotalFen: 1_545_000,
      receivedOn: '2026-11-20',
      openedAt: '2026-11-24T08:00:00.000Z',
    });
    expect(JSON.stringify(received)).not.toContain('李');
    expect(opened).toEqual({ caseId, memberId, source: 'complaint', openedAt: '2026-11-24T08:00:00.000Z' });
  });

  it('announces the v1 opening only for a member’s case from its three sources', () => {
    expect(openCase(command({ workers: [otherWorker] })).opened).toBeNull();
    expect(openCase(command({ workers: [otherWorker] })).disputeCase.memberId).toBeNull();
    expect(openCase(command({ source: 'court-delegation' })).opened).toBeNull();
  });

  it('settles an open case: settled now, the agreement with its total in fen, and the settled event', () => {
    const outcome = settleCase(settleable, {
      agreementId,
      obligations: [{ description: ' 支付生育津贴 ', amountFen: 2_500_000, dueDate: '2026-12-31' }, { description: '书面道歉' }],
      now,
    });
    const obligations = [
      { description: '支付生育津贴', amountFen: 2_500_000, dueDate: '2026-12-31' },
      { description: '书面道歉', amountFen: null, dueDate: null },
    ];
    expect(outcome).toEqual({
      ok: true,
      changes: { status: 'settled' },
      obligationRows: [
        { seq: 1, description: '支付生育津贴', payer: 'employer', payee: 'worker', amountFen: 2_500_000, dueDate: '2026-12-31' },
        { seq: 2, description: '书面道歉', payer: 'employer', payee: 'worker', amountFen: null, dueDate: null },
      ],
      agreement: { id: agreementId, caseId, obligations, totalAmountFen: 2_500_000, signedAt: now },
      settled: { caseId, orgUnitPath: '/a/', memberIds: [memberId], workerCount: 2, agreementId, obligations, totalAmountFen: 2_500_000, settledAt: '2026-11-24T08:00:00.000Z' },
      event: { caseId, memberId, agreementId, obligations, totalAmountFen: 2_500_000, settledAt: '2026-11-24T08:00:00.000Z' },
    });
  });

  it('announces the agreement of a case of non-member workers by v2 only, naming no one', () => {
    const outcome = settleCase({ ...settleable, memberId: null, workers: [otherWorker], workerCount: 1 }, { agreementId, obligations: [{ description: '支付工资', amountFen: 800_000 }], now });
    if (!outcome.ok) throw new Error('expected a settlement');
    expect(outcome.event).toBeNull();
    expect(outcome.settled).toMatchObject({ caseId, orgUnitPath: '/a/', memberIds: [], workerCount: 1, totalAmountFen: 800_000 });
    expect(JSON.stringify(outcome.settled)).not.toMatch(/李|138/);
  });

  it('refers a member worker to aid at any stage, once, and only a member worker of the case', () => {
    const state = { ...open, orgUnitPath: '/a/', workers: [memberWorker, otherWorker], agreedAmountFen: null };
    for (const status of ['open', 'settled', 'declined', 'referred', 'closed'] as const) {
      expect(referToAid({ ...state, status }, { memberId, alreadyReferred: false, now })).toEqual({
        ok: true,
        event: { caseId, orgUnitPath: '/a/', memberId, caseStatus: status, agreedAmountFen: null, referredAt: '2026-11-24T08:00:00.000Z' },
      });
    }
    expect(referToAid({ ...state, status: 'settled', agreedAmountFen: 500 }, { memberId, alreadyReferred: false, now })).toMatchObject({ ok: true, event: { agreedAmountFen: 500 } });
    expect(referToAid(state, { memberId, alreadyReferred: true, now })).toEqual({ ok: false, refusal: { reason: 'already-referred' } });
    expect(referToAid(state, { memberId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', alreadyReferred: false, now })).toEqual({ ok: false, refusal: { reason: 'not-a-member-worker' } });
  });

  it('refuses to settle a case that is not open', () => {
    for (const status of ['settled', 'declined', 'referred', 'closed'] as const) {
      expect(settleCase({ ...settleable, status }, { agreementId, obligations: [{ description: '补发加班费', amountFen: 100 }], now })).toEqual({
        ok: false,
        refusal: { reason: 'case-not-open', status },
      });
    }
  });

  it('refuses an agreement without obligations', () => {
    expect(settleCase(settleable, { agreementId, obligations: [], now })).toEqual({ ok: false, refusal: { reason: 'no-obligations' } });
  });

  it('declines an open case with its reason, once', () => {
    const declined = declineCase({ ...open, orgUnitPath: '/a/' }, { reason: ' 不属于劳动争议 ', now });
    expect(declined).toEqual({
      ok: true,
      changes: { status: 'declined', declineReason: '不属于劳动争议', closedAt: now },
      event: { caseId, orgUnitPath: '/a/', declinedAt: '2026-11-24T08:00:00.000Z' },
    });
    expect(declineCase({ ...open, status: 'declined', orgUnitPath: '/a/' }, { reason: 'x', now })).toEqual({ ok: false, refusal: { reason: 'case-not-open', status: 'declined' } });
  });

  describe('referral to arbitration or court (诉调对接)', () => {
    const state = { ...open, orgUnitPath: '/a/', workers: [memberWorker, otherWorker], employerName: '某物流有限公司', employerCreditCode: null, claims, receivedAt: receivedAtOf('2026-11-01') };
    const refer = (over: Partial<Parameters<typeof referCase>[1]> = {}) =>
      referCase(state, { referredTo: 'arbitration', reason: 'lapsed', note: null, sessionsHeld: [], today: '2026-11-17', now, ...over });

    it('refers a lapsed case with the package: parties masked, claims, sessions held, reason', () => {
      const outcome = refer({ sessionsHeld: [{ heldAt: '2026-11-05T10:00:00.000+08:00', kind: 'joint' }] });
      if (!outcome.ok) throw new Error('refused');
      expect(outcome.changes.status).toBe('referred');
      expect(outcome.changes.referral).toMatchObject({
        referredTo: 'arbitration',
        reason: 'lapsed',
        workers: [
          { memberId, maskedName: null, maskedContact: null },
          { memberId: null, maskedName: '李*', maskedContact: '138****8000' },
        ],
        claimedTotalFen: 1_545_000,
        sessionsHeld: [{ heldAt: '2026-11-05T10:00:00.000+08:00', kind: 'joint' }],
        receivedOn: '2026-11-01',
        limitEndsOn: '2026-11-16',
      });
      expect(JSON.stringify(outcome.changes.referral)).not.toContain('v1.x');
      expect(outcome.event).toEqual({
        caseId,
        orgUnitPath: '/a/',
        referredTo: 'arbitration',
        reason: 'lapsed',
        memberIds: [memberId],
        claimTypes: ['unpaid-wages', 'overtime'],
        claimedTotalFen: 1_545_000,
        receivedOn: '2026-11-01',
        referredAt: '2026-11-24T08:00:00.000Z',
      });
    });

    it('refuses "lapsed" while the clock still runs, but refers a failed mediation at any time', () => {
      expect(refer({ today: '2026-11-16' })).toEqual({ ok: false, refusal: { reason: 'not-past-limit', daysLeft: 0 } });
      expect(refer({ today: '2026-11-02', reason: 'mediation-failed', referredTo: 'court' }).ok).toBe(true);
    });

    it('refers a settled case only as unperformed, and an open one never as unperformed', () => {
      const command = { referredTo: 'court' as const, note: null, sessionsHeld: [], today: '2026-11-17', now };
      expect(referCase({ ...state, status: 'settled' }, { ...command, reason: 'mediation-failed' })).toEqual({ ok: false, refusal: { reason: 'case-not-open', status: 'settled' } });
      expect(referCase({ ...state, status: 'settled' }, { ...command, reason: 'unperformed' }).ok).toBe(true);
      expect(referCase(state, { ...command, reason: 'unperformed' })).toEqual({ ok: false, refusal: { reason: 'case-not-open', status: 'open' } });
      expect(referCase({ ...state, status: 'closed' }, { ...command, reason: 'unperformed' })).toEqual({ ok: false, refusal: { reason: 'case-not-open', status: 'closed' } });
    });
  });
});
