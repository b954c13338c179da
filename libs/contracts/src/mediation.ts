import { defineEvent, schemaParts as p } from './contract';

/** screening 日常排查, complaint 职工投诉, referral 转介, court-delegation 法院委派. */
export type DisputeCaseSource = 'screening' | 'complaint' | 'referral' | 'court-delegation';
export const DISPUTE_CASE_SOURCES: readonly DisputeCaseSource[] = ['screening', 'complaint', 'referral', 'court-delegation'];

/** Typed claims (仲裁请求事项): unpaid wages, social insurance, work injury, termination compensation, overtime, maternity, other. */
export type DisputeClaimType = 'unpaid-wages' | 'social-insurance' | 'work-injury' | 'termination-compensation' | 'overtime' | 'maternity' | 'other';
export const DISPUTE_CLAIM_TYPES: readonly DisputeClaimType[] = ['unpaid-wages', 'social-insurance', 'work-injury', 'termination-compensation', 'overtime', 'maternity', 'other'];

export interface DisputeCaseOpenedV1 {
  caseId: string;
  memberId: string;
  source: DisputeCaseSource;
  openedAt: string;
}

export const DisputeCaseOpenedV1 = defineEvent<DisputeCaseOpenedV1>({
  type: 'cn.gonghui.mediation.case.opened.v1',
  topic: 'gonghui.mediation.case.v1',
  producer: 'mediation',
  keyField: 'caseId',
  summary: 'A labour dispute case was opened (劳动争议立案)',
  description: 'A dispute reached a mediation centre by screening, complaint or referral.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['caseId', 'memberId', 'source', 'openedAt'],
    properties: {
      caseId: p.uuid,
      memberId: p.uuid,
      source: { type: 'string', enum: ['screening', 'complaint', 'referral'], description: 'v1 consumers know these three; a court-delegated case is announced by case.received.v1 only' },
      openedAt: p.timestamp,
    },
  },
  example: {
    caseId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    source: 'complaint',
    openedAt: '2026-11-24T09:00:00.000+08:00',
  },
});

export interface AgreementObligation {
  description: string;
  amountFen: number | null;
  dueDate: string | null;
}

export interface DisputeCaseSettledV1 {
  caseId: string;
  memberId: string;
  agreementId: string;
  obligations: AgreementObligation[];
  totalAmountFen: number;
  settledAt: string;
}

const OBLIGATIONS_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['description', 'amountFen', 'dueDate'],
    properties: {
      description: { type: 'string', minLength: 1, maxLength: 500 },
      amountFen: { oneOf: [p.fen, { type: 'null' }] },
      dueDate: { oneOf: [{ type: 'string', format: 'date' }, { type: 'null' }] },
    },
  },
};

export const DisputeCaseSettledV1 = defineEvent<DisputeCaseSettledV1>({
  type: 'cn.gonghui.mediation.case.settled.v1',
  topic: 'gonghui.mediation.case.v1',
  producer: 'mediation',
  keyField: 'caseId',
  summary: 'A dispute case was closed with a mediation agreement (调解协议)',
  description:
    'The parties signed a written mediation agreement; its obligations are followed up until performed. The aid service records a referral for the worker.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['caseId', 'memberId', 'agreementId', 'obligations', 'totalAmountFen', 'settledAt'],
    properties: {
      caseId: p.uuid,
      memberId: p.uuid,
      agreementId: p.uuid,
      obligations: OBLIGATIONS_SCHEMA,
      totalAmountFen: p.fen,
      settledAt: p.timestamp,
    },
  },
  example: {
    caseId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    agreementId: '2b3c4d5e-6f70-4819-a2b3-c4d5e6f7a8b9',
    obligations: [{ description: '用人单位支付生育津贴 / employer pays maternity allowance', amountFen: 2_500_000, dueDate: '2026-12-31' }],
    totalAmountFen: 2_500_000,
    settledAt: '2026-11-24T16:00:00.000+08:00',
  },
});

