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

export type SigningParty = 'worker' | 'employer' | 'mediator';
export type ConfirmationOutcome = 'pending' | 'confirmed' | 'rejected';

export interface SignatureState {
  party: SigningParty;
  signer: string;
  signedOn: string;
}

export interface ConfirmationState {
  court: string;
  requestedOn: string;
  outcome: ConfirmationOutcome;
  decidedOn: string | null;
}

/** Signatures of the parties (签字): one per signer and party; the same signer twice is refused. */
export function addSignature(existing: readonly SignatureState[], next: SignatureState): { ok: true; signatures: SignatureState[] } | { ok: false; reason: 'already-signed' } {
  const signer = next.signer.trim();
  if (existing.some((s) => s.party === next.party && s.signer === signer)) return { ok: false, reason: 'already-signed' };
  return { ok: true, signatures: [...existing, { ...next, signer }] };
}

/**
 * Judicial confirmation (司法确认): requested once, with the court and the date; a rejected one may
 * be requested again (e.g. after the agreement is amended). Its outcome is recorded once, not before
 * the request.
 */
export function requestConfirmation(
  current: ConfirmationState | null,
  request: { court: string; requestedOn: string; agreementSignedOn: string },
): { ok: true; confirmation: ConfirmationState } | { ok: false; reason: 'already-requested' | 'before-agreement'; outcome?: ConfirmationOutcome } {
  if (current && current.outcome !== 'rejected') return { ok: false, reason: 'already-requested', outcome: current.outcome };
  if (request.requestedOn < request.agreementSignedOn) return { ok: false, reason: 'before-agreement' };
  return { ok: true, confirmation: { court: request.court.trim(), requestedOn: request.requestedOn, outcome: 'pending', decidedOn: null } };
}

export function recordConfirmationOutcome(
  current: ConfirmationState | null,
  decision: { outcome: 'confirmed' | 'rejected'; decidedOn: string },
): { ok: true; confirmation: ConfirmationState } | { ok: false; reason: 'not-requested' | 'already-decided' | 'before-request' } {
  if (!current) return { ok: false, reason: 'not-requested' };
  if (current.outcome !== 'pending') return { ok: false, reason: 'already-decided' };
  if (decision.decidedOn < current.requestedOn) return { ok: false, reason: 'before-request' };
  return { ok: true, confirmation: { ...current, outcome: decision.outcome, decidedOn: decision.decidedOn } };
}
