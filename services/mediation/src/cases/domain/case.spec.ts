import { CaseState, openCase, settleCase } from './case';

const now = new Date('2026-11-24T08:00:00.000Z');
const open: CaseState = { id: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928', memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', status: 'open' };
const agreementId = '2b3c4d5e-6f70-4819-a2b3-c4d5e6f7a8b9';

describe('a dispute case’s stages', () => {
  it('opens a case for a known worker, with the opened event', () => {
    const { disputeCase, event } = openCase({
      caseId: open.id,
      member: { memberId: open.memberId, orgUnitPath: '/a/b/' },
      source: 'complaint',
      summary: '用人单位未支付生育津贴',
      employerName: '某物流有限公司',
      openedBy: 'mediator-1',
      now,
    });
    expect(disputeCase).toMatchObject({ id: open.id, memberId: open.memberId, orgUnitPath: '/a/b/', status: 'open', openedAt: now, closedAt: null });
    expect(event).toEqual({ caseId: open.id, memberId: open.memberId, source: 'complaint', openedAt: '2026-11-24T08:00:00.000Z' });
  });

  it('settles an open case: settled now, the agreement with its total in fen, and the settled event', () => {
    const outcome = settleCase(open, {
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
      changes: { status: 'settled', closedAt: now },
      agreement: { id: agreementId, caseId: open.id, obligations, totalAmountFen: 2_500_000, signedAt: now },
      event: { caseId: open.id, memberId: open.memberId, agreementId, obligations, totalAmountFen: 2_500_000, settledAt: '2026-11-24T08:00:00.000Z' },
    });
  });

  it('refuses to settle a case that is not open', () => {
    expect(settleCase({ ...open, status: 'settled' }, { agreementId, obligations: [{ description: '补发加班费', amountFen: 100 }], now })).toEqual({
      ok: false,
      refusal: { reason: 'case-not-open', status: 'settled' },
    });
  });

  it('refuses an agreement without obligations', () => {
    expect(settleCase(open, { agreementId, obligations: [], now })).toEqual({ ok: false, refusal: { reason: 'no-obligations' } });
  });
});
