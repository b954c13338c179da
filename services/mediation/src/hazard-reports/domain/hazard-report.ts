import { HAZARD_REWARD_FEN, HazardRewardLevel, HazardReportVerifiedV1 } from '@gonghui/contracts';

/**
 * A safety-hazard report (隐患举报): submitted under a verified real name, then verified by the
 * inspectors (with a reward by level: 2,000 or 3,000 yuan) or rejected, once. The reporter's name
 * is only ever shown to the handling officers; the verified event carries no identity.
 */

export type HazardReportStatus = 'submitted' | 'verified' | 'rejected';
export const HAZARD_STATUS_LABELS: Record<HazardReportStatus, string> = { submitted: '待核查', verified: '已核实', rejected: '不予核实' };

export interface HazardReportState {
  id: string;
  orgUnitId: string;
  orgUnitPath: string;
  status: HazardReportStatus;
}

export type HazardRefusal = { reason: 'not-submitted'; status: HazardReportStatus };

export function verifyReport(
  state: HazardReportState,
  command: { rewardLevel: HazardRewardLevel; now: Date },
): { ok: true; changes: { status: 'verified'; rewardLevel: HazardRewardLevel; rewardFen: number; handledAt: Date }; event: HazardReportVerifiedV1 } | { ok: false; refusal: HazardRefusal } {
  if (state.status !== 'submitted') return { ok: false, refusal: { reason: 'not-submitted', status: state.status } };
  const rewardFen = HAZARD_REWARD_FEN[command.rewardLevel];
  return {
    ok: true,
    changes: { status: 'verified', rewardLevel: command.rewardLevel, rewardFen, handledAt: command.now },
    event: { reportId: state.id, orgUnitId: state.orgUnitId, orgUnitPath: state.orgUnitPath, rewardLevel: command.rewardLevel, rewardFen, verifiedAt: command.now.toISOString() },
  };
}

export function rejectReport(
  state: HazardReportState,
  command: { reason: string; now: Date },
): { ok: true; changes: { status: 'rejected'; rejectionReason: string; handledAt: Date } } | { ok: false; refusal: HazardRefusal } {
  if (state.status !== 'submitted') return { ok: false, refusal: { reason: 'not-submitted', status: state.status } };
  return { ok: true, changes: { status: 'rejected', rejectionReason: command.reason.trim(), handledAt: command.now } };
}

/** Who may see the reporter's name: the officers who handle reports, holding the personal-data role. */
export function maySeeReporter(roles: readonly string[]): boolean {
  return roles.includes('personal-data-viewer');
}
