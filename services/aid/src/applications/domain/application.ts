/**
 * The stages of an aid application (帮扶申请) and the rules of moving between them. Pure: no
 * Nest, TypeORM or I/O. Each action is allowed from some stages only; anything else is refused
 * naming the stage the application is in.
 */

export type ApplicationStage =
  | 'submitted'
  | 'reviewed'
  | 'investigated'
  | 'in-public-notice'
  | 'notice-completed'
  | 'decided'
  | 'approved'
  | 'rejected'
  | 'cancelled'
  | 'disbursed'
  | 'followed-up';

export const APPLICATION_STAGES: readonly ApplicationStage[] = [
  'submitted',
  'reviewed',
  'investigated',
  'in-public-notice',
  'notice-completed',
  'decided',
  'approved',
  'rejected',
  'cancelled',
  'disbursed',
  'followed-up',
];

/** How a stage reads inside a Chinese sentence. */
export const STAGE_LABELS: Record<ApplicationStage, string> = {
  submitted: '已受理',
  reviewed: '已初审',
  investigated: '已入户调查',
  'in-public-notice': '公示中',
  'notice-completed': '公示期满',
  decided: '已集体研究',
  approved: '已批准',
  rejected: '不予救助',
  cancelled: '已撤销',
  disbursed: '已发放',
  'followed-up': '已回访',
};

/** Stages in which an application is still being worked on (a member who leaves flags these). */
export const OPEN_STAGES: readonly ApplicationStage[] = ['submitted', 'reviewed', 'investigated', 'in-public-notice', 'notice-completed', 'decided', 'approved'];

export type ApplicationAction =
  | 'review'
  | 'investigate'
  | 'start-notice'
  | 'lodge-objection'
  | 'resolve-objection'
  | 'close-notice'
  | 'decide'
  | 'approve'
  | 'chair-approve'
  | 'ratify'
  | 'reject'
  | 'cancel'
  | 'disburse'
  | 'follow-up';

/** From which stages each action may be taken, and the stage it leads to (null: stays). */
const TRANSITIONS: Record<ApplicationAction, { from: readonly ApplicationStage[]; to: ApplicationStage | null }> = {
  review: { from: ['submitted'], to: 'reviewed' },
  investigate: { from: ['reviewed'], to: 'investigated' },
  'start-notice': { from: ['investigated'], to: 'in-public-notice' },
  'lodge-objection': { from: ['in-public-notice'], to: null },
  'resolve-objection': { from: ['in-public-notice'], to: null },
  'close-notice': { from: ['in-public-notice'], to: 'notice-completed' },
  decide: { from: ['notice-completed'], to: 'decided' },
  approve: { from: ['decided'], to: 'approved' },
  'chair-approve': { from: ['submitted', 'reviewed', 'investigated'], to: 'approved' },
  ratify: { from: ['approved', 'disbursed', 'followed-up'], to: null },
  reject: { from: ['submitted', 'reviewed', 'investigated', 'in-public-notice', 'notice-completed', 'decided'], to: 'rejected' },
  cancel: { from: ['approved'], to: 'cancelled' },
  disburse: { from: ['approved'], to: 'disbursed' },
  'follow-up': { from: ['disbursed'], to: 'followed-up' },
};

/** The fast track (特事特办) skips the public notice: the committee may decide right after the investigation. */
const FAST_TRACK_EXTRA_FROM: Partial<Record<ApplicationAction, readonly ApplicationStage[]>> = {
  decide: ['investigated'],
};

export interface StageState {
  stage: ApplicationStage;
  fastTrack: boolean;
  /** Set when the chair approved alone and the committee has not yet ratified. */
  awaitingRatification: boolean;
}

export type StageRefusal =
  | { reason: 'wrong-stage'; stage: ApplicationStage; action: ApplicationAction }
  | { reason: 'not-fast-track' }
  | { reason: 'nothing-to-ratify' };

export type StageOutcome = { ok: true; to: ApplicationStage } | { ok: false; refusal: StageRefusal };

/** Where `action` takes an application in `state`, or why it cannot be taken now. */
export function nextStage(state: StageState, action: ApplicationAction): StageOutcome {
  const rule = TRANSITIONS[action];
  const from = state.fastTrack ? [...rule.from, ...(FAST_TRACK_EXTRA_FROM[action] ?? [])] : rule.from;
  if (!from.includes(state.stage)) return { ok: false, refusal: { reason: 'wrong-stage', stage: state.stage, action } };
  if (action === 'chair-approve' && !state.fastTrack) return { ok: false, refusal: { reason: 'not-fast-track' } };
  if (action === 'ratify' && !state.awaitingRatification) return { ok: false, refusal: { reason: 'nothing-to-ratify' } };
  return { ok: true, to: rule.to ?? state.stage };
}

/**
 * The actions an officer takes through the API, in the order of the path. `disburse` is not one:
 * the bank's result file disburses an application (disbursement).
 */
