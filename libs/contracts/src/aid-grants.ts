import { defineEvent, schemaParts as p } from './contract';

/** 结项评估 ratings of a grant project. */
export type GrantFinalRating = 'excellent' | 'good' | 'pass' | 'fail';
export const GRANT_FINAL_RATINGS: readonly GrantFinalRating[] = ['excellent', 'good', 'pass', 'fail'];

const CREDIT_CODE = { type: 'string', pattern: '^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$', description: 'The organisation’s unified social credit code (统一社会信用代码): a public registration number' } as const;

export interface GrantProjectAwardedV1 {
  projectId: string;
  callId: string;
  budgetId: string;
  orgUnitId: string;
  creditCode: string;
  awardedFen: number;
  rank: number;
  score: number;
  awardedAt: string;
}

export const GrantProjectAwardedV1 = defineEvent<GrantProjectAwardedV1>({
  type: 'cn.gonghui.aid.grant-project.awarded.v1',
  topic: 'gonghui.aid.grant-project.v1',
  producer: 'aid',
  keyField: 'projectId',
  summary: 'A social organisation’s service project was awarded a grant (公益伙伴项目立项)',
  description: 'Published for each proposal awarded when a call for proposals is awarded in rank order within its money. The organisation is named only by its unified social credit code.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'callId', 'budgetId', 'orgUnitId', 'creditCode', 'awardedFen', 'rank', 'score', 'awardedAt'],
    properties: {
      projectId: p.uuid,
      callId: p.uuid,
      budgetId: p.uuid,
      orgUnitId: p.uuid,
      creditCode: CREDIT_CODE,
      awardedFen: { ...p.fen, minimum: 1 },
      rank: { type: 'integer', minimum: 1 },
      score: { type: 'number', minimum: 0, maximum: 100, description: 'Mean of the panel’s weighted score sheets, out of 100' },
      awardedAt: p.timestamp,
    },
  },
  example: {
    projectId: '3c2b1a09-8f7e-4d6c-9b5a-493827161504',
    callId: '7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9',
    budgetId: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    creditCode: '52500112MJP574747B',
    awardedFen: 18_000_000,
    rank: 1,
    score: 92,
    awardedAt: '2026-12-10T02:00:00.000Z',
  },
});

export interface GrantProjectCompletedV1 {
  projectId: string;
  callId: string;
  orgUnitId: string;
  rating: GrantFinalRating;
  paidFen: number;
  releasedFen: number;
  evaluatedOn: string;
}

export const GrantProjectCompletedV1 = defineEvent<GrantProjectCompletedV1>({
  type: 'cn.gonghui.aid.grant-project.completed.v1',
  topic: 'gonghui.aid.grant-project.v1',
  producer: 'aid',
  keyField: 'projectId',
  summary: 'A grant project ended with its final evaluation (结项评估)',
  description: 'The rating, what was paid over the milestones and what was released to the budget from milestones left unpaid. Never the evaluation’s note.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'callId', 'orgUnitId', 'rating', 'paidFen', 'releasedFen', 'evaluatedOn'],
    properties: {
      projectId: p.uuid,
      callId: p.uuid,
      orgUnitId: p.uuid,
      rating: { type: 'string', enum: GRANT_FINAL_RATINGS },
      paidFen: p.fen,
      releasedFen: p.fen,
      evaluatedOn: { type: 'string', format: 'date' },
    },
  },
  example: {
    projectId: '3c2b1a09-8f7e-4d6c-9b5a-493827161504',
    callId: '7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    rating: 'good',
    paidFen: 18_000_000,
    releasedFen: 0,
    evaluatedOn: '2027-12-15',
  },
});
