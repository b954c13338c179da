import type {
  AgreementObligation,
  DisputeCaseAidReferredV1,
  DisputeCaseDeclinedV1,
  DisputeCaseOpenedV1,
  DisputeCaseReceivedV1,
  DisputeCaseReferredV1,
  DisputeCaseSettledV1,
  DisputeCaseSettledV2,
  DisputeCaseSource,
  DisputeClaimType,
  DisputeReferralReason,
  DisputeReferralTarget,
} from '@gonghui/contracts';
import { normaliseObligations, totalAmountFen } from './agreement';
import { chinaDateOfStart, ReceivedClaim, StoredWorker } from './intake';
import { daysLeft, isPastLimit, limitEndsOn } from './statutory-clock';

/**
 * A dispute case's stages, as pure rules: received (受理) → settled by a written agreement, declined
 * (不予受理), or referred to arbitration/court (诉调对接); a settled case closes when its obligations
 * are performed (see follow-up/domain), or is referred on as unperformed. State plus command gives the changes and
 * the events, or a refusal; the use case loads the state (the case row locked) and writes what
 * comes back.
 */

export type CaseStatus = 'open' | 'settled' | 'declined' | 'referred' | 'closed';

export interface CaseState {
  id: string;
  memberId: string | null;
  status: CaseStatus;
}

/** Status names inside a sentence: Chinese labels in Chinese, the value in English. */
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = { open: '调解中', settled: '已达成协议（履行中）', declined: '不予受理', referred: '已转仲裁/诉讼', closed: '已结案' };

export function notOpenMessage(status: CaseStatus): string {
  return `案件当前状态为“${CASE_STATUS_LABELS[status]}”，不能办理此操作 / The case is ${status}: this action is not allowed`;
}

export interface OpenCase {
  caseId: string;
  orgUnitPath: string;
  workers: StoredWorker[];
  source: DisputeCaseSource;
  summary: string;
  employer: { name: string; creditCode: string | null };
  claims: ReceivedClaim[];
  receivedAt: Date;
  openedBy: string;
  now: Date;
}

export interface CaseOpened {
  disputeCase: {
    id: string;
    memberId: string | null;
    orgUnitPath: string;
    source: DisputeCaseSource;
    summary: string;
    employerName: string;
    employerCreditCode: string | null;
    workers: StoredWorker[];
    workerCount: number;
    claims: ReceivedClaim[];
    claimedTotalFen: string;
    receivedAt: Date;
    status: 'open';
    openedBy: string;
    openedAt: Date;
    closedAt: null;
  };
  received: DisputeCaseReceivedV1;
  /** The v1 opening event, for its consumers: when a member brings the case by one of its three sources. */
  opened: DisputeCaseOpenedV1 | null;
}

export function claimedTotalFen(claims: readonly ReceivedClaim[]): number {
  const total = claims.reduce((sum, c) => sum + (c.amountFen ?? 0), 0);
  if (!Number.isSafeInteger(total)) throw new Error('claimed total exceeds the safe integer range');
  return total;
}

const memberIdsOf = (workers: readonly StoredWorker[]) => workers.flatMap((w) => (w.memberId ? [w.memberId] : []));
const claimTypesOf = (claims: readonly ReceivedClaim[]): DisputeClaimType[] => [...new Set(claims.map((c) => c.type))];

/** A dispute reaches the centre (受理): a new open case; its first member worker (if any) is its member. */
export function openCase(command: OpenCase): CaseOpened {
  const memberIds = memberIdsOf(command.workers);
  const total = claimedTotalFen(command.claims);
  const disputeCase = {
    id: command.caseId,
    memberId: memberIds[0] ?? null,
    orgUnitPath: command.orgUnitPath,
    source: command.source,
    summary: command.summary.trim(),
    employerName: command.employer.name.trim(),
    employerCreditCode: command.employer.creditCode,
    workers: command.workers,
    workerCount: command.workers.length,
    claims: command.claims,
    claimedTotalFen: String(total),
    receivedAt: command.receivedAt,
    status: 'open' as const,
    openedBy: command.openedBy,
    openedAt: command.now,
    closedAt: null,
  };
  const received: DisputeCaseReceivedV1 = {
    caseId: disputeCase.id,
    orgUnitPath: disputeCase.orgUnitPath,
    source: disputeCase.source,
    memberIds,
    workerCount: disputeCase.workerCount,
    claimTypes: claimTypesOf(command.claims),
    claimedTotalFen: total,
    receivedOn: chinaDateOfStart(command.receivedAt),
    openedAt: command.now.toISOString(),
  };
  const opened =
    disputeCase.memberId && disputeCase.source !== 'court-delegation'
      ? { caseId: disputeCase.id, memberId: disputeCase.memberId, source: disputeCase.source, openedAt: command.now.toISOString() }
      : null;
  return { disputeCase, received, opened };
}

