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

/** The grade of a hardship file (困难类别): deep hardship, relative hardship, sudden accident (深度困难 / 相对困难 / 意外致困). */
export type HardshipGrade = 'deep' | 'relative' | 'sudden-accident';
export const HARDSHIP_GRADES: readonly HardshipGrade[] = ['deep', 'relative', 'sudden-accident'];

export interface HardshipFileGradedV1 {
  fileId: string;
  memberId: string;
  orgUnitId: string;
  grade: HardshipGrade;
  /** null the first time the file is graded. */
  previousGrade: HardshipGrade | null;
  gradedAt: string;
}

export const HardshipFileGradedV1 = defineEvent<HardshipFileGradedV1>({
  type: 'cn.gonghui.aid.hardship-file.graded.v1',
  topic: 'gonghui.aid.hardship-file.v1',
  producer: 'aid',
  keyField: 'fileId',
  summary: 'A hardship file was graded or regraded (困难类别认定)',
  description: 'The file was given a grade (deep, relative, sudden accident), at opening or later. Carries the categories only, never the reasons, health or income details.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['fileId', 'memberId', 'orgUnitId', 'grade', 'previousGrade', 'gradedAt'],
    properties: {
      fileId: p.uuid,
      memberId: p.uuid,
      orgUnitId: p.uuid,
      grade: { type: 'string', enum: HARDSHIP_GRADES },
      previousGrade: { type: ['string', 'null'], enum: [...HARDSHIP_GRADES, null] },
      gradedAt: p.timestamp,
    },
  },
  example: {
    fileId: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    grade: 'deep',
    previousGrade: 'relative',
    gradedAt: '2026-11-25T02:00:00.000Z',
  },
});

/** Why a file was closed, as a category. The officer's own words stay in aid. */
export type HardshipFileClosure = 'out-of-hardship';
export const HARDSHIP_FILE_CLOSURES: readonly HardshipFileClosure[] = ['out-of-hardship'];

export interface HardshipFileClosedV1 {
  fileId: string;
  memberId: string;
  orgUnitId: string;
  closure: HardshipFileClosure;
  closedAt: string;
}

export const HardshipFileClosedV1 = defineEvent<HardshipFileClosedV1>({
  type: 'cn.gonghui.aid.hardship-file.closed.v1',
  topic: 'gonghui.aid.hardship-file.v1',
  producer: 'aid',
  keyField: 'fileId',
  summary: 'A hardship file was closed (脱困销档)',
  description: 'The annual review (年度复核) found the household out of hardship (脱困) and closed the file. Carries the category only, not the reason given.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['fileId', 'memberId', 'orgUnitId', 'closure', 'closedAt'],
    properties: {
      fileId: p.uuid,
      memberId: p.uuid,
      orgUnitId: p.uuid,
      closure: { type: 'string', enum: HARDSHIP_FILE_CLOSURES },
      closedAt: p.timestamp,
    },
  },
  example: {
    fileId: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    closure: 'out-of-hardship',
    closedAt: '2026-11-25T03:00:00.000Z',
  },
});

/** How a referred member wants to work: full-time, part-time, flexible work (灵活就业), or a public-welfare post (公益性岗位). */
export type ReferralEmploymentForm = 'full-time' | 'part-time' | 'flexible' | 'public-welfare-post';
export const REFERRAL_EMPLOYMENT_FORMS: readonly ReferralEmploymentForm[] = ['full-time', 'part-time', 'flexible', 'public-welfare-post'];

export interface EmploymentReferralRecordedV1 {
  referralId: string;
  memberId: string;
  hardshipFileId: string;
  orgUnitId: string;
  orgUnitPath: string;
  skills: string[];
  preferredDistrict: string | null;
  employmentForm: string | null;
  recordedAt: string;
}

export const EmploymentReferralRecordedV1 = defineEvent<EmploymentReferralRecordedV1>({
  type: 'cn.gonghui.aid.employment-referral.recorded.v1',
  topic: 'gonghui.aid.employment-referral.v1',
  producer: 'aid',
  keyField: 'referralId',
  summary: 'A hardship worker able and willing to work was referred for a job (就业援助转介)',
  description:
    'A hardship file recorded that its member can and will work (能就业且愿就业), with skills, preferred district and employment form, for job matching (送岗位). No health, income or hardship detail.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['referralId', 'memberId', 'hardshipFileId', 'orgUnitId', 'orgUnitPath', 'skills', 'preferredDistrict', 'employmentForm', 'recordedAt'],
    properties: {
      referralId: p.uuid,
      memberId: p.uuid,
      hardshipFileId: p.uuid,
      orgUnitId: p.uuid,
      orgUnitPath: p.orgUnitPath,
      skills: { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 50 } },
      preferredDistrict: { type: ['string', 'null'], maxLength: 50 },
      employmentForm: { type: ['string', 'null'], enum: [...REFERRAL_EMPLOYMENT_FORMS, null] },
      recordedAt: p.timestamp,
    },
  },
  example: {
    referralId: '5e4d3c2b-1a09-4f8e-8d7c-6b5a4e3d2c1b',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    hardshipFileId: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
    orgUnitId: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    orgUnitPath: '/6c1f0e1d2a113f0c2a4e7a354d7b9d6c/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    skills: ['电工', '叉车驾驶'],
    preferredDistrict: '渝北区',
    employmentForm: 'full-time',
    recordedAt: '2026-11-25T04:00:00.000Z',
  },
});
