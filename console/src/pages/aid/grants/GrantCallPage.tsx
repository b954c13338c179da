import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Popconfirm, Result, Space, Spin, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api, problemOf, type Schemas } from '../../../api/client';
import { ActionModal } from '../../../components/ActionModal';
import { CursorTable } from '../../../components/CursorTable';
import { useI18n } from '../../../i18n';
import { DateInput, onYuanFields, toFen, useBudgets, yuan } from '../aid-kit';
import { CALL_COLOURS, PROPOSAL_COLOURS, type GrantCall, type Proposal, type Ranking } from './grant-kit';

type RankingEntry = Ranking['ranking'][number];

interface NewProposal {
  creditCode: string;
  organisationName: string;
  projectTitle: string;
  summary: string;
  requestedYuan: number;
  milestones: { name: string; amountYuan: number; dueOn: string }[];
}

/** One grant call: its terms, the proposals, the ranking so far, closing submissions and the award in rank order. */
export function GrantCallPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const budgets = useBudgets();
  const [call, setCall] = useState<GrantCall | null>(null);
  const [status, setStatus] = useState<number | null>(null);
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [proposing, setProposing] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const path = { params: { path: { id } } };

  const load = useCallback(async () => {
    const { data, response } = await api.GET('/api/v1/aid/grant-calls/{id}', { params: { path: { id } } });
    setStatus(response.status);
    setCall(data ?? null);
    if (data) setRanking((await api.GET('/api/v1/aid/grant-calls/{id}/ranking', { params: { path: { id } } })).data ?? null);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  const loadProposals = useCallback(async (cursor?: string) => (await api.GET('/api/v1/aid/grant-calls/{id}/proposals', { params: { path: { id }, query: { limit: 20, cursor } } })).data, [id]);

  if (status === null) return <Spin />;
  if (!call) return <Result status="404" title="404" subTitle={t.notFound} data-testid="not-found" />;

  const run = async (key: string, send: () => Promise<{ error?: unknown; response: Response }>) => {
    setBusy(key);
    setError(null);
    const { error: problem, response } = await send();
    setBusy(null);
    if (!response.ok) {
      const p = problemOf(problem, response.status);
      setError(p.detail ?? p.title ?? String(response.status));
      return;
    }
    void message.success(t.saved);
    setReload((n) => n + 1);
    void load();
  };
  const budget = budgets.find((b) => b.id === call.budgetId);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={
          <span data-testid="grant-call-title">
            {call.title}{' '}
            <Tag color={CALL_COLOURS[call.status]} data-testid="grant-call-status">
              {label(call.status, 'grantCall')}
            </Tag>
          </span>
        }
        extra={
          <Space wrap>
            {call.status === 'open' && (
              <>
                <Button icon={<PlusOutlined />} onClick={() => setProposing(true)} data-testid="new-proposal">
                  {t.grNewProposal}
                </Button>
                <Button type="primary" loading={busy === 'close'} onClick={() => void run('close', () => api.POST('/api/v1/aid/grant-calls/{id}/close-submissions', path))} data-testid="grant-close">
                  {t.grCloseSubmissions}
                </Button>
              </>
            )}
            {call.status === 'reviewing' && (
              <Popconfirm title={t.grAwardConfirm} onConfirm={() => void run('award', () => api.POST('/api/v1/aid/grant-calls/{id}/award', path))}>
                <Button type="primary" loading={busy === 'award'} data-testid="grant-award">
                  {t.grAward}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="grant-error" />}
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t.grBudget}>{budget ? <Link to={`/aid/budgets/${budget.id}`}>{budget.name}</Link> : call.budgetId.slice(0, 8)}</Descriptions.Item>
          <Descriptions.Item label={t.grAmount}>{yuan(call.amountFen)}</Descriptions.Item>
          <Descriptions.Item label={t.grAwarded}>{yuan(call.awardedFen)}</Descriptions.Item>
          <Descriptions.Item label={t.grCriteria} span={2}>
            {call.criteria.map((c) => (
              <Tag key={c.key}>
                {c.name} · {c.weight}% · {t.grMaxScore} {c.maxScore}
              </Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t.grMinScore}>{call.minScore}</Descriptions.Item>
          <Descriptions.Item label={t.grPanel} span={3}>
            {call.panel.join('、')}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {call.status !== 'open' && (
        <Card size="small" title={t.grRanking}>
          {ranking && ranking.incomplete.length > 0 && call.status === 'reviewing' && <Alert type="warning" showIcon message={`${t.grIncomplete}（${ranking.incomplete.length}）`} style={{ marginBottom: 12 }} data-testid="grant-incomplete" />}
          <Table<RankingEntry>
            size="small"
            rowKey="proposalId"
            pagination={false}
            scroll={{ x: 700 }}
            data-testid="grant-ranking"
            dataSource={ranking?.ranking ?? []}
            locale={{ emptyText: t.grNoRanking }}
            onRow={(r) => ({ onClick: () => navigate(`/aid/grant-proposals/${r.proposalId}`), style: { cursor: 'pointer' } })}
            columns={[
              { title: t.grRank, dataIndex: 'rank', width: 64 },
              { title: t.grOrganisation, dataIndex: 'organisationName' },
              { title: t.grProjectTitle, dataIndex: 'projectTitle' },
              { title: t.grScore, dataIndex: 'score', align: 'right' },
              { title: t.grSheets, dataIndex: 'sheets', align: 'right' },
              { title: t.grRequested, dataIndex: 'requestedFen', align: 'right', render: yuan },
              {
                title: t.grWithinBudget,
                dataIndex: 'withinBudget',
                render: (v: boolean) => (v ? <Tag color="green">{t.grWithinBudget}</Tag> : <Tag>{t.grOutsideBudget}</Tag>),
              },
            ]}
          />
        </Card>
      )}

      <Card size="small" title={t.grProposals}>
        <CursorTable<Proposal>
          load={loadProposals}
          reloadKey={reload}
          empty={t.grNoProposals}
          testId="grant-proposals"
          onRow={(p) => ({ onClick: () => navigate(`/aid/grant-proposals/${p.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t.grOrganisation, dataIndex: 'organisationName' },
            { title: t.grProjectTitle, dataIndex: 'projectTitle' },
            { title: t.grRequested, dataIndex: 'requestedFen', align: 'right', render: yuan },
            { title: t.grCallStatus, dataIndex: 'status', render: (v: string) => <Tag color={PROPOSAL_COLOURS[v]}>{label(v, 'proposal')}</Tag> },
            { title: t.grRank, dataIndex: 'rank' },
            { title: t.grScore, dataIndex: 'score' },
            { title: t.grPaid, dataIndex: 'paidFen', align: 'right', render: yuan },
          ]}
        />
      </Card>

      <ActionModal<NewProposal>
        title={t.grNewProposal}
        open={proposing}
        onClose={() => setProposing(false)}
        onDone={() => {
          setProposing(false);
          setReload((n) => n + 1);
        }}
        testId="proposal-modal"
        send={async (values) => {
          const body: Schemas['aid.SubmitProposalRequest'] = {
            creditCode: values.creditCode.trim().toUpperCase(),
            organisationName: values.organisationName,
            projectTitle: values.projectTitle,
            summary: values.summary,
            requestedFen: toFen(values.requestedYuan)!,
            milestones: (values.milestones ?? []).map((m) => ({ name: m.name, amountFen: toFen(m.amountYuan)!, dueOn: m.dueOn })),
          };
          const result = await api.POST('/api/v1/aid/grant-calls/{id}/proposals', { ...path, body });
          return result.error ? { ...result, error: onYuanFields(problemOf(result.error, result.response.status)) } : result;
        }}
      >
        {() => (
          <>
            <Form.Item name="creditCode" label={t.grCreditCode} rules={[{ required: true }]}>
              <Input id="proposal-creditCode" maxLength={18} />
            </Form.Item>
            <Form.Item name="organisationName" label={t.grOrganisation} rules={[{ required: true }]}>
              <Input id="proposal-organisationName" maxLength={200} />
            </Form.Item>
            <Form.Item name="projectTitle" label={t.grProjectTitle} rules={[{ required: true }]}>
              <Input id="proposal-projectTitle" maxLength={200} />
            </Form.Item>
            <Form.Item name="summary" label={t.grSummary} rules={[{ required: true }]}>
              <Input.TextArea id="proposal-summary" rows={3} maxLength={4000} />
            </Form.Item>
            <Form.Item name="requestedYuan" label={t.grRequested} rules={[{ required: true }]}>
              <InputNumber id="proposal-requested" min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
            <Form.List name="milestones" initialValue={[{ name: '首期', amountYuan: undefined, dueOn: undefined }]}>
              {(fields, { add, remove }, { errors }) => (
                <>
                  <div style={{ marginBottom: 8 }}>{t.grMilestones}</div>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap size={4}>
                      <Form.Item name={[field.name, 'name']} rules={[{ required: true }]}>
                        <Input id={`proposal-milestone-${field.name}-name`} placeholder={t.grMilestoneName} style={{ width: 140 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'amountYuan']} rules={[{ required: true }]}>
                        <InputNumber id={`proposal-milestone-${field.name}-amount`} placeholder={t.grMilestoneAmount} min={0.01} precision={2} style={{ width: 130 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'dueOn']} rules={[{ required: true }]}>
                        <DateInput id={`proposal-milestone-${field.name}-dueOn`} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="remove" />
                    </Space>
                  ))}
                  <Form.ErrorList errors={errors} />
                  {fields.length < 6 && (
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
                      {t.grAddMilestone}
                    </Button>
                  )}
                </>
              )}
            </Form.List>
          </>
        )}
      </ActionModal>
    </Space>
  );
}