export type SimpleRefusal = { reason: 'case-not-open'; status: CaseStatus };

/** Decline an application (不予受理), e.g. outside mediation's scope: only while it is open. */
export function declineCase(
  state: CaseState & { orgUnitPath: string },
  command: { reason: string; now: Date },
): { ok: true; changes: { status: 'declined'; declineReason: string; closedAt: Date }; event: DisputeCaseDeclinedV1 } | { ok: false; refusal: SimpleRefusal } {
  if (state.status !== 'open') return { ok: false, refusal: { reason: 'case-not-open', status: state.status } };
  return {
    ok: true,
    changes: { status: 'declined', declineReason: command.reason.trim(), closedAt: command.now },
    event: { caseId: state.id, orgUnitPath: state.orgUnitPath, declinedAt: command.now.toISOString() },
  };
}

/** What goes to the arbitration commission or court with a referred case (移送材料). */
export interface ReferralPackage {
  referredTo: DisputeReferralTarget;
  reason: DisputeReferralReason;
  note: string | null;
  workers: { memberId: string | null; maskedName: string | null; maskedContact: string | null }[];
  employer: { name: string; creditCode: string | null };
  claims: ReceivedClaim[];
  claimedTotalFen: number;
  sessionsHeld: { heldAt: string; kind: string }[];
  receivedOn: string;
  limitEndsOn: string;
  referredAt: string;
}

export type ReferRefusal = SimpleRefusal | { reason: 'not-past-limit'; daysLeft: number };

export interface ReferCase {
  referredTo: DisputeReferralTarget;
  reason: DisputeReferralReason;
  note: string | null;
  sessionsHeld: { heldAt: string; kind: string }[];
  today: string;
  now: Date;
}

/**
 * Refer an open case on (诉调对接): as lapsed once the statutory limit has passed, or as failed
 * (调解不成) at any time. The package carries parties, claims, sessions held and the reason.
 */
export function referCase(
  state: CaseState & {
    orgUnitPath: string;
    workers: StoredWorker[];
    employerName: string;
    employerCreditCode: string | null;
    claims: ReceivedClaim[];
    receivedAt: Date;
  },
  command: ReferCase,
):
  | { ok: true; changes: { status: 'referred'; referral: ReferralPackage; closedAt: Date }; event: DisputeCaseReferredV1 }
  | { ok: false; refusal: ReferRefusal } {
  // An open case goes on as lapsed or failed; a settled one only as unperformed (协议未履行).
  const allowed = command.reason === 'unperformed' ? state.status === 'settled' : state.status === 'open';
  if (!allowed) return { ok: false, refusal: { reason: 'case-not-open', status: state.status } };
  const receivedOn = chinaDateOfStart(state.receivedAt);
  if (command.reason === 'lapsed' && !isPastLimit(receivedOn, command.today)) {
    return { ok: false, refusal: { reason: 'not-past-limit', daysLeft: daysLeft(receivedOn, command.today) } };
  }
  const total = claimedTotalFen(state.claims);
  const referral: ReferralPackage = {
    referredTo: command.referredTo,
    reason: command.reason,
    note: command.note?.trim() || null,
    workers: state.workers.map((w) => ({ memberId: w.memberId, maskedName: w.maskedName, maskedContact: w.maskedContact })),
    employer: { name: state.employerName, creditCode: state.employerCreditCode },
    claims: state.claims,
    claimedTotalFen: total,
    sessionsHeld: command.sessionsHeld,
    receivedOn,
    limitEndsOn: limitEndsOn(receivedOn),
    referredAt: command.now.toISOString(),
  };
  return {
    ok: true,
    changes: { status: 'referred', referral, closedAt: command.now },
    event: {
      caseId: state.id,
      orgUnitPath: state.orgUnitPath,
      referredTo: command.referredTo,
      reason: command.reason,
      memberIds: memberIdsOf(state.workers),
      claimTypes: claimTypesOf(state.claims),
      claimedTotalFen: total,
      receivedOn,
      referredAt: command.now.toISOString(),
    },
  };
}

