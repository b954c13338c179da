import type { AgreementObligation, DisputeCaseOpenedV1, DisputeCaseSettledV1, DisputeCaseSource } from '@gonghui/contracts';
import { normaliseObligations, totalAmountFen } from './agreement';

/**
 * A dispute case's stages, as pure rules: opened → settled by a written agreement. State plus
 * command gives the changes and the event, or a refusal; the use case loads the state (the
 * case row locked) and writes what comes back.
 */

export type CaseStatus = 'open' | 'settled';

export interface CaseState {
  id: string;
  memberId: string;
  status: CaseStatus;
}

export interface OpenCase {
  caseId: string;
  member: { memberId: string; orgUnitPath: string };
  source: DisputeCaseSource;
  summary: string;
  employerName: string;
  openedBy: string;
  now: Date;
}

export interface CaseOpened {
  disputeCase: {
    id: string;
    memberId: string;
    orgUnitPath: string;
    source: DisputeCaseSource;
    summary: string;
    employerName: string;
    status: 'open';
    openedBy: string;
    openedAt: Date;
    closedAt: null;
  };
  event: DisputeCaseOpenedV1;
}

/** A dispute reaches the centre (立案): a new open case for a known worker. */
export function openCase(command: OpenCase): CaseOpened {
  const disputeCase = {
    id: command.caseId,
    memberId: command.member.memberId,
    orgUnitPath: command.member.orgUnitPath,
    source: command.source,
    summary: command.summary,
    employerName: command.employerName,
    status: 'open' as const,
    openedBy: command.openedBy,
    openedAt: command.now,
    closedAt: null,
  };
  return { disputeCase, event: { caseId: disputeCase.id, memberId: disputeCase.memberId, source: disputeCase.source, openedAt: command.now.toISOString() } };
}

export interface SettleCase {
  agreementId: string;
  obligations: { description: string; amountFen?: number; dueDate?: string }[];
  now: Date;
}

export type SettleRefusal = { reason: 'case-not-open'; status: CaseStatus } | { reason: 'no-obligations' };

export interface CaseSettled {
  ok: true;
  changes: { status: 'settled'; closedAt: Date };
  agreement: { id: string; caseId: string; obligations: AgreementObligation[]; totalAmountFen: number; signedAt: Date };
  event: DisputeCaseSettledV1;
}

/** Close an open case with a written mediation agreement: once, and with at least one obligation. */
export function settleCase(state: CaseState, command: SettleCase): CaseSettled | { ok: false; refusal: SettleRefusal } {
  if (state.status !== 'open') return { ok: false, refusal: { reason: 'case-not-open', status: state.status } };
  const obligations = normaliseObligations(command.obligations);
  if (obligations.length === 0) return { ok: false, refusal: { reason: 'no-obligations' } };
  const total = totalAmountFen(obligations);
  return {
    ok: true,
    changes: { status: 'settled', closedAt: command.now },
    agreement: { id: command.agreementId, caseId: state.id, obligations, totalAmountFen: total, signedAt: command.now },
    event: {
      caseId: state.id,
      memberId: state.memberId,
      agreementId: command.agreementId,
      obligations,
      totalAmountFen: total,
      settledAt: command.now.toISOString(),
    },
  };
}
