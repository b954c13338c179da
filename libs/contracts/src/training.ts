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

/** Skill levels a member can hold (新手 → 熟手 → 高手); membership only ever raises a member's level. */
export const SKILL_LEVELS = ['novice', 'skilled', 'master'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** Honours membership records on a member (劳模 / 工匠 / 劳动奖章). */
export const MEMBER_HONOURS = ['model-worker', 'craftsman', 'labour-medal'] as const;
export type MemberHonour = (typeof MEMBER_HONOURS)[number];

/** What in training gave the award: a certificate (课程证书) or a competition award (竞赛奖项). */
export const AWARD_SOURCE_KINDS = ['certificate', 'competition-award'] as const;
export type AwardSourceKind = (typeof AWARD_SOURCE_KINDS)[number];

export interface AwardSource {
  kind: AwardSourceKind;
  id: string;
}

const awardSourceSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'id'],
  properties: {
    kind: { type: 'string', enum: AWARD_SOURCE_KINDS, description: 'certificate 课程证书, competition-award 竞赛奖项' },
    id: { ...p.uuid, description: 'Id of the certificate or the competition award' },
  },
} as const;

export interface SkillLevelGrantedV1 {
  grantId: string;
  memberId: string;
  level: SkillLevel;
  source: AwardSource;
  grantedAt: string;
}

export const SkillLevelGrantedV1 = defineEvent<SkillLevelGrantedV1>({
  type: 'cn.gonghui.training.skill-level.granted.v1',
  topic: 'gonghui.training.award.v1',
  producer: 'training',
  keyField: 'memberId',
  summary: 'Training granted a member a skill level (技能等级认定)',
  description:
    'A certificate or a competition award granted the member a skill level (novice 新手, skilled 熟手, master 高手). ' +
    'Membership raises the member’s level to it, never lowers it. Keyed by member so grants for one member stay in order.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['grantId', 'memberId', 'level', 'source', 'grantedAt'],
    properties: {
      grantId: p.uuid,
      memberId: p.uuid,
      level: { type: 'string', enum: SKILL_LEVELS },
      source: awardSourceSchema,
      grantedAt: p.timestamp,
    },
  },
  example: {
    grantId: '0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    level: 'skilled',
    source: { kind: 'certificate', id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' },
    grantedAt: '2026-11-24T04:00:00.000Z',
  },
});

export interface HonourAwardedV1 {
  awardId: string;
  memberId: string;
  honour: MemberHonour;
  source: AwardSource;
  awardedAt: string;
}

export const HonourAwardedV1 = defineEvent<HonourAwardedV1>({
  type: 'cn.gonghui.training.honour.awarded.v1',
  topic: 'gonghui.training.award.v1',
  producer: 'training',
  keyField: 'memberId',
  summary: 'Training awarded a member an honour (荣誉授予)',
  description:
    'A competition award or a certificate gave the member an honour (model-worker 劳模, craftsman 工匠 e.g. 技术能手, labour-medal 劳动奖章). ' +
    'Membership adds it to the member’s honours. Keyed by member.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['awardId', 'memberId', 'honour', 'source', 'awardedAt'],
    properties: {
      awardId: p.uuid,
      memberId: p.uuid,
      honour: { type: 'string', enum: MEMBER_HONOURS },
      source: awardSourceSchema,
      awardedAt: p.timestamp,
    },
  },
  example: {
    awardId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    honour: 'craftsman',
    source: { kind: 'competition-award', id: '3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7a' },
    awardedAt: '2026-11-24T04:00:00.000Z',
  },
});

export interface BookingSeatOfferedV1 {
  bookingId: string;
  sessionId: string;
  memberId: string;
  offeredAt: string;
  offerExpiresAt: string;
}

export const BookingSeatOfferedV1 = defineEvent<BookingSeatOfferedV1>({
  type: 'cn.gonghui.training.booking.seat-offered.v1',
  topic: 'gonghui.training.booking.v1',
  producer: 'training',
  keyField: 'bookingId',
  summary: 'A seat came free and was offered to the first on the waiting list (候补补位)',
  description:
    'The member at the head of the waiting list is offered the seat until offerExpiresAt (24 hours by default); a notifier tells them. Taken in time it becomes booking.confirmed, else it passes to the next. Ids only.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['bookingId', 'sessionId', 'memberId', 'offeredAt', 'offerExpiresAt'],
    properties: { bookingId: p.uuid, sessionId: p.uuid, memberId: p.uuid, offeredAt: p.timestamp, offerExpiresAt: p.timestamp },
  },
  example: {
    bookingId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170',
    sessionId: '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    offeredAt: '2026-11-24T04:00:00.000Z',
    offerExpiresAt: '2026-11-25T04:00:00.000Z',
  },
});

export interface BookingCancelledV1 {
  bookingId: string;
  sessionId: string;
  memberId: string;
  /** What the place was: a seat, an offer or a place on the waiting list. */
  previousStatus: 'booked' | 'offered' | 'waiting';
  reason: 'member-cancelled' | 'session-cancelled';
  cancelledAt: string;
}

export const BookingCancelledV1 = defineEvent<BookingCancelledV1>({
  type: 'cn.gonghui.training.booking.cancelled.v1',
  topic: 'gonghui.training.booking.v1',
  producer: 'training',
  keyField: 'bookingId',
  summary: 'A place on a session was cancelled (取消预约)',
  description: 'A seat, an offer or a place on the waiting list was cancelled, by the member (through an officer) or because the session itself was cancelled. Ids only.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['bookingId', 'sessionId', 'memberId', 'previousStatus', 'reason', 'cancelledAt'],
    properties: {
      bookingId: p.uuid,
      sessionId: p.uuid,
      memberId: p.uuid,
      previousStatus: { type: 'string', enum: ['booked', 'offered', 'waiting'] },
      reason: { type: 'string', enum: ['member-cancelled', 'session-cancelled'] },
      cancelledAt: p.timestamp,
    },
  },
  example: {
    bookingId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170',
    sessionId: '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    previousStatus: 'waiting',
    reason: 'session-cancelled',
    cancelledAt: '2026-11-24T04:00:00.000Z',
  },
});
