import { defineEvent, schemaParts as p } from './contract';

export interface SessionBookedV1 {
  bookingId: string;
  sessionId: string;
  memberId: string;
  bookedAt: string;
}

export const SessionBookedV1 = defineEvent<SessionBookedV1>({
  type: 'cn.gonghui.training.booking.confirmed.v1',
  topic: 'gonghui.training.booking.v1',
  producer: 'training',
  keyField: 'bookingId',
  summary: 'A member was booked onto a course session (课程预约)',
  description: 'A seat on a training session was confirmed for an active member.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['bookingId', 'sessionId', 'memberId', 'bookedAt'],
    properties: {
      bookingId: p.uuid,
      sessionId: p.uuid,
      memberId: p.uuid,
      bookedAt: p.timestamp,
    },
  },
  example: {
    bookingId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170',
    sessionId: '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    bookedAt: '2026-11-24T12:00:00.000+08:00',
  },
});
