import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Result, Select, Space, Spin, Statistic, Table, Tag } from 'antd';
import { api, problemOf, type Schemas } from '../../../api/client';
import { ActionModal } from '../../../components/ActionModal';
import { chinaDateTime } from '../../../format';
import { useI18n } from '../../../i18n';
import { showProblemOnForm } from '../../../problems';
import { useSession } from '../../../session';
import { DateInput, todayInChina, yuan } from '../aid-kit';
import { CALL_COLOURS, FINAL_RATINGS, PROPOSAL_COLOURS, weightedTotal, type GrantCall, type Proposal, type ScoreSheet } from './grant-kit';

type Milestone = Proposal['milestones'][number];

/** One proposal (项目): details, the panel's score sheets and the reviewer's own, milestones paid through the ledger, the final evaluation. */
export function GrantProposalPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [call, setCall] = useState<GrantCall | null>(null);
  const [sheets, setSheets] = useState<ScoreSheet[]>([]);
  const [status, setStatus] = useState<number | null>(null);
  const [action, setAction] = useState<'score' | 'evaluate' | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = { params: { path: { id } } };

  const load = useCallback(async () => {
    const { data, response } = await api.GET('/api/v1/aid/grant-proposals/{id}', { params: { path: { id } } });
    setStatus(response.status);
    setProposal(data ?? null);
    if (!data) return;
    const [callAnswer, sheetsAnswer] = await Promise.all([
      api.GET('/api/v1/aid/grant-calls/{id}', { params: { path: { id: data.callId } } }),
      api.GET('/api/v1/aid/grant-proposals/{id}/scores', { params: { path: { id } } }),
    ]);
    setCall(callAnswer.data ?? null);
    setSheets(sheetsAnswer.data?.items ?? []);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (status === null) return <Spin />;
  if (!proposal) return <Result status="404" title="404" subTitle={t.notFound} data-testid="not-found" />;

  const done = () => {
    setAction(null);
    setError(null);
    void message.success(t.saved);
    void load();
  };
  const pay = async (seq: number) => {
    setBusy(`pay-${seq}`);
    const { error: problem, response } = await api.POST('/api/v1/aid/grant-proposals/{id}/milestones/{seq}/pay', { params: { path: { id, seq } } });
    setBusy(null);
    if (response.ok) return done();
    const p = problemOf(problem, response.status);
    setError(p.detail ?? p.title ?? String(response.status));
  };
  const onPanel = call?.panel.includes(user.username) ?? false;
  const scoredByMe = sheets.some((s) => s.reviewer === user.username);
  const awarded = proposal.status === 'awarded';

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={
          <span data-testid="proposal-title">
            {proposal.projectTitle}{' '}
            <Tag color={PROPOSAL_COLOURS[proposal.status]} data-testid="proposal-status">
              {label(proposal.status, 'proposal')}
            </Tag>
          </span>
        }
        extra={
          <Space wrap>
            {call?.status === 'reviewing' && onPanel && !scoredByMe && (
              <Button type="primary" onClick={() => setAction('score')} data-testid="score-sheet">
                {t.grScoreSheet}
              </Button>
            )}
            {awarded && (
              <Button onClick={() => setAction('evaluate')} data-testid="proposal-evaluate">
                {t.grEvaluate}
              </Button>
            )}
          </Space>
        }
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="proposal-error" />}
        {call?.status === 'reviewing' && !onPanel && <Alert type="info" showIcon message={t.grNotOnPanel} style={{ marginBottom: 12 }} />}
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t.grOrganisation}>{proposal.organisationName}</Descriptions.Item>
          <Descriptions.Item label={t.grCreditCode}>{proposal.creditCode}</Descriptions.Item>
          <Descriptions.Item label={t.grCall}>
            {call && (
              <Link to={`/aid/grants/${call.id}`}>
                {call.title} <Tag color={CALL_COLOURS[call.status]}>{label(call.status, 'grantCall')}</Tag>
              </Link>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t.grRequested}>{yuan(proposal.requestedFen)}</Descriptions.Item>
          <Descriptions.Item label={t.grRank}>{proposal.rank ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t.grScore}>{proposal.score ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t.grPaid}>{yuan(proposal.paidFen)}</Descriptions.Item>
          <Descriptions.Item label={t.grSubmittedAt}>{chinaDateTime(proposal.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t.grSummary} span={3}>
            {proposal.summary}
          </Descriptions.Item>
          {proposal.finalRating && (
            <Descriptions.Item label={t.grFinal} span={3}>
              <Tag color={proposal.finalRating === 'fail' ? 'red' : 'green'}>{label(proposal.finalRating, 'rating')}</Tag> {proposal.evaluatedOn} · {proposal.finalNote}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card size="small" title={t.grSheets}>
        <Table<ScoreSheet>
          size="small"
          rowKey="reviewer"
          pagination={false}
          scroll={{ x: 600 }}
          data-testid="proposal-sheets"
          dataSource={sheets}
          locale={{ emptyText: t.grNoSheets }}
          columns={[
            { title: t.grReviewer, dataIndex: 'reviewer' },
            ...(call?.criteria ?? []).map((c) => ({ title: `${c.name}（${c.maxScore}）`, key: c.key, align: 'right' as const, render: (_: unknown, s: ScoreSheet) => s.scores[c.key] })),
            { title: t.grWeightedTotal, dataIndex: 'weighted', align: 'right' },
            { title: t.grScoredAt, dataIndex: 'scoredAt', render: chinaDateTime },
          ]}
        />
      </Card>

      <Card size="small" title={t.grMilestones}>
        <Table<Milestone>
          size="small"
          rowKey="seq"
          pagination={false}
          scroll={{ x: 600 }}
          data-testid="proposal-milestones"
          dataSource={proposal.milestones}
          columns={[
            { title: '#', dataIndex: 'seq', width: 48 },
            { title: t.grMilestoneName, dataIndex: 'name' },
            { title: t.grMilestoneAmount, dataIndex: 'amountFen', align: 'right', render: yuan },
            { title: t.grMilestoneDue, dataIndex: 'dueOn' },
            { title: t.grMilestoneStatus, dataIndex: 'status', render: (v: string) => <Tag color={v === 'paid' ? 'green' : v === 'cancelled' ? 'default' : 'blue'}>{label(v, 'milestone')}</Tag> },
            { title: t.grPaidAt, dataIndex: 'paidAt', render: chinaDateTime },
            {
              title: t.actions,
              render: (_: unknown, m) =>
                awarded &&
                m.status === 'planned' && (
                  <Popconfirm title={t.grPayConfirm} onConfirm={() => void pay(m.seq)}>
                    <Button size="small" type="primary" loading={busy === `pay-${m.seq}`} data-testid={`pay-milestone-${m.seq}`}>
                      {t.grPay}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>

      {call && <ScoreSheetDialog open={action === 'score'} call={call} proposalId={id} onClose={() => setAction(null)} onDone={done} />}
      <ActionModal<Schemas['aid.FinalEvaluationRequest']>
        title={t.grEvaluate}
        open={action === 'evaluate'}
        onClose={() => setAction(null)}
        onDone={done}
        testId="evaluation-modal"
        send={(body) => api.POST('/api/v1/aid/grant-proposals/{id}/final-evaluation', { ...path, body })}
      >
        {() => (
          <>
            <Alert type="info" showIcon message={t.grEvaluateHint} style={{ marginBottom: 12 }} />
            <Form.Item name="rating" label={t.grRating} rules={[{ required: true }]}>
              <Select id="evaluation-rating" options={FINAL_RATINGS.map((v) => ({ value: v, label: label(v, 'rating') }))} />
            </Form.Item>
            <Form.Item name="evaluatedOn" label={t.grEvaluatedOn} rules={[{ required: true }]} initialValue={todayInChina()}>
              <DateInput id="evaluation-evaluatedOn" />
            </Form.Item>
            <Form.Item name="note" label={t.grEvaluationNote} rules={[{ required: true }]}>
              <Input.TextArea id="evaluation-note" rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </ActionModal>
    </Space>
  );
}

/**
 * 评分表: one score per criterion of the call (0 to its maximum), with the weighted total out of 100
 * shown as the reviewer types. The API's field errors (`scores.<key>`) land on their criterion.
 */
function ScoreSheetDialog(props: { open: boolean; call: GrantCall; proposalId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ scores: Record<string, number> }>();
  const scores = Form.useWatch('scores', form) ?? {};
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    const { error: problem, response } = await api.POST('/api/v1/aid/grant-proposals/{id}/scores', { params: { path: { id: props.proposalId } }, body: { scores: values.scores } });
    setBusy(false);
    if (response.ok) {
      setError(null);
      form.resetFields();
      return props.onDone();
    }
    setError(showProblemOnForm(form, problemOf(problem, response.status)));
  };
  return (
    <Modal title={t.grScoreSheet} open={props.open} onCancel={props.onClose} onOk={() => void submit()} confirmLoading={busy} data-testid="score-sheet-modal">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        {props.call.criteria.map((c) => (
          <Form.Item key={c.key} name={['scores', c.key]} label={`${c.name}（${t.grWeight} ${c.weight}%，${t.grMaxScore} ${c.maxScore}）`} rules={[{ required: true }]}>
            <InputNumber id={`score-${c.key}`} min={0} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Form>
      <Statistic title={t.grWeightedTotal} value={weightedTotal(props.call.criteria, scores)} precision={2} suffix="/ 100" data-testid="score-sheet-total" />
    </Modal>
  );
}