/** Reward levels for a verified safety-hazard report (隐患举报奖励), in fen: 2,000 and 3,000 yuan. */
export type HazardRewardLevel = 1 | 2;
export const HAZARD_REWARD_FEN: Readonly<Record<HazardRewardLevel, number>> = { 1: 200_000, 2: 300_000 };

export interface HazardReportVerifiedV1 {
  reportId: string;
  orgUnitId: string;
  orgUnitPath: string;
  rewardLevel: HazardRewardLevel;
  rewardFen: number;
  verifiedAt: string;
}

export const HazardReportVerifiedV1 = defineEvent<HazardReportVerifiedV1>({
  type: 'cn.gonghui.mediation.hazard-report.verified.v1',
  topic: 'gonghui.mediation.hazard-report.v1',
  producer: 'mediation',
  keyField: 'reportId',
  summary: 'A safety-hazard report was verified by inspectors and earns a reward (隐患举报核实)',
  description:
    'Inspectors verified a real-name hazard report. The aid service pays the reward (level 1 = 200000 fen, level 2 = 300000 fen) from a budget of the org unit subtree. The reporter’s identity is never in this event.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['reportId', 'orgUnitId', 'orgUnitPath', 'rewardLevel', 'rewardFen', 'verifiedAt'],
    properties: {
      reportId: p.uuid,
      orgUnitId: p.uuid,
      orgUnitPath: p.orgUnitPath,
      rewardLevel: { type: 'integer', enum: [1, 2], description: '1 = 2,000 yuan, 2 = 3,000 yuan' },
      rewardFen: { type: 'integer', enum: [200_000, 300_000], description: 'Reward in fen, fixed by the level' },
      verifiedAt: p.timestamp,
    },
  },
  example: {
    reportId: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    rewardLevel: 2,
    rewardFen: 300_000,
    verifiedAt: '2026-11-24T08:00:00.000Z',
  },
});

export interface DisputeCaseReceivedV1 {
  caseId: string;
  orgUnitPath: string;
  source: DisputeCaseSource;
  memberIds: string[];
  workerCount: number;
  claimTypes: DisputeClaimType[];
  claimedTotalFen: number;
  receivedOn: string;
  openedAt: string;
}

export const DisputeCaseReceivedV1 = defineEvent<DisputeCaseReceivedV1>({
  type: 'cn.gonghui.mediation.case.received.v1',
  topic: 'gonghui.mediation.case.v1',
  producer: 'mediation',
  keyField: 'caseId',
  summary: 'A mediation application was accepted (受理)',
  description:
    'Intake of a dispute: its source, the member workers (non-member workers only counted), the claim types and total claimed in fen, and the date the application was received, from which the 15-day statutory clock runs. No names or contacts.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['caseId', 'orgUnitPath', 'source', 'memberIds', 'workerCount', 'claimTypes', 'claimedTotalFen', 'receivedOn', 'openedAt'],
    properties: {
      caseId: p.uuid,
      orgUnitPath: p.orgUnitPath,
      source: { type: 'string', enum: DISPUTE_CASE_SOURCES },
      memberIds: { type: 'array', items: p.uuid, maxItems: 200 },
      workerCount: { type: 'integer', minimum: 1 },
      claimTypes: { type: 'array', items: { type: 'string', enum: DISPUTE_CLAIM_TYPES } },
      claimedTotalFen: p.fen,
      receivedOn: { type: 'string', format: 'date', description: 'China calendar date the application was received' },
      openedAt: p.timestamp,
    },
  },
  example: {
    caseId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928',
    orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    source: 'court-delegation',
    memberIds: ['8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6'],
    workerCount: 3,
    claimTypes: ['unpaid-wages', 'overtime'],
    claimedTotalFen: 4_650_000,
    receivedOn: '2026-11-20',
    openedAt: '2026-11-24T01:00:00.000Z',
  },
});

export interface DisputeCaseDeclinedV1 {
  caseId: string;
  orgUnitPath: string;
  declinedAt: string;
}

