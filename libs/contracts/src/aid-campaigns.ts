import { defineEvent, schemaParts as p } from './contract';

/** Kinds of campaign (专项行动): 两节送温暖 / 夏送清凉 / 金秋助学 / 两癌关爱 / 其他. */
export type CampaignKind = 'spring-warmth' | 'summer-coolness' | 'autumn-student-grants' | 'two-cancer-care' | 'other';
export const CAMPAIGN_KINDS: readonly CampaignKind[] = ['spring-warmth', 'summer-coolness', 'autumn-student-grants', 'two-cancer-care', 'other'];

export interface AidCampaignConfirmedV1 {
  campaignId: string;
  kind: CampaignKind;
  orgUnitId: string;
  budgetId: string;
  round: number;
  beneficiaries: number;
  reservedFen: number;
  paymentBatchId: string | null;
  confirmedAt: string;
}

export const AidCampaignConfirmedV1 = defineEvent<AidCampaignConfirmedV1>({
  type: 'cn.gonghui.aid.campaign.confirmed.v1',
  topic: 'gonghui.aid.campaign.v1',
  producer: 'aid',
  keyField: 'campaignId',
  summary: 'A campaign’s cross-checked list was confirmed (专项行动名单确认)',
  description:
    'After the cross-check (多渠道交叉核验), the campaign’s payable people were confirmed as one round: the money reserved on the budget and, for a cash standard, a payment batch gathered. Counts and amounts only, never who.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['campaignId', 'kind', 'orgUnitId', 'budgetId', 'round', 'beneficiaries', 'reservedFen', 'paymentBatchId', 'confirmedAt'],
    properties: {
      campaignId: p.uuid,
      kind: { type: 'string', enum: CAMPAIGN_KINDS },
      orgUnitId: p.uuid,
      budgetId: p.uuid,
      round: { type: 'integer', minimum: 1 },
      beneficiaries: { type: 'integer', minimum: 1 },
      reservedFen: p.fen,
      paymentBatchId: { oneOf: [p.uuid, { type: 'null' }] },
      confirmedAt: p.timestamp,
    },
  },
  example: {
    campaignId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    kind: 'spring-warmth',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    budgetId: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f',
    round: 1,
    beneficiaries: 16_000,
    reservedFen: 542_000_000,
    paymentBatchId: '8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
    confirmedAt: '2027-01-20T02:00:00.000Z',
  },
});

export interface AidCampaignPaidV1 {
  campaignId: string;
  kind: CampaignKind;
  orgUnitId: string;
  budgetId: string;
  paidCount: number;
  paidFen: number;
  failedCount: number;
  closedAt: string;
}

export const AidCampaignPaidV1 = defineEvent<AidCampaignPaidV1>({
  type: 'cn.gonghui.aid.campaign.paid.v1',
  topic: 'gonghui.aid.campaign.v1',
  producer: 'aid',
  keyField: 'campaignId',
  summary: 'A campaign was paid and closed (专项行动发放完毕)',
  description: 'Every payment of the campaign was settled by the bank’s result file and the campaign was closed. Totals only, never who.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['campaignId', 'kind', 'orgUnitId', 'budgetId', 'paidCount', 'paidFen', 'failedCount', 'closedAt'],
    properties: {
      campaignId: p.uuid,
      kind: { type: 'string', enum: CAMPAIGN_KINDS },
      orgUnitId: p.uuid,
      budgetId: p.uuid,
      paidCount: { type: 'integer', minimum: 0 },
      paidFen: p.fen,
      failedCount: { type: 'integer', minimum: 0 },
      closedAt: p.timestamp,
    },
  },
  example: {
    campaignId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    kind: 'spring-warmth',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    budgetId: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f',
    paidCount: 15_998,
    paidFen: 541_932_250,
    failedCount: 2,
    closedAt: '2027-02-05T08:00:00.000Z',
  },
});

export interface InKindItemV1 {
  name: string;
  quantity: number;
  unit: string;
}

export interface AidCampaignDistributionRecordedV1 {
  campaignId: string;
  kind: CampaignKind;
  orgUnitId: string;
  memberId: string;
  items: InKindItemV1[];
  deliveredOn: string;
  recordedAt: string;
}

export const AidCampaignDistributionRecordedV1 = defineEvent<AidCampaignDistributionRecordedV1>({
  type: 'cn.gonghui.aid.campaign.distribution-recorded.v1',
  topic: 'gonghui.aid.campaign.v1',
  producer: 'aid',
  keyField: 'memberId',
  summary: 'A member received a campaign’s in-kind goods (专项行动实物签收)',
  description:
    'An officer recorded on the in-kind distribution list (实物发放清单) that the member’s goods were handed over, to the member or to a proxy. ' +
    'Published only for a delivery, once per member and campaign (a delivered line is final). Who received them for the member is never carried, nor why goods could not be delivered.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['campaignId', 'kind', 'orgUnitId', 'memberId', 'items', 'deliveredOn', 'recordedAt'],
    properties: {
      campaignId: p.uuid,
      kind: { type: 'string', enum: CAMPAIGN_KINDS },
      orgUnitId: { ...p.uuid, description: 'The campaign’s unit' },
      memberId: p.uuid,
      items: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'quantity', 'unit'],
          properties: { name: { type: 'string', minLength: 1 }, quantity: { type: 'integer', minimum: 1 }, unit: { type: 'string', minLength: 1 } },
        },
      },
      deliveredOn: { type: 'string', format: 'date', description: 'The day of the handover, in China' },
      recordedAt: p.timestamp,
    },
  },
  example: {
    campaignId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    kind: 'spring-warmth',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    memberId: '1e2d3c4b-5a69-4786-9a5b-4c3d2e1f0a9b',
    items: [
      { name: '米', quantity: 10, unit: '公斤' },
      { name: '油', quantity: 5, unit: '升' },
    ],
    deliveredOn: '2027-01-22',
    recordedAt: '2027-01-22T07:30:00.000Z',
  },
});