export interface SettleCase {
  agreementId: string;
  obligations: { description: string; amountFen?: number; dueDate?: string; payer?: Party; payee?: Party }[];
  now: Date;
}

/** An obligation row to track, in the agreement's order: the employer pays the worker unless said otherwise. */
export interface ObligationRow {
  seq: number;
  description: string;
  payer: Party;
  payee: Party;
  amountFen: number | null;
  dueDate: string | null;
}

export type Party = 'employer' | 'worker';

export type SettleRefusal = { reason: 'case-not-open'; status: CaseStatus } | { reason: 'no-obligations' };

export interface CaseSettled {
  ok: true;
  changes: { status: 'settled' };
  obligationRows: ObligationRow[];
  agreement: { id: string; caseId: string; obligations: AgreementObligation[]; totalAmountFen: number; signedAt: Date };
  /** Every settled case is announced by v2 (member ids, possibly none, and the worker count). */
  settled: DisputeCaseSettledV2;
  /** The v1 settled event names the member; a case of non-member workers only is not announced by it. */
  event: DisputeCaseSettledV1 | null;
}

/** Settle an open case with a written mediation agreement: once, and with at least one obligation; it closes once they are performed. */
export function settleCase(
  state: CaseState & { orgUnitPath: string; workers: StoredWorker[]; workerCount: number },
  command: SettleCase,
): CaseSettled | { ok: false; refusal: SettleRefusal } {
  if (state.status !== 'open') return { ok: false, refusal: { reason: 'case-not-open', status: state.status } };
  const obligations = normaliseObligations(command.obligations);
  if (obligations.length === 0) return { ok: false, refusal: { reason: 'no-obligations' } };
  const total = totalAmountFen(obligations);
  return {
    ok: true,
    changes: { status: 'settled' },
    obligationRows: obligations.map((o, i) => ({
      seq: i + 1,
      description: o.description,
      payer: command.obligations[i].payer ?? 'employer',
      payee: command.obligations[i].payee ?? 'worker',
      amountFen: o.amountFen,
      dueDate: o.dueDate,
    })),
    agreement: { id: command.agreementId, caseId: state.id, obligations, totalAmountFen: total, signedAt: command.now },
    settled: {
      caseId: state.id,
      orgUnitPath: state.orgUnitPath,
      memberIds: memberIdsOf(state.workers),
      workerCount: state.workerCount,
      agreementId: command.agreementId,
      obligations,
      totalAmountFen: total,
      settledAt: command.now.toISOString(),
    },
    event: state.memberId
      ? {
          caseId: state.id,
          memberId: state.memberId,
          agreementId: command.agreementId,
          obligations,
          totalAmountFen: total,
          settledAt: command.now.toISOString(),
        }
      : null,
  };
}

export type AidReferralRefusal = { reason: 'not-a-member-worker' } | { reason: 'already-referred' };

/**
 * Refer a member worker of the case to aid for hardship (困难帮扶转介), at any stage of the case:
 * hardship can show at intake as well as after settlement. Only a member worker of this case
 * (aid serves members), once per worker and case.
 */
export function referToAid(
  state: CaseState & { orgUnitPath: string; workers: StoredWorker[]; agreedAmountFen: number | null },
  command: { memberId: string; alreadyReferred: boolean; now: Date },
): { ok: true; event: DisputeCaseAidReferredV1 } | { ok: false; refusal: AidReferralRefusal } {
  if (!memberIdsOf(state.workers).includes(command.memberId)) return { ok: false, refusal: { reason: 'not-a-member-worker' } };
  if (command.alreadyReferred) return { ok: false, refusal: { reason: 'already-referred' } };
  return {
    ok: true,
    event: {
      caseId: state.id,
      orgUnitPath: state.orgUnitPath,
      memberId: command.memberId,
      caseStatus: state.status,
      agreedAmountFen: state.agreedAmountFen,
      referredAt: command.now.toISOString(),
    },
  };
}
