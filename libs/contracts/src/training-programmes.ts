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

export type TrainingOrderStatus = 'open' | 'assigned' | 'completed' | 'evaluated';

export interface TrainingOrderStatusChangedV1 {
  orderId: string;
  orgUnitPath: string;
  status: TrainingOrderStatus;
  /** null when the order was placed. */
  previousStatus: TrainingOrderStatus | null;
  changedAt: string;
}

export const TrainingOrderStatusChangedV1 = defineEvent<TrainingOrderStatusChangedV1>({
  type: 'cn.gonghui.training.training-order.status-changed.v1',
  topic: 'gonghui.training.training-order.v1',
  producer: 'training',
  keyField: 'orderId',
  summary: 'An enterprise training order changed state (订单式培训)',
  description: 'Placed (open), an instructor assigned (assigned), training completed (completed), jointly evaluated (evaluated). The enterprise and the evaluation stay in the service.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orderId', 'orgUnitPath', 'status', 'previousStatus', 'changedAt'],
    properties: {
      orderId: p.uuid,
      orgUnitPath: p.orgUnitPath,
      status: { type: 'string', enum: ['open', 'assigned', 'completed', 'evaluated'] },
      previousStatus: { oneOf: [{ type: 'string', enum: ['open', 'assigned', 'completed', 'evaluated'] }, { type: 'null' }] },
      changedAt: p.timestamp,
    },
  },
  example: {
    orderId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    status: 'assigned',
    previousStatus: 'open',
    changedAt: '2026-11-24T02:00:00.000Z',
  },
});

export interface ChildcareClassOpenedV1 {
  classId: string;
  orgUnitPath: string;
  capacity: number;
  ageMin: number;
  ageMax: number;
  startsOn: string;
  endsOn: string;
  openedAt: string;
}

export const ChildcareClassOpenedV1 = defineEvent<ChildcareClassOpenedV1>({
  type: 'cn.gonghui.training.childcare.class-opened.v1',
  topic: 'gonghui.training.childcare.v1',
  producer: 'training',
  keyField: 'classId',
  summary: 'A holiday childcare class was opened (托管班开班)',
  description: 'A class for members’ children: capacity, age range and dates.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['classId', 'orgUnitPath', 'capacity', 'ageMin', 'ageMax', 'startsOn', 'endsOn', 'openedAt'],
    properties: {
      classId: p.uuid,
      orgUnitPath: p.orgUnitPath,
      capacity: { type: 'integer', minimum: 1 },
      ageMin: { type: 'integer', minimum: 0 },
      ageMax: { type: 'integer', minimum: 0 },
      startsOn: { type: 'string', format: 'date' },
      endsOn: { type: 'string', format: 'date' },
      openedAt: p.timestamp,
    },
  },
  example: {
    classId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
    orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    capacity: 30,
    ageMin: 8,
    ageMax: 10,
    startsOn: '2027-07-10',
    endsOn: '2027-08-20',
    openedAt: '2026-11-24T02:00:00.000Z',
  },
});

export interface ChildcareChildEnrolledV1 {
  childId: string;
  classId: string;
  guardianMemberId: string;
  orgUnitPath: string;
  enrolledAt: string;
}

export const ChildcareChildEnrolledV1 = defineEvent<ChildcareChildEnrolledV1>({
  type: 'cn.gonghui.training.childcare.child-enrolled.v1',
  topic: 'gonghui.training.childcare.v1',
  producer: 'training',
  keyField: 'classId',
  summary: 'A member’s child was enrolled in a childcare class (托管班报名)',
  description: 'Ids only: the child’s name, birth date, insurance policy and pick-up people stay sealed in the service.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['childId', 'classId', 'guardianMemberId', 'orgUnitPath', 'enrolledAt'],
    properties: { childId: p.uuid, classId: p.uuid, guardianMemberId: p.uuid, orgUnitPath: p.orgUnitPath, enrolledAt: p.timestamp },
  },
  example: {
    childId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    classId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
    guardianMemberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    enrolledAt: '2026-11-24T03:00:00.000Z',
  },
});
