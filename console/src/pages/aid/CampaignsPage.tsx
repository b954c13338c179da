import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Result, Row, Select, Space, Spin, Statistic, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, problemOf, type Schemas } from '../../api/client';
import { ActionModal } from '../../components/ActionModal';
import { CursorTable } from '../../components/CursorTable';
import { EChart } from '../../components/EChart';
import { useUnitName } from '../../components/UnitSelect';
import { chinaDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { BudgetSelect, DateInput, GRADES, onYuanFields, todayInChina, toFen, yuan } from './aid-kit';
import { NominationUpload } from './campaigns/NominationUpload';
import { DistributionList } from './campaigns/DistributionList';
import { MemberName } from '../../components/MemberName';

type Campaign = Schemas['aid.CampaignView'];
type Summary = Schemas['aid.CrossCheckSummary'];
type Verdict = Schemas['aid.VerdictView'];
type Outcome = Verdict['outcome'];

const KINDS = ['spring-warmth', 'summer-coolness', 'autumn-student-grants', 'two-cancer-care', 'other'] as const;
const OUTCOMES: Outcome[] = ['payable', 'already-paid', 'paid-in-excluded', 'not-member', 'left', 'ineligible', 'missed'];
const OUTCOME_COLOURS: Record<Outcome, string> = {
  payable: '#52c41a',
  'already-paid': '#8c8c8c',
  'paid-in-excluded': '#bfbfbf',
  'not-member': '#c8102e',
  left: '#fa8c16',
  ineligible: '#722ed1',
  missed: '#1677ff',
};

interface NewCampaign {
  name: string;
  kind: (typeof KINDS)[number];
  budgetId: string;
  startsOn: string;
  endsOn: string;
  cashYuan?: number;
  items?: { name: string; quantity: number; unit: string }[];
  grades?: string[];
}

/** 专项行动 (两节送温暖, 金秋助学…): the list, and a new campaign on a budget. */
export function CampaignsPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const [creating, setCreating] = useState(false);
  const load = useCallback(async (cursor?: string) => (await api.GET('/api/v1/aid/campaigns', { params: { query: { limit: 20, cursor } } })).data, []);
  return (
    <Card
      title={t.aidCampaigns}
      size="small"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-campaign">
          {t.aidNewCampaign}
        </Button>
      }
    >
      <CursorTable<Campaign>
        load={load}
        empty={t.aidNoCampaigns}
        testId="campaigns"
        onRow={(c) => ({ onClick: () => navigate(`/aid/campaigns/${c.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t.aidCampaignName, dataIndex: 'name' },
          { title: t.aidCampaignKind, dataIndex: 'kind', render: (v: string) => label(v, 'campaign') },
          { title: t.orgUnit, dataIndex: 'orgUnitId', render: (v: string) => unitName(v) },
          { title: t.aidPeriod, render: (_: unknown, c) => `${c.startsOn} ~ ${c.endsOn}` },
          { title: t.aidCashStandard, dataIndex: 'cashFen', align: 'right', render: yuan },
          { title: t.aidCampaignStatus, dataIndex: 'status', render: (v: string) => <Tag color={v === 'collecting' ? 'blue' : v === 'confirmed' ? 'gold' : 'default'}>{label(v, 'campaignStatus')}</Tag> },
          { title: t.aidConfirmed, render: (_: unknown, c) => c.figures.confirmed },
          { title: t.aidPaid, render: (_: unknown, c) => yuan(c.figures.paidFen) },
        ]}
      />
      <ActionModal<NewCampaign>
        title={t.aidNewCampaign}
        open={creating}
        onClose={() => setCreating(false)}
        onDone={() => setCreating(false)}
        testId="campaign-modal"
        send={async (values) => {
          const body: Schemas['aid.CreateCampaignRequest'] = {
            name: values.name,
            kind: values.kind,
            budgetId: values.budgetId,
            startsOn: values.startsOn,
            endsOn: values.endsOn,
            ...(values.cashYuan ? { cashFen: toFen(values.cashYuan) } : {}),
            ...(values.items?.length ? { items: values.items } : {}),
            ...(values.grades?.length ? { eligibility: [{ fact: 'hardship-grade', anyOf: values.grades }] } : {}),
          };
          const result = await api.POST('/api/v1/aid/campaigns', { body });
          if (result.data) navigate(`/aid/campaigns/${result.data.id}`);
          return result.error ? { ...result, error: onYuanFields(problemOf(result.error, result.response.status)) } : result;
        }}
      >
        {() => (
          <>
            <Form.Item name="name" label={t.aidCampaignName} rules={[{ required: true }]}>
              <Input id="campaign-name" maxLength={200} />
            </Form.Item>
            <Form.Item name="kind" label={t.aidCampaignKind} rules={[{ required: true }]}>
              <Select id="campaign-kind" options={KINDS.map((v) => ({ value: v, label: label(v, 'campaign') }))} />
            </Form.Item>
            <Form.Item name="budgetId" label={t.aidBudgetField} rules={[{ required: true }]}>
              <BudgetSelect id="campaign-budgetId" />
            </Form.Item>
            <Space wrap>
              <Form.Item name="startsOn" label={t.aidStartsOn} rules={[{ required: true }]} initialValue={todayInChina()}>
                <DateInput id="campaign-startsOn" />
              </Form.Item>
              <Form.Item name="endsOn" label={t.aidEndsOn} rules={[{ required: true }]}>
                <DateInput id="campaign-endsOn" />
              </Form.Item>
            </Space>
            <Form.Item name="cashYuan" label={t.aidCashStandard}>
              <InputNumber id="campaign-cash" min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
            {/* 实物 (rice, oil, school supplies): one line per item, each person gets the same */}
            <Form.Item label={t.aidInKindStandard} extra={t.aidInKindHint}>
              <Form.List name="items">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Row key={field.key} gutter={8} align="top" data-testid={`campaign-item-${field.name}`}>
                        <Col span={10}>
                          <Form.Item name={[field.name, 'name']} rules={[{ required: true }]}>
                            <Input id={`campaign-item-${field.name}-name`} aria-label={t.aidItemName} placeholder={t.aidItemName} maxLength={100} />
                          </Form.Item>
                        </Col>
                        <Col span={6}>
                          <Form.Item name={[field.name, 'quantity']} rules={[{ required: true }]}>
                            <InputNumber id={`campaign-item-${field.name}-quantity`} aria-label={t.aidItemQuantity} placeholder={t.aidItemQuantity} min={1} max={10_000} precision={0} style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                        <Col span={5}>
                          <Form.Item name={[field.name, 'unit']} rules={[{ required: true }]}>
                            <Input id={`campaign-item-${field.name}-unit`} aria-label={t.aidItemUnit} placeholder={t.aidItemUnit} maxLength={20} />
                          </Form.Item>
                        </Col>
                        <Col span={3}>
                          <Button type="text" danger onClick={() => remove(field.name)} aria-label="remove">
                            ×
                          </Button>
                        </Col>
                      </Row>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ quantity: 1 })} data-testid="campaign-add-item">
                      {t.aidAddItem}
                    </Button>
                  </>
                )}
              </Form.List>
            </Form.Item>
            <Form.Item name="grades" label={t.aidEligibleGrades}>
              <Select id="campaign-grades" mode="multiple" options={GRADES.map((v) => ({ value: v, label: label(v, 'grade') }))} />
            </Form.Item>
          </>
        )}
      </ActionModal>
    </Card>
  );
}

/** One campaign: its figures, the channels that list people, the cross-check report, confirmation and close. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const unitName = useUnitName();
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [status, setStatus] = useState<number | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [outcome, setOutcome] = useState<Outcome | 'all'>('all');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  const load = useCallback(async () => {
    const { data, response } = await api.GET('/api/v1/aid/campaigns/{id}', { params: { path: { id } } });
    setStatus(response.status);
    setCampaign(data ?? null);
    if (data?.checkedAt) {
      const report = await api.GET('/api/v1/aid/campaigns/{id}/cross-check', { params: { path: { id }, query: { limit: 1 } } });
      setSummary(report.data?.summary ?? null);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load, reload]);
  // Rows keyed by member and outcome (a verdict has no id of its own).
  const loadVerdicts = useCallback(
    async (cursor?: string) => {
      const page = (await api.GET('/api/v1/aid/campaigns/{id}/cross-check', { params: { path: { id }, query: { limit: 20, cursor, ...(outcome === 'all' ? {} : { outcome }) } } })).data;
      return page && { items: page.items.map((v) => ({ ...v, id: `${v.memberId}-${v.outcome}` })), nextCursor: page.nextCursor };
    },
    [id, outcome],
  );
  const chart = useMemo(
    () =>
      summary && {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            data: OUTCOMES.map((o) => ({ name: label(o, 'verdict'), value: (summary.counts as Record<string, number>)[o] ?? 0, itemStyle: { color: OUTCOME_COLOURS[o] } })).filter((d) => d.value > 0),
          },
        ],
      },
    [summary, label],
  );

  /** A campaign action: the API's problem (409 stale cross-check, 422…) shows above the report. */
  const run = async (key: string, call: () => Promise<{ data?: unknown; error?: unknown; response: Response }>, after?: (data: unknown) => void) => {
    setBusy(key);
    setError(null);
    const { data, error: problem, response } = await call();
    setBusy(null);
    if (!response.ok) {
      const p = problemOf(problem, response.status);
      setError([p.detail ?? p.title, ...(p.errors ?? []).map((e) => `${e.field}: ${e.message}`)].filter(Boolean).join('；'));
      return;
    }
    after?.(data);
    void message.success(t.saved);
    setReload((n) => n + 1);
  };

  if (status === null) return <Spin />;
  if (!campaign) return <Result status="404" title="404" subTitle={t.notFound} data-testid="not-found" />;
  const path = { params: { path: { id } } };
  const collecting = campaign.status === 'collecting';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={
          <span data-testid="campaign-title">
            {campaign.name} <Tag>{label(campaign.kind, 'campaign')}</Tag>
            <Tag color={collecting ? 'blue' : 'gold'}>{label(campaign.status, 'campaignStatus')}</Tag>
          </span>
        }
        extra={
          <Space wrap>
            {campaign.status !== 'closed' && (
              <>
                <Button loading={busy === 'files'} onClick={() => void run('files', () => api.POST('/api/v1/aid/campaigns/{id}/hardship-files', { ...path, body: {} }), (d) => void message.info(`${t.aidAdded}: ${(d as { added: number }).added}`))} data-testid="campaign-list-files">
                  {t.aidListFiles}
                </Button>
                <Button loading={busy === 'check'} onClick={() => void run('check', () => api.POST('/api/v1/aid/campaigns/{id}/cross-check', path))} data-testid="campaign-cross-check">
                  {t.aidCrossCheck}
                </Button>
                <Button
                  type="primary"
                  loading={busy === 'confirm'}
                  onClick={() => void run('confirm', () => api.POST('/api/v1/aid/campaigns/{id}/confirm', path), (d) => setBatchId((d as { paymentBatchId: string }).paymentBatchId))}
                  data-testid="campaign-confirm"
                >
                  {t.aidConfirm}
                </Button>
              </>
            )}
            {campaign.status === 'confirmed' && (
              <Button loading={busy === 'close'} onClick={() => void run('close', () => api.POST('/api/v1/aid/campaigns/{id}/close', path))} data-testid="campaign-close">
                {t.aidClose}
              </Button>
            )}
          </Space>
        }
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="campaign-error" />}
        {batchId && <Alert type="success" showIcon message={<Link to={`/aid/payment-batches/${batchId}`}>{t.aidConfirmedRound}</Link>} style={{ marginBottom: 12 }} />}
        {campaign.crossCheckStale && campaign.checkedAt && <Alert type="warning" showIcon message={t.aidCrossCheckStale} style={{ marginBottom: 12 }} />}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t.orgUnit}>{unitName(campaign.orgUnitId)}</Descriptions.Item>
          <Descriptions.Item label={t.aidPeriod}>
            {campaign.startsOn} ~ {campaign.endsOn}
          </Descriptions.Item>
          <Descriptions.Item label={t.aidCashStandard}>{yuan(campaign.cashFen) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t.aidInKindStandard}>
            <span data-testid="campaign-items">{campaign.items.map((item) => `${item.name} ${item.quantity}${item.unit}`).join('、') || '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t.aidEligibleGrades}>
            {campaign.eligibility.map((c) => `${c.fact}: ${(c.anyOf ?? []).map((v) => label(v, 'grade')).join('、')}`).join('；') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t.aidRounds}>{campaign.rounds}</Descriptions.Item>
          <Descriptions.Item label={t.aidCreatedAt}>{chinaDateTime(campaign.createdAt)}</Descriptions.Item>
        </Descriptions>
        <Row gutter={[8, 8]}>
          <Col xs={12} sm={6}>
            <Statistic title={t.aidConfirmed} value={campaign.figures.confirmed} />
          </Col>
          {/* goods only: no money moves, so no money figures (the distribution list below shows the progress) */}
          {campaign.cashFen !== null && (
            <>
              <Col xs={12} sm={6}>
                <Statistic title={t.aidConfirmedYuan} value={yuan(campaign.figures.confirmedFen)} />
              </Col>
              <Col xs={12} sm={6}>
                <Statistic title={label('paid', 'instruction')} value={campaign.figures.paid} />
              </Col>
              <Col xs={12} sm={6}>
                <Statistic title={t.aidPaid} value={yuan(campaign.figures.paidFen)} />
              </Col>
            </>
          )}
        </Row>
      </Card>
      {campaign.status !== 'closed' && <NominationUpload campaignId={id} onFinished={() => setReload((n) => n + 1)} />}
      {campaign.items.length > 0 && campaign.rounds > 0 && <DistributionList campaignId={id} reloadKey={reload} />}
      <Card size="small" title={`${t.aidCrossCheckReport}${campaign.checkedAt ? ` · ${chinaDateTime(campaign.checkedAt)}` : ''}`} data-testid="cross-check-report">
        {!summary ? (
          <Empty description={t.aidNoCrossCheck} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={9}>
              <Row gutter={[8, 8]}>
                <Col span={12}>
                  <Statistic title={t.aidListed} value={summary.listed} data-testid="cross-check-listed" />
                </Col>
                <Col span={12}>
                  <Statistic title={t.aidDuplicates} value={summary.duplicates} />
                </Col>
                <Col span={12}>
                  <Statistic title={label('payable', 'verdict')} value={summary.counts.payable} data-testid="cross-check-payable" />
                </Col>
                {campaign.cashFen !== null && (
                  <Col span={12}>
                    <Statistic title={t.aidPayableYuan} value={yuan(summary.payableFen)} />
                  </Col>
                )}
              </Row>
              {chart && <EChart option={chart} height={240} testId="chart-cross-check" />}
            </Col>
            <Col xs={24} lg={15}>
              <Tabs
                size="small"
                activeKey={outcome}
                onChange={(k) => setOutcome(k as Outcome | 'all')}
                items={[
                  { key: 'all', label: `${t.aidAllStages} ${summary.listed}` },
                  ...OUTCOMES.map((o) => ({ key: o, label: `${label(o, 'verdict')} ${(summary.counts as Record<string, number>)[o] ?? 0}` })),
                ]}
              />
              <CursorTable<Verdict & { id: string }>
                load={loadVerdicts}
                reloadKey={reload}
                empty={t.aidNoVerdicts}
                testId="verdicts"
                columns={[
                  { title: t.memberId, dataIndex: 'memberId', render: (v: string) => <MemberName id={v} /> },
                  { title: t.aidOutcome, dataIndex: 'outcome', render: (v: Outcome) => <Tag color={OUTCOME_COLOURS[v]}>{label(v, 'verdict')}</Tag> },
                  { title: t.aidChannels, dataIndex: 'channels', render: (v: string[], r) => <>{v.map((c) => label(c, 'channel')).join('、')}{r.duplicate && <Tag style={{ marginLeft: 4 }}>{t.aidDuplicate}</Tag>}</> },
                  { title: t.reason, dataIndex: 'reason' },
                  { title: t.aidFile, dataIndex: 'hardshipFileId', render: (v: string | null) => v && <Link to={`/aid/hardship-files/${v}`}>{v.slice(0, 8)}</Link> },
                ]}
              />
            </Col>
          </Row>
        )}
      </Card>
    </Space>
  );
}
