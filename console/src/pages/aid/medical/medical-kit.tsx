import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { AutoComplete, Checkbox, Col, Descriptions, Form, InputNumber, Row, Select, Typography, type FormInstance } from 'antd';
import { api, problemOf, type Schemas } from '../../../api/client';
import { ActionModal } from '../../../components/ActionModal';
import { useI18n } from '../../../i18n';
import { onYuanFields, toFen, yuan } from '../aid-kit';

export type Plan = Schemas['aid.PlanView'];
export type PlanMember = Schemas['aid.PlanMemberView'];
export type Claim = Schemas['aid.ClaimView'];
export type ClaimStatus = Claim['status'];

export const CLAIM_STATUSES: ClaimStatus[] = ['submitted', 'approved', 'payment-failed', 'paid', 'rejected'];
export const CLAIM_STATUS_COLOURS: Record<ClaimStatus, string> = {
  submitted: 'blue',
  approved: 'cyan',
  'payment-failed': 'volcano',
  paid: 'green',
  rejected: 'red',
};
/** The aid service's claim document kinds (medical-mutual-aid/domain CLAIM_DOCUMENT_KINDS); the first two make a claim complete. */
export const CLAIM_DOCUMENTS = ['invoice', 'insurance-settlement', 'discharge-summary', 'other'] as const;

/** A sentence of the dictionary with its {placeholders} filled. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** The plans of the officer's subtree (for names and pickers). */
export function usePlans(): Plan[] {
  const [plans, setPlans] = useState<Plan[]>([]);
  useEffect(() => {
    void api.GET('/api/v1/aid/medical-plans', { params: { query: { limit: 200 } } }).then(({ data }) => setPlans(data?.items ?? []));
  }, []);
  return plans;
}

