import { defineEvent, schemaParts as p } from './contract';

export type DisputeCaseSource = 'screening' | 'complaint' | 'referral';
export const DISPUTE_CASE_SOURCES: readonly DisputeCaseSource[] = ['screening', 'complaint', 'referral'];

export interface DisputeCaseOpenedV1 {
  caseId: string;
  memberId: string;
  source: DisputeCaseSource;
  openedAt: string;
}

export const DisputeCaseOpenedV1 = defineEvent<DisputeCaseOpenedV1>({
  type: 'cn.gonghui.mediation.case.opened.v1',
  topic: 'gonghui.mediation.case.v1',
  producer: 'mediation',
  keyField: 'caseId',
  summary: 'A labour dispute case was opened (劳动争议立案)',
  description: 'A dispute reached a mediation centre by screening, complaint or referral.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['caseId', 'memberId', 'source', 'openedAt'],
    properties: {
      caseId: p.uuid,
      memberId: p.uuid,
      source: { type: 'string', enum: DISPUTE_CASE_SOURCES },
      openedAt: p.timestamp,
    },
  },
  example: {
    caseId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    source: 'complaint',
    openedAt: '2026-11-24T09:00:00.000+08:00',
  },
});

export interface AgreementObligation {
  description: string;
  amountFen: number | null;
  dueDate: string | null;
}

export interface DisputeCaseSettledV1 {
  caseId: string;
  memberId: string;
  agreementId: string;
  obligations: AgreementObligation[];
  totalAmountFen: number;
  settledAt: string;
}

export const DisputeCaseSettledV1 = defineEvent<DisputeCaseSettledV1>({
  type: 'cn.gonghui.mediation.case.settled.v1',
  topic: 'gonghui.mediation.case.v1',
  producer: 'mediation',
  keyField: 'caseId',
  summary: 'A dispute case was closed with a mediation agreement (调解协议)',
  description:
    'The parties signed a written mediation agreement; its obligations are followed up until performed. The aid service records a referral for the worker.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['caseId', 'memberId', 'agreementId', 'obligations', 'totalAmountFen', 'settledAt'],
    properties: {
      caseId: p.uuid,
      memberId: p.uuid,
      agreementId: p.uuid,
      obligations: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['description', 'amountFen', 'dueDate'],
          properties: {
            description: { type: 'string', minLength: 1, maxLength: 500 },
            amountFen: { oneOf: [p.fen, { type: 'null' }] },
            dueDate: { oneOf: [{ type: 'string', format: 'date' }, { type: 'null' }] },
          },
        },
      },
      totalAmountFen: p.fen,
      settledAt: p.timestamp,
    },
  },
  example: {
    caseId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928',
    memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6',
    agreementId: '2b3c4d5e-6f70-4819-a2b3-c4d5e6f7a8b9',
    obligations: [{ description: '用人单位支付生育津贴 / employer pays maternity allowance', amountFen: 2_500_000, dueDate: '2026-12-31' }],
    totalAmountFen: 2_500_000,
    settledAt: '2026-11-24T16:00:00.000+08:00',
  },
});
