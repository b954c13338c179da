import type { AgreementObligation } from '@gonghui/contracts';

/** The money a mediation agreement obliges, in fen: the sum of its payment obligations. */
export function totalAmountFen(obligations: readonly Pick<AgreementObligation, 'amountFen'>[]): number {
  const total = obligations.reduce((sum, o) => sum + (o.amountFen ?? 0), 0);
  if (!Number.isSafeInteger(total)) throw new Error('agreement total exceeds the safe integer range');
  return total;
}

export function normaliseObligations(input: { description: string; amountFen?: number; dueDate?: string }[]): AgreementObligation[] {
  return input.map((o) => ({ description: o.description.trim(), amountFen: o.amountFen ?? null, dueDate: o.dueDate ?? null }));
}
