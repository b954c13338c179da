import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Card, Col, Form, Input, InputNumber, Result, Row, Space, Spin, Statistic, Switch, Tag } from 'antd';
import { FileAddOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { api, problemOf, type Schemas } from '../../../api/client';
import { ActionModal } from '../../../components/ActionModal';
import { CursorTable } from '../../../components/CursorTable';
import { useUnitName } from '../../../components/UnitSelect';
import { chinaDateTime } from '../../../format';
import { useI18n } from '../../../i18n';
import { BudgetSelect, onYuanFields, todayInChina, toFen, yuan } from '../aid-kit';
import { NewClaimModal, PlanRules, type Plan, type PlanMember } from './medical-kit';
import { MemberName } from '../../../components/MemberName';

interface NewPlan {
  name: string;
  year: number;
  budgetId: string;
  contributionYuan: number;
  deductibleYuan: number;
  reimbursementPercent: number;
  yearlyCapYuan: number;
  fastChannelLimitYuan: number;
  gigWorkersFree: boolean;
}

/** 职工医疗互助: the plans of the officer's subtree with their figures, and a new plan paid from an aid budget. */
export function MedicalPlansPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const [creating, setCreating] = useState(false);
  const load = useCallback(
    async (cursor?: string) => (await api.GET('/api/v1/aid/medical-plans', { params: { query: { limit: 20, cursor } } })).data,
    [],
  );
  return (
    <Card
      title={t.medPlans}
      size="small"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-plan">
          {t.medNewPlan}
        </Button>
      }
    >
      <CursorTable<Plan>
        load={load}
        empty={t.medNoPlans}
        testId="plans"
        onRow={(p) => ({ onClick: () => navigate(`/aid/medical-plans/${p.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t.medPlanName,
            dataIndex: 'name',
            render: (v: string, p) => (
              <>
                {v}
                {p.gigWorkersFree && (
                  <Tag color="orange" style={{ marginLeft: 4 }}>
                    {t.medGigFree}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t.medYear, dataIndex: 'year', width: 70 },
          { title: t.orgUnit, dataIndex: 'orgUnitId', render: (v: string) => unitName(v) },
          { title: t.medDeductible, dataIndex: 'deductibleFen', align: 'right', render: yuan },
          { title: t.medPercent, dataIndex: 'reimbursementPercent', align: 'right', render: (v: number) => `${v}%` },
          { title: t.medCap, dataIndex: 'yearlyCapFen', align: 'right', render: yuan },
          { title: t.medMembers, dataIndex: 'members', align: 'right' },
          { title: t.medClaimsCount, dataIndex: 'claims', align: 'right' },
          { title: t.medReimbursed, dataIndex: 'reimbursedFen', align: 'right', render: yuan },
        ]}
      />
      <ActionModal<NewPlan>
        title={t.medNewPlan}
        open={creating}
        onClose={() => setCreating(false)}
        onDone={() => setCreating(false)}
        testId="plan-modal"
        send={async (v) => {
          const body: Schemas['aid.CreatePlanRequest'] = {
            name: v.name.trim(),
            year: v.year,
            budgetId: v.budgetId,
            contributionFen: toFen(v.contributionYuan) ?? 0,
            deductibleFen: toFen(v.deductibleYuan) ?? 0,
            reimbursementPercent: v.reimbursementPercent,
            yearlyCapFen: toFen(v.yearlyCapYuan)!,
            fastChannelLimitFen: toFen(v.fastChannelLimitYuan) ?? 0,
            gigWorkersFree: Boolean(v.gigWorkersFree),
          };
          const result = await api.POST('/api/v1/aid/medical-plans', { body });
          if (result.data) navigate(`/aid/medical-plans/${result.data.id}`);
          return result.error ? { ...result, error: onYuanFields(problemOf(result.error, result.response.status)) } : result;
        }}
      >
        {() => (
          <>
            <Form.Item name="name" label={t.medPlanName} rules={[{ required: true, whitespace: true }]}>
              <Input id="plan-name" maxLength={200} />
            </Form.Item>
            <Row gutter={8}>
              <Col xs={24} sm={8}>
                <Form.Item name="year" label={t.medYear} rules={[{ required: true }]} initialValue={Number(todayInChina().slice(0, 4))}>
                  <InputNumber id="plan-year" min={2000} max={2100} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={16}>
                <Form.Item name="budgetId" label={t.medBudget} rules={[{ required: true }]}>
                  <BudgetSelect id="plan-budgetId" />
                </Form.Item>
              </Col>
              <Col xs={12} sm={8}>
                <Form.Item name="deductibleYuan" label={t.medDeductible} rules={[{ required: true }]} initialValue={1000}>
                  <InputNumber id="plan-deductible" min={0} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={8}>
                <Form.Item name="reimbursementPercent" label={t.medPercent} rules={[{ required: true }]} initialValue={50}>
                  <InputNumber id="plan-percent" min={1} max={100} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={8}>
                <Form.Item name="yearlyCapYuan" label={t.medCap} rules={[{ required: true }]} initialValue={30000}>
                  <InputNumber id="plan-cap" min={0.01} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={8}>
                <Form.Item name="contributionYuan" label={t.medContribution} rules={[{ required: true }]} initialValue={30}>
                  <InputNumber id="plan-contribution" min={0} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={8}>
                <Form.Item name="fastChannelLimitYuan" label={t.medFastLimit} initialValue={2000}>
                  <InputNumber id="plan-fastLimit" min={0} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={8}>
                <Form.Item name="gigWorkersFree" label={t.medGigFree} valuePropName="checked" initialValue={false}>
                  <Switch id="plan-gigFree" />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
      </ActionModal>
    </Card>
  );
}

/** One plan: its rules in words, its figures, the members covered (with what is left of each one's cap); join a member, file a claim. */
export function MedicalPlanPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [status, setStatus] = useState<number | null>(null);
  const [action, setAction] = useState<'join' | 'claim' | null>(null);

  const load = useCallback(async () => {
    const { data, response } = await api.GET('/api/v1/aid/medical-plans/{id}', { params: { path: { id } } });
    setStatus(response.status);
    setPlan(data ?? null);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  const loadMembers = useCallback(
    async (cursor?: string) => {
      const page = (await api.GET('/api/v1/aid/medical-plans/{id}/members', { params: { path: { id }, query: { limit: 20, cursor } } }))
        .data;
      return page && { items: page.items.map((m) => ({ ...m, id: m.memberId })), nextCursor: page.nextCursor };
    },
    [id],
  );

  if (status === null) return <Spin />;
  if (!plan) return <Result status="404" title="404" subTitle={t.notFound} data-testid="not-found" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={
          <span data-testid="plan-title">
            {plan.name} <Tag>{plan.year}</Tag> {unitName(plan.orgUnitId)}
          </span>
        }
        extra={
          <Space wrap>
            <Button icon={<UserAddOutlined />} onClick={() => setAction('join')} data-testid="plan-join">
              {t.medJoin}
            </Button>
            <Button onClick={() => navigate(`/aid/medical-claims?planId=${plan.id}`)} data-testid="plan-claims">
              {t.medClaims}
            </Button>
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setAction('claim')} data-testid="plan-new-claim">
              {t.medNewClaim}
            </Button>
          </Space>
        }
      >
        <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
          <Col xs={12} sm={6}>
            <Statistic title={t.medMembers} value={plan.members} />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t.medGigWorkers} value={plan.gigWorkers} />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t.medClaimsCount} value={plan.claims} />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t.medReimbursed} value={yuan(plan.reimbursedFen)} />
          </Col>
        </Row>
        <Card size="small" type="inner" title={t.medRules}>
          <PlanRules plan={plan} />
        </Card>
      </Card>
      <Card size="small" title={t.medEnrolled}>
        <CursorTable<PlanMember & { id: string }>
          load={loadMembers}
          reloadKey={plan}
          empty={t.medNoMembers}
          testId="plan-member-list"
          columns={[
            { title: t.medMemberId, dataIndex: 'memberId', render: (v: string) => <MemberName id={v} /> },
            {
              title: t.medJoinedVia,
              dataIndex: 'joinedVia',
              render: (v: string) => <Tag color={v === 'gig-worker' ? 'orange' : undefined}>{label(v, 'joinedVia')}</Tag>,
            },
            { title: t.medContribution, dataIndex: 'contributionFen', align: 'right', render: yuan },
            { title: t.medReimbursed, dataIndex: 'reimbursedFen', align: 'right', render: yuan },
            { title: t.medCapLeft, dataIndex: 'capLeftFen', align: 'right', render: yuan },
            { title: t.medJoinedAt, dataIndex: 'joinedAt', render: chinaDateTime, width: 150 },
          ]}
        />
      </Card>
      <ActionModal<Schemas['aid.JoinPlanRequest']>
        title={t.medJoin}
        open={action === 'join'}
        onClose={() => setAction(null)}
        onDone={() => {
          setAction(null);
          void load();
        }}
        testId="join-modal"
        send={(body) =>
          api.POST('/api/v1/aid/medical-plans/{id}/members', { params: { path: { id } }, body: { memberId: body.memberId.trim() } })
        }
      >
        {() => (
          <Form.Item name="memberId" label={t.medMemberId} rules={[{ required: true, whitespace: true }]}>
            <Input id="join-memberId" maxLength={36} autoComplete="off" />
          </Form.Item>
        )}
      </ActionModal>
      <NewClaimModal open={action === 'claim'} planId={plan.id} onClose={() => setAction(null)} />
    </Space>
  );
}