export const DisputeCaseDeclinedV1 = defineEvent<DisputeCaseDeclinedV1>({
  type: 'cn.gonghui.mediation.case.declined.v1',
  topic: 'gonghui.mediation.case.v1',
  producer: 'mediation',
  keyField: 'caseId',
  summary: 'A mediation application was declined (不予受理)',
  description: 'The centre declined the case, e.g. as outside the scope of mediation; the reason stays in the service.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['caseId', 'orgUnitPath', 'declinedAt'],
    properties: { caseId: p.uuid, orgUnitPath: p.orgUnitPath, declinedAt: p.timestamp },
  },
  example: { caseId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928', orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/', declinedAt: '2026-11-24T02:00:00.000Z' },
});

export type DisputeReferralTarget = 'arbitration' | 'court';
export type DisputeReferralReason = 'lapsed' | 'mediation-failed' | 'unperformed';

export interface DisputeCaseReferredV1 {
  caseId: string;
  orgUnitPath: string;
  referredTo: DisputeReferralTarget;
  reason: DisputeReferralReason;
  memberIds: string[];
  claimTypes: DisputeClaimType[];
  claimedTotalFen: number;
  receivedOn: string;
  referredAt: string;
}

export const DisputeCaseReferredV1 = defineEvent<DisputeCaseReferredV1>({
  type: 'cn.gonghui.mediation.case.referred.v1',
  topic: 'gonghui.mediation.case.v1',
  producer: 'mediation',
  keyField: 'caseId',
  summary: 'A lapsed, failed or unperformed mediation was referred to arbitration or court (诉调对接)',
  description:
    'The 15-day statutory limit passed without agreement, or mediation failed: the case goes to labour arbitration or the court with a referral package (kept in the service; no names, contacts or session notes here).',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['caseId', 'orgUnitPath', 'referredTo', 'reason', 'memberIds', 'claimTypes', 'claimedTotalFen', 'receivedOn', 'referredAt'],
    properties: {
      caseId: p.uuid,
      orgUnitPath: p.orgUnitPath,
      referredTo: { type: 'string', enum: ['arbitration', 'court'] },
      reason: { type: 'string', enum: ['lapsed', 'mediation-failed', 'unperformed'], description: 'lapsed 超过法定期限, mediation-failed 调解不成, unperformed 协议未履行' },
      memberIds: { type: 'array', items: p.uuid, maxItems: 200 },
      claimTypes: { type: 'array', items: { type: 'string', enum: DISPUTE_CLAIM_TYPES } },
      claimedTotalFen: p.fen,
      receivedOn: { type: 'string', format: 'date' },
      referredAt: p.timestamp,
    },
  },
  example: {
    caseId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928',
    orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    referredTo: 'arbitration',
    reason: 'lapsed',
    memberIds: ['8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6'],
    claimTypes: ['unpaid-wages'],
    claimedTotalFen: 1_200_000,
    receivedOn: '2026-11-01',
    referredAt: '2026-11-24T02:00:00.000Z',
  },
});

export interface DisputeCasePanelAssignedV1 {
  caseId: string;
  orgUnitPath: string;
  leadMediatorId: string;
  coMediatorIds: string[];
  assignedAt: string;
}

export const DisputeCasePanelAssignedV1 = defineEvent<DisputeCasePanelAssignedV1>({
  type: 'cn.gonghui.mediation.case.panel-assigned.v1',
  topic: 'gonghui.mediation.case.v1',
  producer: 'mediation',
  keyField: 'caseId',
  summary: 'A mediation panel was formed for a case (组成调解组)',
  description: 'One lead mediator and up to four co-mediators from different parties of the five-party mechanism, vetted and without conflicts.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['caseId', 'orgUnitPath', 'leadMediatorId', 'coMediatorIds', 'assignedAt'],
    properties: {
      caseId: p.uuid,
      orgUnitPath: p.orgUnitPath,
      leadMediatorId: p.uuid,
      coMediatorIds: { type: 'array', items: p.uuid, maxItems: 4 },
      assignedAt: p.timestamp,
    },
  },
  example: {
    caseId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928',
    orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    leadMediatorId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    coMediatorIds: ['1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e'],
    assignedAt: '2026-11-24T02:00:00.000Z',
  },
});