export const OFFICER_ACTIONS = [
  'review',
  'investigate',
  'start-notice',
  'lodge-objection',
  'resolve-objection',
  'close-notice',
  'decide',
  'approve',
  'chair-approve',
  'ratify',
  'reject',
  'cancel',
  'follow-up',
] as const satisfies readonly ApplicationAction[];
export type OfficerAction = (typeof OFFICER_ACTIONS)[number];

/**
 * What an officer may do with the application now, as the stage machine sees it: every action
 * `nextStage` would take from here (so chair approval only on the fast track, ratification only
 * while a chair's approval awaits it), and resolving an objection only while one is open. Rules
 * that depend on the day or on money (a notice still running, a short budget) are left to the
 * action itself, which refuses them with its reason.
 */
export function allowedActions(state: StageState & { openObjections: number }): OfficerAction[] {
  return OFFICER_ACTIONS.filter((action) => nextStage(state, action).ok && (action !== 'resolve-objection' || state.openObjections > 0));
}

/** Only emergency aid may take the fast track. */
export function mayFastTrack(kind: string): boolean {
  return kind === 'emergency';
}

export interface FieldProblem {
  field: string;
  message: string;
}

export interface Vote {
  attendees: readonly string[];
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
}

/**
 * A collective decision (集体研究) must have attendees, and no more votes than attendees
 * (each attendee votes once at most); attendees are named once.
 */
export function voteProblems(vote: Vote): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const names = vote.attendees.map((a) => a.trim());
  if (names.length === 0 || names.some((n) => n === '')) problems.push({ field: 'attendees', message: '须列出参会人员 / the attendees must be named' });
  else if (new Set(names).size !== names.length) problems.push({ field: 'attendees', message: '参会人员重复 / an attendee is named twice' });
  const votes = vote.votesFor + vote.votesAgainst + vote.abstentions;
  if (votes > names.length) {
    problems.push({ field: 'votesFor', message: `票数合计 ${votes} 超过参会人数 ${names.length} / ${votes} votes from ${names.length} attendees` });
  }
  return problems;
}

/** The decision carries when more than half of those attending voted for it. */
export function votePassed(vote: Vote): boolean {
  return vote.votesFor * 2 > vote.attendees.length;
}

/** The amount decided on: a positive whole number of fen, at most what was asked for. */
export function approvedAmountProblems(approvedFen: number, requestedFen: number): FieldProblem[] {
  if (!Number.isSafeInteger(approvedFen) || approvedFen <= 0) return [{ field: 'approvedAmountFen', message: '须为正整数（分） / must be a positive number of fen' }];
  if (approvedFen > requestedFen) return [{ field: 'approvedAmountFen', message: `不能超过申请金额 ${requestedFen} 分 / more than the ${requestedFen} fen requested` }];
  return [];
}

/** The public notice (公示) ends `days` calendar days after it starts (YYYY-MM-DD, China dates). */
export function noticeEndsOn(startsOn: string, days: number): string {
  const start = Date.parse(`${startsOn}T00:00:00Z`);
  return new Date(start + days * 86_400_000).toISOString().slice(0, 10);
}

export type NoticeRefusal = { reason: 'notice-running'; endsOn: string } | { reason: 'objections-open'; open: number };

/** A notice may be closed once its days have run and every objection is resolved. */
export function mayCloseNotice(notice: { endsOn: string; openObjections: number }, today: string): { ok: true } | { ok: false; refusal: NoticeRefusal } {
  if (today < notice.endsOn) return { ok: false, refusal: { reason: 'notice-running', endsOn: notice.endsOn } };
  if (notice.openObjections > 0) return { ok: false, refusal: { reason: 'objections-open', open: notice.openObjections } };
  return { ok: true };
}

/**
 * The fast-track clock: hours from submission until payment (or until now, while unpaid), and
 * whether it ran past the federation's target.
 */
export function fastTrackClock(submittedAt: Date, paidAt: Date | null, now: Date, targetHours: number): { hoursElapsed: number; overdue: boolean } {
  const until = paidAt ?? now;
  const hoursElapsed = Math.max(0, Math.floor((until.getTime() - submittedAt.getTime()) / 3_600_000));
  const overdue = until.getTime() - submittedAt.getTime() > targetHours * 3_600_000;
  return { hoursElapsed, overdue };
}

/**
 * A follow-up visit (回访) falls due `days` calendar days after the payment's China date. A
 * campaign's payment (e.g. 16,000 Spring Festival 送温暖 payees) schedules none: the campaign is a
 * standard benefit to a checked list, not a case an officer visits again.
 */
export function followUpDueOn(paidOn: string, days: number, campaignPayment = false): string | null {
  return campaignPayment ? null : noticeEndsOn(paidOn, days);
}

/** Overdue: the due day has passed and no follow-up was recorded. */
export function followUpOverdue(dueOn: string | null, followedUp: boolean, today: string): boolean {
  return dueOn !== null && !followedUp && today > dueOn;
}
