import { addSignature, normaliseObligations, recordConfirmationOutcome, requestConfirmation, totalAmountFen } from './agreement';

describe('mediation agreement', () => {
  it('sums the payment obligations in fen, ignoring obligations without money', () => {
    const obligations = normaliseObligations([
      { description: '支付生育津贴', amountFen: 2_500_000, dueDate: '2026-12-31' },
      { description: '书面道歉' },
      { description: '补发加班费', amountFen: 123_45 },
    ]);
    expect(totalAmountFen(obligations)).toBe(2_512_345);
    expect(obligations[1]).toEqual({ description: '书面道歉', amountFen: null, dueDate: null });
  });
});

describe('signatures and judicial confirmation (司法确认)', () => {
  it('records each signer once per party', () => {
    const first = addSignature([], { party: 'employer', signer: ' 刘经理 ', signedOn: '2026-11-24' });
    expect(first).toEqual({ ok: true, signatures: [{ party: 'employer', signer: '刘经理', signedOn: '2026-11-24' }] });
    if (!first.ok) return;
    expect(addSignature(first.signatures, { party: 'employer', signer: '刘经理', signedOn: '2026-11-25' })).toEqual({ ok: false, reason: 'already-signed' });
    expect(addSignature(first.signatures, { party: 'worker', signer: '李四', signedOn: '2026-11-24' }).ok).toBe(true);
  });

  it('requests confirmation once (again only after a rejection), not before the agreement', () => {
    const requested = requestConfirmation(null, { court: '渝北区人民法院', requestedOn: '2026-11-25', agreementSignedOn: '2026-11-24' });
    expect(requested).toEqual({ ok: true, confirmation: { court: '渝北区人民法院', requestedOn: '2026-11-25', outcome: 'pending', decidedOn: null } });
    if (!requested.ok) return;
    expect(requestConfirmation(requested.confirmation, { court: 'x', requestedOn: '2026-11-26', agreementSignedOn: '2026-11-24' })).toMatchObject({ ok: false, reason: 'already-requested', outcome: 'pending' });
    expect(requestConfirmation(null, { court: 'x', requestedOn: '2026-11-23', agreementSignedOn: '2026-11-24' })).toEqual({ ok: false, reason: 'before-agreement' });
    const rejected = { ...requested.confirmation, outcome: 'rejected' as const, decidedOn: '2026-11-30' };
    expect(requestConfirmation(rejected, { court: 'x', requestedOn: '2026-12-01', agreementSignedOn: '2026-11-24' }).ok).toBe(true);
  });

  it('records the outcome once, after the request', () => {
    const pending = { court: '渝北区人民法院', requestedOn: '2026-11-25', outcome: 'pending' as const, decidedOn: null };
    expect(recordConfirmationOutcome(pending, { outcome: 'confirmed', decidedOn: '2026-12-05' })).toEqual({ ok: true, confirmation: { ...pending, outcome: 'confirmed', decidedOn: '2026-12-05' } });
    expect(recordConfirmationOutcome(null, { outcome: 'confirmed', decidedOn: '2026-12-05' })).toEqual({ ok: false, reason: 'not-requested' });
    expect(recordConfirmationOutcome({ ...pending, outcome: 'confirmed' }, { outcome: 'rejected', decidedOn: '2026-12-05' })).toEqual({ ok: false, reason: 'already-decided' });
    expect(recordConfirmationOutcome(pending, { outcome: 'confirmed', decidedOn: '2026-11-20' })).toEqual({ ok: false, reason: 'before-request' });
  });
});
