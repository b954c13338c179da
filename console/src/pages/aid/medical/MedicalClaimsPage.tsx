import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Popconfirm, Result, Row, Space, Spin, Tabs, Tag } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { api, problemOf, type Schemas } from '../../../api/client';
import { ActionModal } from '../../../components/ActionModal';
import { CursorTable } from '../../../components/CursorTable';
import { chinaDateTime } from '../../../format';
import { useI18n } from '../../../i18n';
import { yuan } from '../aid-kit';
import {
  CLAIM_STATUS_COLOURS,
  CLAIM_STATUSES,
  ClaimComputation,
  NewClaimModal,
  usePlans,
  type Claim,
  type ClaimStatus,
  type Plan,
} from './medical-kit';
import { MemberName } from '../../../components/MemberName';

function ClaimStatusTags({ claim }: { claim: Claim }) {
  const { t, label } = useI18n();
  return (
    <>
      <Tag color={CLAIM_STATUS_COLOURS[claim.status]}>{label(claim.status, 'claimStatus')}</Tag>
      {claim.fastChannel && <Tag color="orange">{t.medFastChannel}</Tag>}
      {claim.capped && <Tag color="purple">{t.medCapped}</Tag>}
    </>
  );
}

/** 互助报销 work queue: one tab per status (in the URL, with the plan if one is chosen), cursor-paged; file a claim. */
export function MedicalClaimsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const plans = usePlans();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as ClaimStatus | null) ?? undefined;
  const planId = params.get('planId') ?? undefined;
  const [filing, setFiling] = useState(false);
  const load = useCallback(
    async (cursor?: string) =>
      (await api.GET('/api/v1/aid/medical-claims', { params: { query: { limit: 20, cursor, status, planId } } })).data,
    [status, planId],
  );
  const planName = (id: string) => plans.find((p) => p.id === id)?.name ?? id.slice(0, 8);
  return (
    <Card
      title={planId ? `${t.medClaims} · ${planName(planId)}` : t.medClaims}
      size="small"
      extra={
        <Button type="primary" icon={<FileAddOutlined />} onClick={() => setFiling(true)} data-testid="new-claim">
          {t.medNewClaim}
        </Button>
      }
    >
      <Tabs
        size="small"
        activeKey={status ?? 'all'}
        onChange={(key) => setParams({ ...(key === 'all' ? {} : { status: key }), ...(planId ? { planId } : {}) })}
        items={[{ key: 'all', label: t.medAll }, ...CLAIM_STATUSES.map((s) => ({ key: s, label: <ClaimStatusLabel status={s} /> }))]}
        data-testid="claim-tabs"
      />
      <CursorTable<Claim>
        load={load}
        empty={t.medNoClaims}
        testId="claims"
        onRow={(c) => ({ onClick: () => navigate(`/aid/medical-claims/${c.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t.medSubmittedOn, dataIndex: 'submittedOn', width: 110 },
          { title: t.medFromPlan, dataIndex: 'planId', render: planName },
          { title: t.medMemberId, dataIndex: 'memberId', render: (v: string) => <MemberName id={v} /> },
          { title: t.medBill, dataIndex: 'billTotalFen', align: 'right', render: yuan },
          { title: t.medSelfPaid, dataIndex: 'selfPaidFen', align: 'right', render: yuan },
          { title: t.medReimbursement, dataIndex: 'reimbursementFen', align: 'right', render: yuan },
          { title: t.status, render: (_: unknown, c) => <ClaimStatusTags claim={c} /> },
          { title: t.medDaysTaken, dataIndex: 'daysTaken', align: 'right', width: 90 },
        ]}
      />
      <NewClaimModal open={filing} planId={planId} onClose={() => setFiling(false)} />
    </Card>
  );
}

function ClaimStatusLabel({ status }: { status: ClaimStatus }) {
  const { label } = useI18n();
  return <>{label(status, 'claimStatus')}</>;
}

/** One claim: its figures, how the reimbursement comes about (the API's amount), and the actions its status allows. */
export function MedicalClaimPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [claim, setClaim] = useState<Claim | null>(null);
  const [plan, setPlan] = useState<Plan | undefined>(undefined);
  const [status, setStatus] = useState<number | null>(null);
  const [action, setAction] = useState<'reject' | 'pay' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [approving, setApproving] = useState(false);

  const load = useCallback(async () => {
    const { data, response } = await api.GET('/api/v1/aid/medical-claims/{id}', { params: { path: { id } } });
    setStatus(response.status);
    setClaim(data ?? null);
    if (data) setPlan((await api.GET('/api/v1/aid/medical-plans/{id}', { params: { path: { id: data.planId } } })).data);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (status === null) return <Spin />;
  if (!claim) return <Result status="404" title="404" subTitle={t.notFound} data-testid="not-found" />;
  const path = { params: { path: { id } } };
  const done = () => {
    setAction(null);
    setError(null);
    void message.success(t.saved);
    void load();
  };
  const approve = async () => {
    setApproving(true);
    const { data, error: problem, response } = await api.POST('/api/v1/aid/medical-claims/{id}/approve', path);
    setApproving(false);
    if (data) return done();
    const p = problemOf(problem, response.status);
    setError(p.detail ?? p.title ?? String(response.status));
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={
          <span data-testid="claim-title">
            {t.medClaim} · <MemberName id={claim.memberId} />{' '}
            <span data-testid="claim-status">
              <ClaimStatusTags claim={claim} />
            </span>
          </span>
        }
        extra={
          <Space wrap data-testid="claim-actions">
            {claim.status === 'submitted' && (
              <>
                <Popconfirm title={t.medApprove} onConfirm={() => void approve()} okText={t.medApprove} cancelText={t.cancel}>
                  <Button type="primary" loading={approving} data-testid="claim-approve">
                    {t.medApprove}
                  </Button>
                </Popconfirm>
                <Button danger onClick={() => setAction('reject')} data-testid="claim-reject">
                  {t.medReject}
                </Button>
              </>
            )}
            {((claim.status === 'approved' && !claim.paymentBatchId) || claim.status === 'payment-failed') && (
              <Button onClick={() => setAction('pay')} data-testid="claim-pay">
                {t.medPay}
              </Button>
            )}
          </Space>
        }
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="claim-error" />}
        {claim.status === 'approved' && !claim.paymentBatchId && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={
              <>
                {t.medToBatch} <Link to="/aid/payment-batches">{t.aidBatches}</Link>
              </>
            }
            data-testid="claim-to-batch"
          />
        )}
        {claim.paymentBatchId && claim.status === 'approved' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={
              <>
                {t.medInBatch} <Link to={`/aid/payment-batches/${claim.paymentBatchId}`}>{t.medOpenBatch}</Link>
              </>
            }
          />
        )}
        {claim.status === 'payment-failed' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={`${t.medPaymentFailed} ${claim.paymentFailureReason ?? ''}`}
            description={
              <>
                {t.medReissueHint}{' '}
                {claim.paymentBatchId && <Link to={`/aid/payment-batches/${claim.paymentBatchId}`}>{t.medOpenBatch}</Link>}
              </>
            }
          />
        )}
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t.medFromPlan}>
            {plan ? <Link to={`/aid/medical-plans/${plan.id}`}>{plan.name}</Link> : claim.planId.slice(0, 8)}
          </Descriptions.Item>
          <Descriptions.Item label={t.medMemberId}><MemberName id={claim.memberId} /></Descriptions.Item>
          <Descriptions.Item label={t.medSubmittedOn}>
            {claim.submittedOn} · {claim.submittedBy}
          </Descriptions.Item>
          <Descriptions.Item label={t.medBill}>{yuan(claim.billTotalFen)}</Descriptions.Item>
          <Descriptions.Item label={t.medInsurance}>{yuan(claim.insuranceFen)}</Descriptions.Item>
          <Descriptions.Item label={t.medSelfPaid}>{yuan(claim.selfPaidFen)}</Descriptions.Item>
          <Descriptions.Item label={t.medDocuments}>{claim.documents.map((d) => label(d, 'claimDoc')).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t.medDaysTaken}>{claim.daysTaken}</Descriptions.Item>
          {claim.decidedAt && (
            <Descriptions.Item label={t.medDecidedBy}>
              {claim.decidedBy === 'fast-channel' ? t.medFastChannel : claim.decidedBy} · {chinaDateTime(claim.decidedAt)}
            </Descriptions.Item>
          )}
          {claim.paidAt && (
            <Descriptions.Item label={t.medPaidAt}>
              {chinaDateTime(claim.paidAt)} · {t.medBankReference} {claim.bankReference}
            </Descriptions.Item>
          )}
          {claim.rejectionReason && <Descriptions.Item label={t.medRejectionReason}>{claim.rejectionReason}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {claim.status !== 'rejected' && (
        <Row>
          <Col xs={24} lg={12}>
            <Card size="small" title={t.medComputation}>
              <ClaimComputation claim={claim} plan={plan} />
            </Card>
          </Col>
        </Row>
      )}
      <ActionModal<Schemas['aid.RejectClaimRequest']>
        title={t.medReject}
        open={action === 'reject'}
        onClose={() => setAction(null)}
        onDone={done}
        testId="reject-modal"
        send={(body) => api.POST('/api/v1/aid/medical-claims/{id}/reject', { ...path, body })}
      >
        {() => (
          <Form.Item name="reason" label={t.medReason} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea id="claim-reason" rows={3} maxLength={500} />
          </Form.Item>
        )}
      </ActionModal>
      <ActionModal<Schemas['aid.PayClaimRequest']>
        title={t.medPay}
        open={action === 'pay'}
        onClose={() => setAction(null)}
        onDone={done}
        testId="pay-modal"
        send={(body) => api.POST('/api/v1/aid/medical-claims/{id}/pay', { ...path, body })}
      >
        {() => (
          <Form.Item name="bankReference" label={t.medBankReference} rules={[{ required: true, whitespace: true }]}>
            <Input id="claim-bankReference" maxLength={100} />
          </Form.Item>
        )}
      </ActionModal>
    </Space>
  );
}
