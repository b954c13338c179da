/**
 * The rules of a medical mutual-aid plan (职工医疗互助) for one year, and what a claim made after
 * medical insurance has paid gets back. Pure, no I/O; money in integer fen.
 *
 * A claim gives the bill total, the part medical insurance paid and the part the worker paid
 * (自付); the two must add up to the bill. The plan reimburses the worker's part above the
 * deductible (起付线) at its ratio, rounded down to the fen, and never beyond what is left of the
 * yearly cap per person (年度封顶线) after the year's earlier claims.
 */

export interface PlanRules {
  /** Contribution per person for the year (每人每年缴费), fen; gig workers covered free pay none. */
  contributionFen: number;
  /** Deductible per claim (起付线), fen. */
  deductibleFen: number;
  /** Reimbursement ratio in whole per cent, 1–100 (报销比例). */
  reimbursementPercent: number;
  /** Most a person gets back in the plan's year (年度封顶), fen. */
  yearlyCapFen: number;
  /** Largest reimbursement the gig-worker fast channel approves without an officer, fen; 0 turns the channel off. */
  fastChannelLimitFen: number;
}

export interface ClaimFigures {
  billTotalFen: number;
  insuranceFen: number;
  selfPaidFen: number;
}

export interface FieldProblem {
  field: string;
  zh: string;
  en: string;
}

/** Why a plan's rules cannot be evaluated; empty when they can. */
export function planRuleProblems(rules: PlanRules): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const money = ['contributionFen', 'deductibleFen', 'yearlyCapFen', 'fastChannelLimitFen'] as const;
  for (const field of money) {
    if (!Number.isSafeInteger(rules[field]) || rules[field] < 0) problems.push({ field, zh: '须为不小于 0 的整数（分）', en: 'must be a whole number of fen, 0 or more' });
  }
  if (!Number.isInteger(rules.reimbursementPercent) || rules.reimbursementPercent < 1 || rules.reimbursementPercent > 100) {
    problems.push({ field: 'reimbursementPercent', zh: '报销比例须为 1–100 的整数', en: 'must be a whole per cent from 1 to 100' });
  }
  if (rules.yearlyCapFen < 1) problems.push({ field: 'yearlyCapFen', zh: '年度封顶线须大于 0', en: 'the yearly cap must be above 0' });
  if (rules.fastChannelLimitFen > rules.yearlyCapFen) problems.push({ field: 'fastChannelLimitFen', zh: '快速通道限额不能高于年度封顶线', en: 'the fast-channel limit cannot exceed the yearly cap' });
  return problems;
}

/** Why a claim's figures are not usable (the insurance paying more than the bill, parts not adding up); empty when they are. */
export function claimFigureProblems(c: ClaimFigures): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ['billTotalFen', 'insuranceFen', 'selfPaidFen'] as const) {
    if (!Number.isSafeInteger(c[field]) || c[field] < 0) problems.push({ field, zh: '须为不小于 0 的整数（分）', en: 'must be a whole number of fen, 0 or more' });
  }
  if (problems.length > 0) return problems;
  if (c.billTotalFen < 1) return [{ field: 'billTotalFen', zh: '医疗费用总额须大于 0', en: 'the bill total must be above 0' }];
  if (c.insuranceFen > c.billTotalFen) return [{ field: 'insuranceFen', zh: '医保报销金额不能超过医疗费用总额', en: 'the insurance share cannot exceed the bill total' }];
  if (c.insuranceFen + c.selfPaidFen !== c.billTotalFen) {
    return [{ field: 'selfPaidFen', zh: '医保报销与个人自付之和须等于医疗费用总额', en: 'the insurance share and the self-paid part must add up to the bill total' }];
  }
  return problems;
}

export interface Reimbursement {
  /** What the rules give before the cap: (self-paid − deductible) × ratio, rounded down. */
  byRulesFen: number;
  /** What is paid: the rules' amount, at most what is left of the yearly cap. */
  reimbursementFen: number;
  /** The rules gave more than the cap left. */
  capped: boolean;
  /** What is left of the person's yearly cap after this claim. */
  capLeftFen: number;
}