export interface MediationSessionHeldV1 {
  sessionId: string;
  caseId: string;
  orgUnitPath: string;
  kind: 'joint' | 'separate';
  attendeeCount: number;
  heldAt: string;
}

export const MediationSessionHeldV1 = defineEvent<MediationSessionHeldV1>({
  type: 'cn.gonghui.mediation.case.session-held.v1',
  topic: 'gonghui.mediation.case.v1',
  producer: 'mediation',
  keyField: 'caseId',
  summary: 'A mediation session was held (调解：面对面/背对背)',
  description: 'A joint or separate session of a case. The notes and the attendees’ names stay in the service.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['sessionId', 'caseId', 'orgUnitPath', 'kind', 'attendeeCount', 'heldAt'],
    properties: {
      sessionId: p.uuid,
      caseId: p.uuid,
      orgUnitPath: p.orgUnitPath,
      kind: { type: 'string', enum: ['joint', 'separate'] },
      attendeeCount: { type: 'integer', minimum: 1 },
      heldAt: p.timestamp,
    },
  },
  example: {
    sessionId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    caseId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928',
    orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    kind: 'joint',
    attendeeCount: 4,
    heldAt: '2026-11-22T02:00:00.000Z',
  },
});

export interface MediationObligationPerformedV1 {
  obligationId: string;
  caseId: string;
  orgUnitPath: string;
  amountFen: number | null;
  /** The case closed with this one: every obligation of its agreement is performed (履行完毕). */
  caseClosed: boolean;
  performedAt: string;
}

export const MediationObligationPerformedV1 = defineEvent<MediationObligationPerformedV1>({
  type: 'cn.gonghui.mediation.case.obligation-performed.v1',
  topic: 'gonghui.mediation.case.v1',
  producer: 'mediation',
  keyField: 'caseId',
  summary: 'An obligation of a mediation agreement was performed (协议义务履行)',
  description: 'Paid in full (part payments added up) or, for a non-monetary term, marked performed. caseClosed says the case closed with it.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['obligationId', 'caseId', 'orgUnitPath', 'amountFen', 'caseClosed', 'performedAt'],
    properties: {
      obligationId: p.uuid,
      caseId: p.uuid,
      orgUnitPath: p.orgUnitPath,
      amountFen: { oneOf: [p.fen, { type: 'null' }] },
      caseClosed: { type: 'boolean' },
      performedAt: p.timestamp,
    },
  },
  example: {
    obligationId: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
    caseId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928',
    orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    amountFen: 1_200_000,
    caseClosed: true,
    performedAt: '2026-12-01T02:00:00.000Z',
  },
});

export interface MediationObligationOverdueV1 {
  obligationId: string;
  caseId: string;
  orgUnitPath: string;
  dueDate: string;
  daysOverdue: number;
  outstandingFen: number | null;
  followUpOn: string;
}

export const MediationObligationOverdueV1 = defineEvent<MediationObligationOverdueV1>({
  type: 'cn.gonghui.mediation.case.obligation-overdue.v1',
  topic: 'gonghui.mediation.case.v1',
  producer: 'mediation',
  keyField: 'caseId',
  summary: 'An obligation is overdue and a follow-up visit was scheduled (逾期未履行，安排回访)',
  description: 'An obligation not performed N days (7 by default) after its due date was flagged once; a follow-up visit is due on followUpOn.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['obligationId', 'caseId', 'orgUnitPath', 'dueDate', 'daysOverdue', 'outstandingFen', 'followUpOn'],
    properties: {
      obligationId: p.uuid,
      caseId: p.uuid,
      orgUnitPath: p.orgUnitPath,
      dueDate: { type: 'string', format: 'date' },
      daysOverdue: { type: 'integer', minimum: 0 },
      outstandingFen: { oneOf: [p.fen, { type: 'null' }] },
      followUpOn: { type: 'string', format: 'date' },
    },
  },
  example: {
    obligationId: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a',
    caseId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928',
    orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    dueDate: '2026-11-10',
    daysOverdue: 7,
    outstandingFen: 600_000,
    followUpOn: '2026-11-20',
  },
});

