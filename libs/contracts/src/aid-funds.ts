import { defineEvent, schemaParts as p } from './contract';

/** Where a fund's money comes from (资金来源). `hazard-reward` funds pay safety-hazard report rewards. */
export type BudgetSource = 'federation-appropriation' | 'union-dues' | 'government' | 'donation' | 'hazard-reward';
export const BUDGET_SOURCES: readonly BudgetSource[] = ['federation-appropriation', 'union-dues', 'government', 'donation', 'hazard-reward'];

/** Kinds of aid application (帮扶申请类别): 生活救助 / 医疗救助 / 助学 / 应急救助. */
export type AidKind = 'living' | 'medical' | 'education' | 'emergency';
export const AID_KINDS: readonly AidKind[] = ['living', 'medical', 'education', 'emergency'];

export interface BudgetAllocatedV1 {
  budgetId: string;
  parentBudgetId: string | null;
  orgUnitId: string;
  year: number;
  source: BudgetSource;
  amountFen: number;
  allocatedAt: string;
}

export const BudgetAllocatedV1 = defineEvent<BudgetAllocatedV1>({
  type: 'cn.gonghui.aid.budget.allocated.v1',
  topic: 'gonghui.aid.budget.v1',
  producer: 'aid',
  keyField: 'budgetId',
  summary: 'A budget was funded or allocated from its parent (资金下达)',
  description: 'A fund was set up for a unit (parentBudgetId null), or a city/district budget allocated part of its available amount to a child unit’s budget.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['budgetId', 'parentBudgetId', 'orgUnitId', 'year', 'source', 'amountFen', 'allocatedAt'],
    properties: {
      budgetId: p.uuid,
      parentBudgetId: { oneOf: [p.uuid, { type: 'null' }] },
      orgUnitId: p.uuid,
      year: { type: 'integer', minimum: 2000, maximum: 2100 },
      source: { type: 'string', enum: BUDGET_SOURCES },
      amountFen: { ...p.fen, minimum: 1 },
      allocatedAt: p.timestamp,
    },
  },
  example: {
    budgetId: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f',
    parentBudgetId: '4c9d5b0a-1a2e-4b3c-8d4e-5f6a7b8c9d0e',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    year: 2026,
    source: 'federation-appropriation',
    amountFen: 50_000_000,
    allocatedAt: '2026-11-24T02:00:00.000Z',
  },
});

const applicationKey = {
  applicationId: p.uuid,
  memberId: p.uuid,
  orgUnitId: p.uuid,
  kind: { type: 'string', enum: AID_KINDS },
} as const;

export interface AidApplicationSubmittedV1 {
  applicationId: string;
  memberId: string;
  orgUnitId: string;
  kind: AidKind;
  hardshipFileId: string | null;
  requestedAmountFen: number;
  fastTrack: boolean;
  submittedAt: string;
}

export const AidApplicationSubmittedV1 = defineEvent<AidApplicationSubmittedV1>({
  type: 'cn.gonghui.aid.application.submitted.v1',
  topic: 'gonghui.aid.application.v1',
  producer: 'aid',
  keyField: 'applicationId',
  summary: 'An aid application was submitted (帮扶申请受理)',
  description: 'A member (or a hardship file’s household) applied for aid. Carries the kind and amount, never the documents, health or income.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['applicationId', 'memberId', 'orgUnitId', 'kind', 'hardshipFileId', 'requestedAmountFen', 'fastTrack', 'submittedAt'],
    properties: {
      ...applicationKey,
      hardshipFileId: { oneOf: [p.uuid, { type: 'null' }] },
      requestedAmountFen: { ...p.fen, minimum: 1 },
      fastTrack: { type: 'boolean' },
      submittedAt: p.timestamp,
    },
  },
  example: {
    applicationId: '6e1f7a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    kind: 'medical',
    hardshipFileId: null,
    requestedAmountFen: 2_650_000,
    fastTrack: false,
    submittedAt: '2026-11-24T02:00:00.000Z',
  },
});

export interface AidApplicationApprovedV1 {
  applicationId: string;
  memberId: string;
  orgUnitId: string;
  kind: AidKind;
  budgetId: string;
  approvedAmountFen: number;
  /** `committee`: after the collective decision; `chair`: fast track, ratified by the committee later. */
  approvedBy: 'committee' | 'chair';
  approvedAt: string;
}

export const AidApplicationApprovedV1 = defineEvent<AidApplicationApprovedV1>({
  type: 'cn.gonghui.aid.application.approved.v1',
  topic: 'gonghui.aid.application.v1',
  producer: 'aid',
  keyField: 'applicationId',
  summary: 'An aid application was approved and its amount reserved (批准)',
  description: 'After the collective decision (or, on the fast track, by the union chair alone), the approved amount was reserved from a budget.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['applicationId', 'memberId', 'orgUnitId', 'kind', 'budgetId', 'approvedAmountFen', 'approvedBy', 'approvedAt'],
    properties: {
      ...applicationKey,
      budgetId: p.uuid,
      approvedAmountFen: { ...p.fen, minimum: 1 },
      approvedBy: { type: 'string', enum: ['committee', 'chair'] },
      approvedAt: p.timestamp,
    },
  },
  example: {
    applicationId: '6e1f7a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    kind: 'medical',
    budgetId: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f',
    approvedAmountFen: 2_650_000,
    approvedBy: 'committee',
    approvedAt: '2026-11-26T02:00:00.000Z',
  },
});

export interface AidApplicationRejectedV1 {
  applicationId: string;
  memberId: string;
  orgUnitId: string;
  kind: AidKind;
  rejectedAt: string;
}

export const AidApplicationRejectedV1 = defineEvent<AidApplicationRejectedV1>({
  type: 'cn.gonghui.aid.application.rejected.v1',
  topic: 'gonghui.aid.application.v1',
  producer: 'aid',
  keyField: 'applicationId',
  summary: 'An aid application was rejected (不予救助)',
  description: 'The application was rejected. The reasons stay in the service (they may describe the household).',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['applicationId', 'memberId', 'orgUnitId', 'kind', 'rejectedAt'],
    properties: { ...applicationKey, rejectedAt: p.timestamp },
  },
  example: {
    applicationId: '6e1f7a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    kind: 'living',
    rejectedAt: '2026-11-26T02:00:00.000Z',
  },
});

export interface AidApplicationDisbursedV1 {
  applicationId: string;
  memberId: string;
  orgUnitId: string;
  kind: AidKind;
  budgetId: string;
  paidAmountFen: number;
  paidAt: string;
}

export const AidApplicationDisbursedV1 = defineEvent<AidApplicationDisbursedV1>({
  type: 'cn.gonghui.aid.application.disbursed.v1',
  topic: 'gonghui.aid.application.v1',
  producer: 'aid',
  keyField: 'applicationId',
  summary: 'An approved amount reached the person (发放到位)',
  description: 'The bank reported the payment instruction paid; the reservation became spending. No bank details.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['applicationId', 'memberId', 'orgUnitId', 'kind', 'budgetId', 'paidAmountFen', 'paidAt'],
    properties: { ...applicationKey, budgetId: p.uuid, paidAmountFen: { ...p.fen, minimum: 1 }, paidAt: p.timestamp },
  },
  example: {
    applicationId: '6e1f7a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    kind: 'medical',
    budgetId: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f',
    paidAmountFen: 2_650_000,
    paidAt: '2026-11-27T02:00:00.000Z',
  },
});
