import { defineEvent, schemaParts as p } from './contract';

/** A referred (or any) member accepted a job offer made at a job fair (送岗位). Aid closes the loop on the hardship file. */
export interface JobOfferAcceptedV1 {
  offerId: string;
  memberId: string;
  employerName: string;
  position: string;
  acceptedAt: string;
}

export const JobOfferAcceptedV1 = defineEvent<JobOfferAcceptedV1>({
  type: 'cn.gonghui.training.job-offer.accepted.v1',
  topic: 'gonghui.training.job-offer.v1',
  producer: 'training',
  keyField: 'offerId',
  summary: 'A member accepted a job offer (送岗位：接受录用)',
  description:
    'A job offer made to a member through a job fair was accepted. Carries no personal data beyond the member id; aid uses it to record that a referred member found work.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['offerId', 'memberId', 'employerName', 'position', 'acceptedAt'],
    properties: {
      offerId: p.uuid,
      memberId: p.uuid,
      employerName: { type: 'string', minLength: 1, maxLength: 200 },
      position: { type: 'string', minLength: 1, maxLength: 200 },
      acceptedAt: p.timestamp,
    },
  },
  example: {
    offerId: '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a99',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    employerName: '锦州汉拿电机有限公司',
    position: '维修电工',
    acceptedAt: '2026-11-24T02:30:00.000Z',
  },
});