export interface DisputeCaseSettledV2 {
  caseId: string;
  orgUnitPath: string;
  /** The member workers; empty for a case of non-member workers only (they are counted, never named). */
  memberIds: string[];
  workerCount: number;
  agreementId: string;
  obligations: AgreementObligation[];
  totalAmountFen: number;
  settledAt: string;
}

export const DisputeCaseSettledV2 = defineEvent<DisputeCaseSettledV2>({
  type: 'cn.gonghui.mediation.case.settled.v2',
  topic: 'gonghui.mediation.case.v1',
  producer: 'mediation',
  keyField: 'caseId',
  summary: 'A dispute case reached a mediation agreement (调解协议), whoever its workers are',
  description:
    'Every settled case, of member or non-member workers: the unit, the member workers (if any), the number of workers, the obligations and their total. case.settled.v1 is still published beside it for a case with a member, for its consumers.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['caseId', 'orgUnitPath', 'memberIds', 'workerCount', 'agreementId', 'obligations', 'totalAmountFen', 'settledAt'],
    properties: {
      caseId: p.uuid,
      orgUnitPath: p.orgUnitPath,
      memberIds: { type: 'array', items: p.uuid, maxItems: 200 },
      workerCount: { type: 'integer', minimum: 1 },
      agreementId: p.uuid,
      obligations: OBLIGATIONS_SCHEMA,
      totalAmountFen: p.fen,
      settledAt: p.timestamp,
    },
  },
  example: {
    caseId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928',
    orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    memberIds: [],
    workerCount: 2,
    agreementId: '2b3c4d5e-6f70-4819-a2b3-c4d5e6f7a8b9',
    obligations: [{ description: '用人单位支付拖欠工资 / employer pays the unpaid wages', amountFen: 1_800_000, dueDate: '2026-12-15' }],
    totalAmountFen: 1_800_000,
    settledAt: '2026-11-24T16:00:00.000+08:00',
  },
});

export interface DisputeCaseAidReferredV1 {
  caseId: string;
  orgUnitPath: string;
  memberId: string;
  /** The case's stage when the hardship came to light. */
  caseStatus: 'open' | 'settled' | 'declined' | 'referred' | 'closed';
  /** The agreement's total once the case has one, else null. */
  agreedAmountFen: number | null;
  referredAt: string;
}

export const DisputeCaseAidReferredV1 = defineEvent<DisputeCaseAidReferredV1>({
  type: 'cn.gonghui.mediation.case.aid-referred.v1',
  topic: 'gonghui.mediation.case.v1',
  producer: 'mediation',
  keyField: 'caseId',
  summary: 'A member worker of a dispute case was referred to aid for hardship (困难帮扶转介)',
  description:
    'At any stage of a case, a mediator found the member worker in hardship. The aid service records a referral for a check (once per case). No names, contacts or reasons in the event.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['caseId', 'orgUnitPath', 'memberId', 'caseStatus', 'agreedAmountFen', 'referredAt'],
    properties: {
      caseId: p.uuid,
      orgUnitPath: p.orgUnitPath,
      memberId: p.uuid,
      caseStatus: { type: 'string', enum: ['open', 'settled', 'declined', 'referred', 'closed'] },
      agreedAmountFen: { oneOf: [p.fen, { type: 'null' }] },
      referredAt: p.timestamp,
    },
  },
  example: {
    caseId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928',
    orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    caseStatus: 'open',
    agreedAmountFen: null,
    referredAt: '2026-11-24T03:00:00.000Z',
  },
});
