import { defineEvent, schemaParts as p } from './contract';

export type OrgUnitKind =
  | 'federation'
  | 'district'
  | 'street'
  | 'grassroots-enterprise'
  | 'grassroots-community'
  | 'grassroots-park'
  | 'grassroots-building'
  | 'industry';

export const ORG_UNIT_KINDS: readonly OrgUnitKind[] = [
  'federation',
  'district',
  'street',
  'grassroots-enterprise',
  'grassroots-community',
  'grassroots-park',
  'grassroots-building',
  'industry',
];

export interface OrgUnitRenamedV1 {
  orgUnitId: string;
  name: string;
  renamedAt: string;
}

export const OrgUnitRenamedV1 = defineEvent<OrgUnitRenamedV1>({
  type: 'cn.gonghui.membership.org-unit.renamed.v1',
  topic: 'gonghui.membership.org-unit.v1',
  producer: 'membership',
  keyField: 'orgUnitId',
  summary: 'An organisation unit was renamed (组织更名)',
  description: 'The unit keeps its id, code and place in the tree; only its name changed.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orgUnitId', 'name', 'renamedAt'],
    properties: { orgUnitId: p.uuid, name: { type: 'string', minLength: 1, maxLength: 200 }, renamedAt: p.timestamp },
  },
  example: { orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', name: '重庆市总工会', renamedAt: '2026-11-24T09:00:00.000+08:00' },
});

export interface OrgUnitMovedV1 {
  orgUnitId: string;
  fromParentId: string;
  toParentId: string;
  oldPath: string;
  newPath: string;
  movedAt: string;
}

export const OrgUnitMovedV1 = defineEvent<OrgUnitMovedV1>({
  type: 'cn.gonghui.membership.org-unit.moved.v1',
  topic: 'gonghui.membership.org-unit.v1',
  producer: 'membership',
  keyField: 'orgUnitId',
  summary: 'A unit and its whole subtree moved under another parent (组织划转)',
  description:
    'Every path that started with oldPath now starts with newPath: units below, their members and every record scoped to them. ' +
    'Events carrying a path that were produced before movedAt still carry the old one; consumers translate it.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orgUnitId', 'fromParentId', 'toParentId', 'oldPath', 'newPath', 'movedAt'],
    properties: { orgUnitId: p.uuid, fromParentId: p.uuid, toParentId: p.uuid, oldPath: p.orgUnitPath, newPath: p.orgUnitPath, movedAt: p.timestamp },
  },
  example: {
    orgUnitId: '4a1d3b5f-8b46-4e8c-ae7d-1d9f9f2e3b22',
    fromParentId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    toParentId: '5b2e4c6a-9c57-4f9d-bf8e-2e0a0a3f4c33',
    oldPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/4a1d3b5f8b464e8cae7d1d9f9f2e3b22/',
    newPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/5b2e4c6a9c574f9dbf8e2e0a0a3f4c33/4a1d3b5f8b464e8cae7d1d9f9f2e3b22/',
    movedAt: '2026-11-24T09:00:00.000+08:00',
  },
});

export interface OrgUnitDeactivatedV1 {
  orgUnitId: string;
  deactivatedAt: string;
}

export const OrgUnitDeactivatedV1 = defineEvent<OrgUnitDeactivatedV1>({
  type: 'cn.gonghui.membership.org-unit.deactivated.v1',
  topic: 'gonghui.membership.org-unit.v1',
  producer: 'membership',
  keyField: 'orgUnitId',
  summary: 'An organisation unit was deactivated (组织撤销)',
  description: 'The unit had no active members and no active sub-units left; it takes no new members.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orgUnitId', 'deactivatedAt'],
    properties: { orgUnitId: p.uuid, deactivatedAt: p.timestamp },
  },
  example: { orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', deactivatedAt: '2026-11-24T09:00:00.000+08:00' },
});

export type EmploymentForm =
  | 'regular'
  | 'gig-delivery'
  | 'gig-ride-hailing'
  | 'gig-courier'
  | 'gig-domestic-service'
  | 'gig-other';

export const EMPLOYMENT_FORMS: readonly EmploymentForm[] = p.employmentForm.enum;

export interface OrgUnitCreatedV1 {
  orgUnitId: string;
  parentId: string | null;
  path: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  createdAt: string;
}

export const OrgUnitCreatedV1 = defineEvent<OrgUnitCreatedV1>({
  type: 'cn.gonghui.membership.org-unit.created.v1',
  topic: 'gonghui.membership.org-unit.v1',
  producer: 'membership',
  keyField: 'orgUnitId',
  summary: 'An organisation unit (工会组织) was created',
  description: 'A union organisation unit joined the tree: the federation, a district, a street, a grassroots or an industry union.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['orgUnitId', 'parentId', 'path', 'code', 'name', 'kind', 'createdAt'],
    properties: {
      orgUnitId: p.uuid,
      parentId: { oneOf: [p.uuid, { type: 'null' }] },
      path: p.orgUnitPath,
      code: { type: 'string', minLength: 1, maxLength: 64 },
      name: { type: 'string', minLength: 1, maxLength: 200 },
      kind: { type: 'string', enum: ORG_UNIT_KINDS },
      createdAt: p.timestamp,
    },
  },
  example: {
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    parentId: null,
    path: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    code: 'CQ',
    name: '重庆市总工会',
    kind: 'federation',
    createdAt: '2026-11-24T09:00:00.000+08:00',
  },
});

