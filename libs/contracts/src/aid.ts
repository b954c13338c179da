import { defineEvent, schemaParts as p } from './contract';

export type HardshipCause = 'illness' | 'disability' | 'accident' | 'unemployment' | 'education' | 'disaster' | 'other';
export const HARDSHIP_CAUSES: readonly HardshipCause[] = ['illness', 'disability', 'accident', 'unemployment', 'education', 'disaster', 'other'];

export interface HardshipFileOpenedV1 {
  fileId: string;
  memberId: string;
  orgUnitId: string;
  cause: HardshipCause;
  openedAt: string;
}

export const HardshipFileOpenedV1 = defineEvent<HardshipFileOpenedV1>({
  type: 'cn.gonghui.aid.hardship-file.opened.v1',
  topic: 'gonghui.aid.hardship-file.v1',
  producer: 'aid',
  keyField: 'fileId',
  summary: 'A hardship worker file was opened (困难职工建档)',
  description: 'After a household visit, a member was registered as a hardship worker. Carries the cause category, never health or income details.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['fileId', 'memberId', 'orgUnitId', 'cause', 'openedAt'],
    properties: {
      fileId: p.uuid,
      memberId: p.uuid,
      orgUnitId: p.uuid,
      cause: { type: 'string', enum: HARDSHIP_CAUSES },
      openedAt: p.timestamp,
    },
  },
  example: {
    fileId: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    cause: 'illness',
    openedAt: '2026-11-24T10:00:00.000+08:00',
  },
});

export interface AidReferralRecordedV1 {
  referralId: string;
  memberId: string;
  source: 'mediation';
  sourceCaseId: string;
  recordedAt: string;
}

export const AidReferralRecordedV1 = defineEvent<AidReferralRecordedV1>({
  type: 'cn.gonghui.aid.referral.recorded.v1',
  topic: 'gonghui.aid.referral.v1',
  producer: 'aid',
  keyField: 'referralId',
  summary: 'A worker was referred to aid (帮扶转介)',
  description: 'Another programme (so far: a settled mediation case) referred a worker to the aid programme for a hardship check.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['referralId', 'memberId', 'source', 'sourceCaseId', 'recordedAt'],
    properties: {
      referralId: p.uuid,
      memberId: p.uuid,
      source: { const: 'mediation' },
      sourceCaseId: p.uuid,
      recordedAt: p.timestamp,
    },
  },
  example: {
    referralId: '1a2b3c4d-5e6f-4708-9a0b-1c2d3e4f5a6b',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    source: 'mediation',
    sourceCaseId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928',
    recordedAt: '2026-11-24T11:00:00.000+08:00',
  },
});