/** What a claim gets back, given what this person was already reimbursed in the plan's year. */
export function reimbursementFor(rules: PlanRules, claim: ClaimFigures, alreadyReimbursedFen: number): Reimbursement {
  const above = Math.max(0, claim.selfPaidFen - rules.deductibleFen);
  const byRulesFen = Math.floor((above * rules.reimbursementPercent) / 100);
  const left = Math.max(0, rules.yearlyCapFen - alreadyReimbursedFen);
  const reimbursementFen = Math.min(byRulesFen, left);
  return { byRulesFen, reimbursementFen, capped: reimbursementFen < byRulesFen, capLeftFen: left - reimbursementFen };
}

/** The documents a claim needs to be complete: the hospital invoice and the insurance settlement sheet. */
export const REQUIRED_CLAIM_DOCUMENTS = ['invoice', 'insurance-settlement'] as const;
export type ClaimDocumentKind = 'invoice' | 'insurance-settlement' | 'discharge-summary' | 'other';
export const CLAIM_DOCUMENT_KINDS: readonly ClaimDocumentKind[] = ['invoice', 'insurance-settlement', 'discharge-summary', 'other'];

/**
 * The gig-worker fast channel (新就业形态劳动者快速通道): a gig worker's small claim with complete
 * documents is approved without an officer. Anything else waits for an officer.
 */
export function fastChannelApplies(rules: PlanRules, joinedVia: 'officer' | 'gig-worker', documents: readonly string[], reimbursementFen: number): boolean {
  if (joinedVia !== 'gig-worker' || rules.fastChannelLimitFen === 0) return false;
  if (!REQUIRED_CLAIM_DOCUMENTS.every((d) => documents.includes(d))) return false;
  return reimbursementFen > 0 && reimbursementFen <= rules.fastChannelLimitFen;
}

/** The gig employment forms of the member directory (外卖、网约车、快递、家政…): covered free. */
export function isGigWorker(employmentForm: string): boolean {
  return employmentForm.startsWith('gig-');
}

/** A claim's life: decided (approved or rejected), then paid through a payment batch (or directly). */
export const CLAIM_STATUSES = ['submitted', 'approved', 'rejected', 'paid', 'payment-failed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * How an approved claim's money reaches the worker: the bank's result on its payment instruction
 * (`bank-paid`, `bank-failed`), a failed one re-issued (`reissue`, back to awaiting the bank), or a
 * payment made outside the bank file and recorded by hand (`pay-directly`).
 */
export type ClaimPaymentStep = 'bank-paid' | 'bank-failed' | 'reissue' | 'pay-directly';

const PAYMENT_STEPS: Record<ClaimPaymentStep, { from: readonly ClaimStatus[]; to: ClaimStatus }> = {
  'bank-paid': { from: ['approved'], to: 'paid' },
  'bank-failed': { from: ['approved'], to: 'payment-failed' },
  reissue: { from: ['payment-failed'], to: 'approved' },
  'pay-directly': { from: ['approved', 'payment-failed'], to: 'paid' },
};

/**
 * The claim's status after a payment step, or why not: `wrong-status`, or `payment-in-batch` for a
 * payment by hand while an instruction of a batch is with the bank (it would be paid twice).
 */
export function claimAfterPayment(
  status: ClaimStatus,
  step: ClaimPaymentStep,
  instructionWithBank: boolean,
): { ok: true; to: ClaimStatus } | { ok: false; reason: 'wrong-status' | 'payment-in-batch' } {
  if (!PAYMENT_STEPS[step].from.includes(status)) return { ok: false, reason: 'wrong-status' };
  if (step === 'pay-directly' && instructionWithBank) return { ok: false, reason: 'payment-in-batch' };
  return { ok: true, to: PAYMENT_STEPS[step].to };
}