/** A plan's rules, in words. */
export function PlanRules({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const lines = [
    fill(t.medRuleDeductible, { deductible: yuan(plan.deductibleFen), percent: plan.reimbursementPercent }),
    fill(t.medRuleCap, { cap: yuan(plan.yearlyCapFen) }),
    fill(t.medRuleContribution, { contribution: yuan(plan.contributionFen) }),
    ...(plan.gigWorkersFree ? [t.medRuleGigFree] : []),
    plan.fastChannelLimitFen > 0 ? fill(t.medRuleFast, { limit: yuan(plan.fastChannelLimitFen) }) : t.medRuleNoFast,
  ];
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="plan-rules">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/**
 * How a claim's reimbursement comes about: the worker's part above the deductible at the plan's
 * ratio, rounded down to the fen, within the yearly cap. The amount is the API's (`reimbursementFen`,
 * `capped`, set on approval); before approval the same rule shows what the rules give, the cap still to be applied.
 */
export function ClaimComputation({ claim, plan }: { claim: Claim; plan: Plan | undefined }) {
  const { t } = useI18n();
  if (!plan) return null;
  const above = Math.max(0, claim.selfPaidFen - plan.deductibleFen);
  const byRules = Math.floor((above * plan.reimbursementPercent) / 100);
  const decided = claim.reimbursementFen !== null;
  return (
    <>
      {!decided && <Typography.Paragraph type="secondary">{t.medComputationPending}</Typography.Paragraph>}
      <Descriptions size="small" bordered column={1} data-testid="claim-computation">
        <Descriptions.Item label={t.medStepSelfPaid}>{yuan(claim.selfPaidFen)}</Descriptions.Item>
        <Descriptions.Item label={t.medStepDeductible}>− {yuan(plan.deductibleFen)}</Descriptions.Item>
        <Descriptions.Item label={t.medStepAbove}>= {yuan(above)}</Descriptions.Item>
        <Descriptions.Item label={t.medStepRatio}>× {plan.reimbursementPercent}%</Descriptions.Item>
        <Descriptions.Item label={t.medStepByRules}>= {yuan(byRules)}</Descriptions.Item>
        {decided && claim.capped && <Descriptions.Item label={t.medStepCapped}>{yuan(claim.reimbursementFen)}</Descriptions.Item>}
        {decided && (
          <Descriptions.Item label={<strong>{t.medStepApproved}</strong>}>
            <Typography.Text strong style={{ fontSize: 18, color: '#c8102e' }} data-testid="claim-reimbursement">
              {yuan(claim.reimbursementFen)}
            </Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
    </>
  );
}

interface NewClaim {
  planId: string;
  memberId: string;
  billTotalYuan: number;
  insuranceYuan: number;
  selfPaidYuan: number;
  documents: string[];
}

/** The form's fields: the plan's members offered as the ID is typed; the self-paid part follows the bill and the insurance share. */
function ClaimFields({ form, plans, planId: initialPlanId }: { form: FormInstance<NewClaim>; plans: Plan[]; planId?: string }) {
  const { t, label } = useI18n();
  const planId = Form.useWatch('planId', form);
  const [members, setMembers] = useState<PlanMember[]>([]);
  useEffect(() => {
    setMembers([]);
    if (planId)
      void api
        .GET('/api/v1/aid/medical-plans/{id}/members', { params: { path: { id: planId }, query: { limit: 500 } } })
        .then(({ data }) => setMembers(data?.items ?? []));
  }, [planId]);
  const selfPaid = () => {
    const bill = toFen(form.getFieldValue('billTotalYuan'));
    const insurance = toFen(form.getFieldValue('insuranceYuan'));
    if (bill !== undefined && insurance !== undefined && bill >= insurance) form.setFieldsValue({ selfPaidYuan: (bill - insurance) / 100 });
  };
  return (
    <>
      <Form.Item name="planId" label={t.medFromPlan} rules={[{ required: true }]} initialValue={initialPlanId}>
        <Select id="claim-planId" options={plans.map((p) => ({ value: p.id, label: `${p.name} · ${p.year}` }))} />
      </Form.Item>
      <Form.Item name="memberId" label={t.medMemberId} rules={[{ required: true, whitespace: true }]}>
        <AutoComplete
          id="claim-memberId"
          options={members.map((m) => ({
            value: m.memberId,
            label: `${m.memberId} · ${label(m.joinedVia, 'joinedVia')} · ${t.medCapLeft} ${yuan(m.capLeftFen)}`,
          }))}
          filterOption={(input, option) => String(option?.value ?? '').startsWith(input.trim())}
          maxLength={36}
        />
      </Form.Item>
      <Row gutter={8}>
        <Col xs={24} sm={8}>
          <Form.Item name="billTotalYuan" label={t.medBill} rules={[{ required: true }]}>
            <InputNumber id="claim-bill" min={0.01} precision={2} style={{ width: '100%' }} onChange={selfPaid} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="insuranceYuan" label={t.medInsurance} rules={[{ required: true }]}>
            <InputNumber id="claim-insurance" min={0} precision={2} style={{ width: '100%' }} onChange={selfPaid} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="selfPaidYuan" label={t.medSelfPaid} rules={[{ required: true }]}>
            <InputNumber id="claim-selfPaid" min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="documents" label={t.medDocuments} initialValue={['invoice', 'insurance-settlement']}>
        <Checkbox.Group options={CLAIM_DOCUMENTS.map((d) => ({ value: d, label: label(d, 'claimDoc') }))} />
      </Form.Item>
    </>
  );
}

/** 登记报销申请: amounts typed in yuan, sent in fen; the API's errors (…Fen) shown on the yuan fields. */
export function NewClaimModal(props: { open: boolean; planId?: string; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const plans = usePlans();
  return (
    <ActionModal<NewClaim>
      title={t.medNewClaim}
      open={props.open}
      onClose={props.onClose}
      onDone={props.onClose}
      testId="claim-modal"
      send={async (values) => {
        const body: Schemas['aid.SubmitClaimRequest'] = {
          planId: values.planId,
          memberId: values.memberId.trim(),
          billTotalFen: toFen(values.billTotalYuan)!,
          insuranceFen: toFen(values.insuranceYuan)!,
          selfPaidFen: toFen(values.selfPaidYuan)!,
          documents: (values.documents ?? []) as Schemas['aid.SubmitClaimRequest']['documents'],
        };
        const result = await api.POST('/api/v1/aid/medical-claims', { body });
        if (result.data) navigate(`/aid/medical-claims/${result.data.id}`);
        return result.error ? { ...result, error: onYuanFields(problemOf(result.error, result.response.status)) } : result;
      }}
    >
      {(form) => <ClaimFields form={form} plans={plans} planId={props.planId} />}
    </ActionModal>
  );
}