export interface MemberEnrolledV1 {
  memberId: string;
  memberNo: string;
  orgUnitId: string;
  orgUnitPath: string;
  maskedNationalId: string;
  employmentForm: EmploymentForm;
  status: 'active';
  enrolledAt: string;
}

export const MemberEnrolledV1 = defineEvent<MemberEnrolledV1>({
  type: 'cn.gonghui.membership.member.enrolled.v1',
  topic: 'gonghui.membership.member.v1',
  producer: 'membership',
  keyField: 'memberId',
  summary: 'A worker was enrolled as a member (入会)',
  description:
    'A person became an active member of a union. Carries the member id and a masked resident ID only: no name, raw ID or phone number.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['memberId', 'memberNo', 'orgUnitId', 'orgUnitPath', 'maskedNationalId', 'employmentForm', 'status', 'enrolledAt'],
    properties: {
      memberId: p.uuid,
      memberNo: { type: 'string', pattern: '^M[0-9]{10}$' },
      orgUnitId: p.uuid,
      orgUnitPath: p.orgUnitPath,
      maskedNationalId: p.maskedNationalId,
      employmentForm: p.employmentForm,
      status: { const: 'active' },
      enrolledAt: p.timestamp,
    },
  },
  example: {
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    memberNo: 'M0000000001',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    maskedNationalId: '5001**********123X',
    employmentForm: 'gig-ride-hailing',
    status: 'active',
    enrolledAt: '2026-11-24T09:30:00.000+08:00',
  },
});

export type LeavingReason = 'changed-job' | 'retired' | 'withdrew' | 'deceased' | 'other';
export const LEAVING_REASONS: readonly LeavingReason[] = ['changed-job', 'retired', 'withdrew', 'deceased', 'other'];

export interface MemberTransferredV1 {
  memberId: string;
  fromOrgUnitId: string;
  toOrgUnitId: string;
  orgUnitPath: string;
  transferredAt: string;
}

export const MemberTransferredV1 = defineEvent<MemberTransferredV1>({
  type: 'cn.gonghui.membership.member.transferred.v1',
  topic: 'gonghui.membership.member.v1',
  producer: 'membership',
  keyField: 'memberId',
  summary: 'A member moved to another union (会员关系转接)',
  description: 'The member changed job and now belongs to another grassroots or industry union; orgUnitPath is the new unit’s path.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['memberId', 'fromOrgUnitId', 'toOrgUnitId', 'orgUnitPath', 'transferredAt'],
    properties: { memberId: p.uuid, fromOrgUnitId: p.uuid, toOrgUnitId: p.uuid, orgUnitPath: p.orgUnitPath, transferredAt: p.timestamp },
  },
  example: {
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    fromOrgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    toOrgUnitId: '4a1d3b5f-8b46-4e8c-ae7d-1d9f9f2e3b22',
    orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/4a1d3b5f8b464e8cae7d1d9f9f2e3b22/',
    transferredAt: '2026-11-24T10:00:00.000+08:00',
  },
});

export interface MemberLeftV1 {
  memberId: string;
  orgUnitId: string;
  reason: LeavingReason;
  leftAt: string;
}

export const MemberLeftV1 = defineEvent<MemberLeftV1>({
  type: 'cn.gonghui.membership.member.left.v1',
  topic: 'gonghui.membership.member.v1',
  producer: 'membership',
  keyField: 'memberId',
  summary: 'A member left the union (退会)',
  description: 'The person is no longer a member: from now on not eligible for aid or training bookings.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['memberId', 'orgUnitId', 'reason', 'leftAt'],
    properties: { memberId: p.uuid, orgUnitId: p.uuid, reason: { type: 'string', enum: LEAVING_REASONS }, leftAt: p.timestamp },
  },
  example: {
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    reason: 'retired',
    leftAt: '2026-11-24T10:00:00.000+08:00',
  },
});

export interface MemberReinstatedV1 {
  memberId: string;
  orgUnitId: string;
  orgUnitPath: string;
  reinstatedAt: string;
}

export const MemberReinstatedV1 = defineEvent<MemberReinstatedV1>({
  type: 'cn.gonghui.membership.member.reinstated.v1',
  topic: 'gonghui.membership.member.v1',
  producer: 'membership',
  keyField: 'memberId',
  summary: 'A former member was reinstated (恢复会籍)',
  description: 'A member who had left is active again, in the unit given.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['memberId', 'orgUnitId', 'orgUnitPath', 'reinstatedAt'],
    properties: { memberId: p.uuid, orgUnitId: p.uuid, orgUnitPath: p.orgUnitPath, reinstatedAt: p.timestamp },
  },
  example: {
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    orgUnitPath: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    reinstatedAt: '2026-11-24T10:00:00.000+08:00',
  },
});

