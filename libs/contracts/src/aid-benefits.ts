import { defineEvent, schemaParts as p } from './contract';

/** Kinds of in-kind benefit (常态化帮扶项目): 托育名额 / 爱心超市物品 / 洗衣 / 理发 / 心理咨询 / 爱心餐 / 其他. */
export type BenefitItemKind = 'nursery-place' | 'charity-shop-item' | 'laundry' | 'haircut' | 'counselling' | 'meal' | 'other';
export const BENEFIT_ITEM_KINDS: readonly BenefitItemKind[] = ['nursery-place', 'charity-shop-item', 'laundry', 'haircut', 'counselling', 'meal', 'other'];

/** The period a quantity is granted for (China calendar): week (Monday first), month, quarter, year, or once for the whole package. */
export type BenefitPeriod = 'week' | 'month' | 'quarter' | 'year' | 'package';
export const BENEFIT_PERIODS: readonly BenefitPeriod[] = ['week', 'month', 'quarter', 'year', 'package'];

/** How a member came into a medical mutual-aid plan: joined by an officer (contribution paid), or covered free as a gig worker from the member event. */
export type MedicalPlanJoinedVia = 'officer' | 'gig-worker';
export const MEDICAL_PLAN_JOINED_VIA: readonly MedicalPlanJoinedVia[] = ['officer', 'gig-worker'];

const date = { type: 'string', format: 'date' } as const;

export interface BenefitPackageGrantedV1 {
  packageId: string;
  hardshipFileId: string;
  memberId: string;
  orgUnitId: string;
  itemKinds: BenefitItemKind[];
  startsOn: string;
  endsOn: string;
  grantedAt: string;
}

export const BenefitPackageGrantedV1 = defineEvent<BenefitPackageGrantedV1>({
  type: 'cn.gonghui.aid.benefit-package.granted.v1',
  topic: 'gonghui.aid.benefit-package.v1',
  producer: 'aid',
  keyField: 'packageId',
  summary: 'A recurring in-kind benefit package was granted to a hardship file (常态化帮扶)',
  description: 'Carries the kinds of item and the dates only: no quantities tied to a person’s situation, no reason, no health or income.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['packageId', 'hardshipFileId', 'memberId', 'orgUnitId', 'itemKinds', 'startsOn', 'endsOn', 'grantedAt'],
    properties: {
      packageId: p.uuid,
      hardshipFileId: p.uuid,
      memberId: p.uuid,
      orgUnitId: p.uuid,
      itemKinds: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: BENEFIT_ITEM_KINDS } },
      startsOn: date,
      endsOn: date,
      grantedAt: p.timestamp,
    },
  },
  example: {
    packageId: '2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819',
    hardshipFileId: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    itemKinds: ['nursery-place', 'charity-shop-item', 'laundry', 'haircut', 'counselling'],
    startsOn: '2026-11-01',
    endsOn: '2027-10-31',
    grantedAt: '2026-11-01T09:00:00.000+08:00',
  },
});

export interface BenefitRedeemedV1 {
  redemptionId: string;
  packageId: string;
  memberId: string;
  itemKind: BenefitItemKind;
  quantity: number;
  servicePoint: string;
  periodStart: string;
  redeemedAt: string;
}

export const BenefitRedeemedV1 = defineEvent<BenefitRedeemedV1>({
  type: 'cn.gonghui.aid.benefit.redeemed.v1',
  topic: 'gonghui.aid.benefit-package.v1',
  producer: 'aid',
  keyField: 'packageId',
  summary: 'An in-kind benefit was redeemed at a service point (帮扶核销)',
  description: 'A service point recorded a redemption by the code the member showed. Carries ids, the item kind, the quantity and the service point; never the code.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['redemptionId', 'packageId', 'memberId', 'itemKind', 'quantity', 'servicePoint', 'periodStart', 'redeemedAt'],
    properties: {
      redemptionId: p.uuid,
      packageId: p.uuid,
      memberId: p.uuid,
      itemKind: { type: 'string', enum: BENEFIT_ITEM_KINDS },
      quantity: { type: 'integer', minimum: 1 },
      servicePoint: { type: 'string', minLength: 1, maxLength: 100 },
      periodStart: date,
      redeemedAt: p.timestamp,
    },
  },
  example: {
    redemptionId: '3c4d5e6f-7081-492a-b3c4-d5e6f708192a',
    packageId: '2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    itemKind: 'charity-shop-item',
    quantity: 1,
    servicePoint: '龙溪街道爱心超市',
    periodStart: '2026-11-01',
    redeemedAt: '2026-11-26T10:15:00.000+08:00',
  },
});

