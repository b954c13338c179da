import { claimAfterPayment, claimFigureProblems, fastChannelApplies, isGigWorker, PlanRules, planRuleProblems, reimbursementFor } from './medical-plan';

/** The demo plan: 1,000 yuan deductible, 50 %, capped at 30,000 yuan a year; gig-worker claims up to 2,000 yuan go fast. */
const plan: PlanRules = { contributionFen: 3_000, deductibleFen: 100_000, reimbursementPercent: 50, yearlyCapFen: 3_000_000, fastChannelLimitFen: 200_000 };

describe('medical mutual-aid plan rules', () => {
  it('reimburses the driver’s bill of 100,000 yuan with 13,000 yuan', () => {
    // insurance paid 73,000; the driver paid 27,000; (27,000 − 1,000) × 50 % = 13,000
    const r = reimbursementFor(plan, { billTotalFen: 10_000_000, insuranceFen: 7_300_000, selfPaidFen: 2_700_000 }, 0);
    expect(r).toEqual({ byRulesFen: 1_300_000, reimbursementFen: 1_300_000, capped: false, capLeftFen: 1_700_000 });
  });

  it('pays nothing below the deductible and rounds down to the fen', () => {
    expect(reimbursementFor(plan, { billTotalFen: 300_000, insuranceFen: 220_000, selfPaidFen: 80_000 }, 0).reimbursementFen).toBe(0);
    expect(reimbursementFor({ ...plan, reimbursementPercent: 33 }, { billTotalFen: 200_001, insuranceFen: 0, selfPaidFen: 200_001 }, 0).reimbursementFen).toBe(33_000);
  });

  it('stops at the yearly cap across claims', () => {
    const big = { billTotalFen: 20_000_000, insuranceFen: 12_000_000, selfPaidFen: 8_000_000 }; // 39,500 yuan by the rules
    expect(reimbursementFor(plan, big, 0)).toMatchObject({ byRulesFen: 3_950_000, reimbursementFen: 3_000_000, capped: true, capLeftFen: 0 });
    expect(reimbursementFor(plan, big, 2_500_000)).toMatchObject({ reimbursementFen: 500_000, capped: true });
    expect(reimbursementFor(plan, big, 3_000_000)).toMatchObject({ reimbursementFen: 0, capLeftFen: 0 });
  });

  it('refuses a claim whose insurance share exceeds the bill, or whose parts do not add up', () => {
    expect(claimFigureProblems({ billTotalFen: 100_000, insuranceFen: 120_000, selfPaidFen: 0 })).toEqual([expect.objectContaining({ field: 'insuranceFen' })]);
    expect(claimFigureProblems({ billTotalFen: 100_000, insuranceFen: 60_000, selfPaidFen: 30_000 })).toEqual([expect.objectContaining({ field: 'selfPaidFen' })]);
    expect(claimFigureProblems({ billTotalFen: 0, insuranceFen: 0, selfPaidFen: 0 })).toEqual([expect.objectContaining({ field: 'billTotalFen' })]);
    expect(claimFigureProblems({ billTotalFen: 100_000, insuranceFen: -1, selfPaidFen: 100_001 })).toEqual([expect.objectContaining({ field: 'insuranceFen' })]);
    expect(claimFigureProblems({ billTotalFen: 100_000, insuranceFen: 60_000, selfPaidFen: 40_000 })).toEqual([]);
  });

  it('refuses rules that cannot be evaluated', () => {
    expect(planRuleProblems(plan)).toEqual([]);
    expect(planRuleProblems({ ...plan, reimbursementPercent: 0 }).map((p) => p.field)).toEqual(['reimbursementPercent']);
    expect(planRuleProblems({ ...plan, reimbursementPercent: 101 }).map((p) => p.field)).toEqual(['reimbursementPercent']);
    expect(planRuleProblems({ ...plan, fastChannelLimitFen: 3_000_001 }).map((p) => p.field)).toEqual(['fastChannelLimitFen']);
    expect(planRuleProblems({ ...plan, deductibleFen: 1.5 }).map((p) => p.field)).toEqual(['deductibleFen']);
  });
});

describe('the gig-worker fast channel', () => {
  const complete = ['invoice', 'insurance-settlement'];
  it('takes a gig worker’s small claim with complete documents', () => {
    expect(fastChannelApplies(plan, 'gig-worker', complete, 150_000)).toBe(true);
    expect(fastChannelApplies(plan, 'gig-worker', complete, 200_000)).toBe(true);
  });

  it('leaves everything else to an officer', () => {
    expect(fastChannelApplies(plan, 'gig-worker', complete, 200_001)).toBe(false); // not small
    expect(fastChannelApplies(plan, 'gig-worker', ['invoice'], 50_000)).toBe(false); // incomplete
    expect(fastChannelApplies(plan, 'officer', complete, 50_000)).toBe(false); // not a gig worker's cover
    expect(fastChannelApplies(plan, 'gig-worker', complete, 0)).toBe(false); // nothing to pay
    expect(fastChannelApplies({ ...plan, fastChannelLimitFen: 0 }, 'gig-worker', complete, 10)).toBe(false); // channel off
  });

  it('knows the gig employment forms', () => {
    expect(['gig-delivery', 'gig-ride-hailing', 'gig-courier', 'gig-domestic-service', 'gig-other'].every(isGigWorker)).toBe(true);
    expect(isGigWorker('regular')).toBe(false);
  });
});

describe('paying an approved claim', () => {
  it('is paid or failed by the bank’s result, and a failed payment re-issued waits for the bank again', () => {
    expect(claimAfterPayment('approved', 'bank-paid', true)).toEqual({ ok: true, to: 'paid' });
    expect(claimAfterPayment('approved', 'bank-failed', true)).toEqual({ ok: true, to: 'payment-failed' });
    expect(claimAfterPayment('payment-failed', 'reissue', false)).toEqual({ ok: true, to: 'approved' });
  });

  it('may be paid by hand when no instruction is with the bank, also after a failed one', () => {
    expect(claimAfterPayment('approved', 'pay-directly', false)).toEqual({ ok: true, to: 'paid' });
    expect(claimAfterPayment('payment-failed', 'pay-directly', false)).toEqual({ ok: true, to: 'paid' });
    expect(claimAfterPayment('approved', 'pay-directly', true)).toEqual({ ok: false, reason: 'payment-in-batch' });
  });

  it('refuses every payment step of a claim not awaiting one', () => {
    for (const status of ['submitted', 'rejected', 'paid'] as const) {
      for (const step of ['bank-paid', 'bank-failed', 'reissue', 'pay-directly'] as const) expect(claimAfterPayment(status, step, false)).toEqual({ ok: false, reason: 'wrong-status' });
    }
    expect(claimAfterPayment('approved', 'reissue', false)).toEqual({ ok: false, reason: 'wrong-status' });
    expect(claimAfterPayment('payment-failed', 'bank-paid', false)).toEqual({ ok: false, reason: 'wrong-status' });
  });
});