export interface MemberDualRegisteredV1 {
  memberId: string;
  communityOrgUnitId: string;
  registeredAt: string;
}

export const MemberDualRegisteredV1 = defineEvent<MemberDualRegisteredV1>({
  type: 'cn.gonghui.membership.member.dual-registered.v1',
  topic: 'gonghui.membership.member.v1',
  producer: 'membership',
  keyField: 'memberId',
  summary: 'A member registered with their community union too (双报到)',
  description: 'Besides the workplace union, the member is registered with the community union where they live.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['memberId', 'communityOrgUnitId', 'registeredAt'],
    properties: { memberId: p.uuid, communityOrgUnitId: p.uuid, registeredAt: p.timestamp },
  },
  example: {
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    communityOrgUnitId: '5b2e4c6a-9c57-4f9d-bf8e-2e0a0a3f4c33',
    registeredAt: '2026-11-24T10:00:00.000+08:00',
  },
});

/** The member fields an officer may edit after enrolment (会员信息维护). */
export type EditableMemberField = 'mobile' | 'employerName' | 'employerCreditCode' | 'industry' | 'skillLevel' | 'honours';
export const EDITABLE_MEMBER_FIELDS: readonly EditableMemberField[] = ['mobile', 'employerName', 'employerCreditCode', 'industry', 'skillLevel', 'honours'];

export interface MemberUpdatedV1 {
  memberId: string;
  orgUnitId: string;
  changedFields: EditableMemberField[];
  /** Present when the mobile changed: the new number masked (`138****8000`), never the number itself. */
  maskedMobile?: string;
  skillLevel?: 'novice' | 'skilled' | 'master';
  honours?: ('model-worker' | 'craftsman' | 'labour-medal')[];
  updatedAt: string;
}

export const MemberUpdatedV1 = defineEvent<MemberUpdatedV1>({
  type: 'cn.gonghui.membership.member.updated.v1',
  topic: 'gonghui.membership.member.v1',
  producer: 'membership',
  keyField: 'memberId',
  summary: 'A member’s details were edited (会员信息变更)',
  description:
    'An officer changed some of the member’s mobile, employer, industry, skill level or honours. Carries which fields changed, the new skill level ' +
    'and honours when they changed, and the new mobile only masked: no raw mobile, no employer or other personal details.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['memberId', 'orgUnitId', 'changedFields', 'updatedAt'],
    properties: {
      memberId: p.uuid,
      orgUnitId: p.uuid,
      changedFields: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: EDITABLE_MEMBER_FIELDS } },
      maskedMobile: { type: 'string', pattern: '^1[0-9]{2}\\*{4}[0-9]{4}$', description: 'The new mobile with the middle four digits masked' },
      skillLevel: { type: 'string', enum: ['novice', 'skilled', 'master'] },
      honours: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['model-worker', 'craftsman', 'labour-medal'] } },
      updatedAt: p.timestamp,
    },
  },
  example: {
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    changedFields: ['mobile', 'skillLevel'],
    maskedMobile: '139****5678',
    skillLevel: 'skilled',
    updatedAt: '2026-11-24T10:00:00.000+08:00',
  },
});

export interface EnrolmentBatchCompletedV1 {
  batchId: string;
  orgUnitId: string;
  totalRows: number;
  enrolled: number;
  alreadyEnrolled: number;
  rejected: number;
  completedAt: string;
}

export const EnrolmentBatchCompletedV1 = defineEvent<EnrolmentBatchCompletedV1>({
  type: 'cn.gonghui.membership.enrolment-batch.completed.v1',
  topic: 'gonghui.membership.enrolment-batch.v1',
  producer: 'membership',
  keyField: 'batchId',
  summary: 'A collective enrolment roster was processed (集中入会)',
  description:
    'A roster uploaded for one union has been processed. Each enrolled member was also announced by member.enrolled; this event gives the totals.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['batchId', 'orgUnitId', 'totalRows', 'enrolled', 'alreadyEnrolled', 'rejected', 'completedAt'],
    properties: {
      batchId: p.uuid,
      orgUnitId: p.uuid,
      totalRows: { type: 'integer', minimum: 0 },
      enrolled: { type: 'integer', minimum: 0 },
      alreadyEnrolled: { type: 'integer', minimum: 0, description: 'Rows whose person was already an active member of this unit (a re-submitted roster)' },
      rejected: { type: 'integer', minimum: 0 },
      completedAt: p.timestamp,
    },
  },
  example: {
    batchId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    totalRows: 102,
    enrolled: 100,
    alreadyEnrolled: 0,
    rejected: 2,
    completedAt: '2026-11-24T10:00:00.000+08:00',
  },
});