export interface MedicalPlanJoinedV1 {
  planId: string;
  memberId: string;
  year: number;
  joinedVia: MedicalPlanJoinedVia;
  contributionFen: number;
  joinedAt: string;
}

export const MedicalPlanJoinedV1 = defineEvent<MedicalPlanJoinedV1>({
  type: 'cn.gonghui.aid.medical-plan.joined.v1',
  topic: 'gonghui.aid.medical-plan.v1',
  producer: 'aid',
  keyField: 'planId',
  summary: 'A member joined a medical mutual-aid plan (参加职工医疗互助)',
  description: 'Joined by an officer (with the contribution), or covered free as a gig worker straight from the enrolment event.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['planId', 'memberId', 'year', 'joinedVia', 'contributionFen', 'joinedAt'],
    properties: {
      planId: p.uuid,
      memberId: p.uuid,
      year: { type: 'integer', minimum: 2000, maximum: 2100 },
      joinedVia: { type: 'string', enum: MEDICAL_PLAN_JOINED_VIA },
      contributionFen: p.fen,
      joinedAt: p.timestamp,
    },
  },
  example: {
    planId: '4d5e6f70-8192-4a3b-84c5-d6e7f8091a2b',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    year: 2026,
    joinedVia: 'gig-worker',
    contributionFen: 0,
    joinedAt: '2026-11-24T09:30:00.000+08:00',
  },
});

export interface MedicalClaimApprovedV1 {
  claimId: string;
  planId: string;
  memberId: string;
  reimbursementFen: number;
  fastChannel: boolean;
  approvedAt: string;
}

export const MedicalClaimApprovedV1 = defineEvent<MedicalClaimApprovedV1>({
  type: 'cn.gonghui.aid.medical-claim.approved.v1',
  topic: 'gonghui.aid.medical-claim.v1',
  producer: 'aid',
  keyField: 'claimId',
  summary: 'A medical mutual-aid claim was approved (医疗互助报销审核通过)',
  description: 'By an officer, or automatically in the gig-worker fast channel. Amounts and ids only: no diagnosis, hospital, bill items or other health detail.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['claimId', 'planId', 'memberId', 'reimbursementFen', 'fastChannel', 'approvedAt'],
    properties: {
      claimId: p.uuid,
      planId: p.uuid,
      memberId: p.uuid,
      reimbursementFen: { ...p.fen, minimum: 1 },
      fastChannel: { type: 'boolean' },
      approvedAt: p.timestamp,
    },
  },
  example: {
    claimId: '5e6f7081-92a3-4b4c-95d6-e7f8091a2b3c',
    planId: '4d5e6f70-8192-4a3b-84c5-d6e7f8091a2b',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    reimbursementFen: 1_300_000,
    fastChannel: false,
    approvedAt: '2026-11-25T15:00:00.000+08:00',
  },
});

export interface MedicalClaimPaidV1 {
  claimId: string;
  planId: string;
  memberId: string;
  budgetId: string;
  amountFen: number;
  daysTaken: number;
  paidAt: string;
}

export const MedicalClaimPaidV1 = defineEvent<MedicalClaimPaidV1>({
  type: 'cn.gonghui.aid.medical-claim.paid.v1',
  topic: 'gonghui.aid.medical-claim.v1',
  producer: 'aid',
  keyField: 'claimId',
  summary: 'A medical mutual-aid reimbursement was paid (医疗互助报销支付)',
  description: 'The reimbursement was spent from the plan’s aid budget. Carries the amount and the days from the claim to the payment; no health or bank detail.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['claimId', 'planId', 'memberId', 'budgetId', 'amountFen', 'daysTaken', 'paidAt'],
    properties: {
      claimId: p.uuid,
      planId: p.uuid,
      memberId: p.uuid,
      budgetId: p.uuid,
      amountFen: { ...p.fen, minimum: 1 },
      daysTaken: { type: 'integer', minimum: 0 },
      paidAt: p.timestamp,
    },
  },
  example: {
    claimId: '5e6f7081-92a3-4b4c-95d6-e7f8091a2b3c',
    planId: '4d5e6f70-8192-4a3b-84c5-d6e7f8091a2b',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    budgetId: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f',
    amountFen: 1_300_000,
    daysTaken: 3,
    paidAt: '2026-11-28T10:00:00.000+08:00',
  },
});
