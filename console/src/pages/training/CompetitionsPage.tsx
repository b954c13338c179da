import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { EditOutlined, MinusCircleOutlined, PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { UnitSelect } from '../../components/UnitSelect';
import { allPages, api, problemOf, type Schemas } from '../../api/client';
import { showProblemOnForm } from '../../problems';
import { CursorTable } from '../../components/CursorTable';
import { MemberName } from '../../components/MemberName';
import { useMemberNames } from '../../components/memberNames';
import { useI18n } from '../../i18n';
import { FormModal, MemberSelect } from './shared';
import { previewTotal } from './scoreSheet';

type Competition = Schemas['training.CompetitionView'];
type CompetitionEvent = Schemas['training.CompetitionEventView'];
type Action =
  | { kind: 'competition' }
  | { kind: 'event'; competition: Competition }
  | { kind: 'entrant' | 'judge' | 'award' | 'sheet'; event: CompetitionEvent }
  | null;

/** 技能竞赛: competitions, their events with weighted criteria, entrants, and the ranking with its tie-break. */
export function CompetitionsPage() {
  const { t, label } = useI18n();
  const [action, setAction] = useState<Action>(null);
  const [reload, setReload] = useState(0);
  // Every competition of a page opens with its events shown (defaultExpandAllRows would see only the empty first render).
  const [expanded, setExpanded] = useState<readonly React.Key[]>([]);
  const load = useCallback(async (cursor?: string) => {
    const { data } = await api.GET('/api/v1/training/competitions', { params: { query: { limit: 20, cursor } } });
    setExpanded(data?.items.map((c) => c.id) ?? []);
    return data;
  }, []);
  const done = () => {
    setAction(null);
    setReload((n) => n + 1);
  };
  const event = action && 'event' in action ? action.event : null;
  const eventPath = { params: { path: { id: event?.id ?? '' } } };
  return (
    <Card
      title={t.trCompetitions}
      size="small"
      extra={
        <Button type="primary" onClick={() => setAction({ kind: 'competition' })}>
          {t.trAddCompetition}
        </Button>
      }
    >
      <CursorTable<Competition>
        load={load}
        reloadKey={reload}
        empty={t.trNoCompetitions}
        testId="competitions"
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: setExpanded,
          expandedRowRender: (c) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {c.events.length === 0 && <Empty description={t.trNoEvents} />}
              {c.events.map((e) => (
                <EventRanking key={`${e.id}-${reload}`} event={e} onAction={(kind) => setAction({ kind, event: e })} />
              ))}
              <Button size="small" icon={<PlusOutlined />} onClick={() => setAction({ kind: 'event', competition: c })}>
                {t.trAddEvent}
              </Button>
            </Space>
          ),
        }}
        columns={[
          { title: t.trCompetition, dataIndex: 'title' },
          { title: t.trEvents, render: (_: unknown, c: Competition) => c.events.map((e) => e.name).join('、') || '—' },
        ]}
      />
      <FormModal<Schemas['training.CreateCompetitionRequest']>
        title={t.trAddCompetition}
        open={action?.kind === 'competition'}
        onClose={() => setAction(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/training/competitions', { body })}
      >
        {() => (
          <>
            <Form.Item name="title" label={t.trCompetition} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="orgUnitId" label={t.orgUnit}>
              <UnitSelect allowClear />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<Schemas['training.AddEventRequest']>
        title={t.trAddEvent}
        open={action?.kind === 'event'}
        width={640}
        initialValues={{
          tieBreak: 'criteria-in-order',
          criteria: [
            { key: 'theory', name: '理论', weight: 30, minScore: 0, maxScore: 100 },
            { key: 'practice', name: '实操', weight: 70, minScore: 0, maxScore: 100 },
          ],
        }}
        onClose={() => setAction(null)}
        onDone={done}
        send={(body) =>
          api.POST('/api/v1/training/competitions/{id}/events', {
            params: { path: { id: action?.kind === 'event' ? action.competition.id : '' } },
            body,
          })
        }
      >
        {() => (
          <>
            <Form.Item name="name" label={t.trEventName} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="tieBreak" label={t.trTieBreak}>
              <Select options={['criteria-in-order', 'shared'].map((v) => ({ value: v, label: label(v, 'tie') }))} />
            </Form.Item>
            <Form.List name="criteria">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'key']} rules={[{ required: true }]}>
                        <Input placeholder="key" style={{ width: 90 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'name']} rules={[{ required: true }]}>
                        <Input placeholder={t.trCriterion} style={{ width: 110 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'weight']} rules={[{ required: true }]}>
                        <InputNumber placeholder={t.trWeight} min={1} max={100} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'minScore']} rules={[{ required: true }]}>
                        <InputNumber placeholder="min" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'maxScore']} rules={[{ required: true }]}>
                        <InputNumber placeholder="max" />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
                    {t.trAddCriterion}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
      </FormModal>
      <FormModal<Schemas['training.EnterMemberRequest']>
        title={t.trEnterMember}
        open={action?.kind === 'entrant'}
        onClose={() => setAction(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/training/competition-events/{id}/entrants', { ...eventPath, body })}
      >
        {() => (
          <Form.Item name="memberId" label={t.memberId} rules={[{ required: true }]}>
            <MemberSelect status="active" />
          </Form.Item>
        )}
      </FormModal>
      <FormModal<Schemas['training.AddJudgeRequest']>
        title={t.trAddJudge}
        open={action?.kind === 'judge'}
        onClose={() => setAction(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/training/competition-events/{id}/judges', { ...eventPath, body })}
      >
        {() => (
          <Form.Item name="name" label={t.name} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        )}
      </FormModal>
      <AwardModal event={action?.kind === 'award' ? event : null} onClose={() => setAction(null)} onDone={done} />
      <ScoreSheetModal
        event={action?.kind === 'sheet' ? event : null}
        onClose={() => setAction(null)}
        onSaved={() => setReload((n) => n + 1)}
      />
    </Card>
  );
}

/** One event's ranking (mean weighted totals, the declared tie-break) and what can be done to it. */
function EventRanking({ event, onAction }: { event: CompetitionEvent; onAction: (kind: 'entrant' | 'judge' | 'award' | 'sheet') => void }) {
  const { t, label } = useI18n();
  const [ranking, setRanking] = useState<Schemas['training.RankingEntryView'][]>([]);
  const [entrants, setEntrants] = useState(0);
  useEffect(() => {
    void api
      .GET('/api/v1/training/competition-events/{id}/ranking', { params: { path: { id: event.id } } })
      .then(({ data }) => setRanking(data?.items ?? []));
    void api
      .GET('/api/v1/training/competition-events/{id}/entrants', { params: { path: { id: event.id }, query: { limit: 500 } } })
      .then(({ data }) => setEntrants(data?.items.length ?? 0));
  }, [event.id]);
  return (
    <Card
      size="small"
      type="inner"
      title={
        <span>
          <TrophyOutlined /> {event.name} <Tag>{label(event.tieBreak, 'tie')}</Tag>{' '}
          <Tag>
            {entrants} {t.trEntrants}
          </Tag>
        </span>
      }
      extra={
        <Space wrap size={4}>
          <Button size="small" onClick={() => onAction('entrant')}>
            {t.trEnterMember}
          </Button>
          <Button size="small" onClick={() => onAction('judge')}>
            {t.trAddJudge}
          </Button>
          <Button
            size="small"
            icon={<EditOutlined />}
            disabled={entrants === 0}
            onClick={() => onAction('sheet')}
            data-testid="score-sheet"
          >
            {t.trScoreSheet}
          </Button>
          <Button size="small" type="primary" disabled={ranking.length === 0} onClick={() => onAction('award')}>
            {t.trAward}
          </Button>
        </Space>
      }
    >
      <div style={{ color: '#666', marginBottom: 8 }}>
        {event.criteria.map((c) => `${c.name} ${c.weight}%（${c.minScore}–${c.maxScore}）`).join(' · ')}
      </div>
      <Table
        size="small"
        rowKey="entrantId"
        pagination={false}
        dataSource={ranking}
        locale={{ emptyText: <Empty description={t.trNoRanking} /> }}
        data-testid="ranking"
        columns={[
          {
            title: t.trRank,
            dataIndex: 'rank',
            width: 70,
            render: (v: number) => <Tag color={v === 1 ? 'gold' : v === 2 ? 'default' : v === 3 ? 'orange' : undefined}>{v}</Tag>,
          },
          { title: t.memberId, dataIndex: 'memberId', render: (v: string) => <MemberName id={v} /> },
          { title: t.trTotal, dataIndex: 'total', render: (v: number) => v.toFixed(2) },
          { title: t.trSheets, dataIndex: 'sheets' },
        ]}
      />
    </Card>
  );
}

function AwardModal({ event, onClose, onDone }: { event: CompetitionEvent | null; onClose: () => void; onDone: () => void }) {
  const { t, label } = useI18n();
  const [ranking, setRanking] = useState<Schemas['training.RankingEntryView'][]>([]);
  const memberName = useMemberNames(ranking.map((r) => r.memberId));
  useEffect(() => {
    if (event)
      void api
        .GET('/api/v1/training/competition-events/{id}/ranking', { params: { path: { id: event.id } } })
        .then(({ data }) => setRanking(data?.items ?? []));
  }, [event]);
  return (
    <FormModal<Schemas['training.GrantAwardRequest']>
      title={t.trAward}
      open={Boolean(event)}
      onClose={onClose}
      onDone={onDone}
      send={(body) => api.POST('/api/v1/training/competition-events/{id}/awards', { params: { path: { id: event?.id ?? '' } }, body })}
    >
      {() => (
        <>
          <Form.Item name="entrantId" label={t.trEntrant} rules={[{ required: true }]}>
            <Select
              options={ranking.map((r) => ({
                value: r.entrantId,
                label: `#${r.rank} · ${memberName(r.memberId)} · ${r.total.toFixed(2)}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t.trAwardTitle} rules={[{ required: true }]}>
            <Input placeholder="一等奖" />
          </Form.Item>
          <Form.Item name="honour" label={t.trHonour}>
            <Select
              allowClear
              options={['model-worker', 'craftsman', 'labour-medal'].map((v) => ({ value: v, label: label(v, 'honour') }))}
            />
          </Form.Item>
          <Form.Item name="skillLevel" label={t.skillLevel}>
            <Select allowClear options={['novice', 'skilled', 'master'].map((v) => ({ value: v, label: label(v) }))} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

interface SheetForm {
  judgeId?: string;
  entrantId?: string;
  scores: { score?: number | null }[];
}

/**
 * A judge's score sheet (评分表): pick the judge, then each entrant in turn, one score per weighted
 * criterion; the weighted total is previewed as it is typed and the saved sheet's total is the API's.
 * The API's refusals (out of range, not on the panel, already scored) land on their fields; the
 * dialog stays open on the same judge for the next entrant, and the ranking reloads after each sheet.
 */
function ScoreSheetModal({ event, onClose, onSaved }: { event: CompetitionEvent | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SheetForm>();
  const [judges, setJudges] = useState<Schemas['training.JudgeView'][]>([]);
  const [entrants, setEntrants] = useState<Schemas['training.EntrantView'][]>([]);
  const memberName = useMemberNames(entrants.map((e) => e.memberId));
  const [sheets, setSheets] = useState<Schemas['training.ScoreSheetView'][]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const judgeId = Form.useWatch('judgeId', form);
  const typed = Form.useWatch('scores', form);
  const criteria = event?.criteria ?? [];
  useEffect(() => {
    if (!event) return;
    const path = { id: event.id };
    void allPages(
      async (cursor) =>
        (await api.GET('/api/v1/training/competition-events/{id}/judges', { params: { path, query: { limit: 100, cursor } } })).data,
    ).then(setJudges);
    void allPages(
      async (cursor) =>
        (await api.GET('/api/v1/training/competition-events/{id}/entrants', { params: { path, query: { limit: 500, cursor } } })).data,
    ).then(setEntrants);
  }, [event]);
  useEffect(() => {
    setSheets([]);
    if (!event || !judgeId) return;
    void allPages(
      async (cursor) =>
        (
          await api.GET('/api/v1/training/competition-events/{id}/score-sheets', {
            params: { path: { id: event.id }, query: { judgeId, limit: 500, cursor } },
          })
        ).data,
    ).then(setSheets);
  }, [event, judgeId]);
  const close = () => {
    form.resetFields();
    setProblem(null);
    onClose();
  };
  const sheetOf = (entrantId: string) => sheets.find((s) => s.entrantId === entrantId);
  const submit = async () => {
    if (!event) return;
    const values = await form.validateFields();
    setBusy(true);
    const { data, error, response } = await api.POST('/api/v1/training/competition-events/{id}/score-sheets', {
      params: { path: { id: event.id } },
      body: {
        judgeId: values.judgeId!,
        entrantId: values.entrantId!,
        scores: criteria.map((c, i) => ({ criterion: c.key, score: values.scores?.[i]?.score as number })),
      },
    });
    setBusy(false);
    if (data) {
      setProblem(null);
      setSheets((all) => [...all, data]);
      void message.success(`${t.saved}：${t.trTotal} ${data.total.toFixed(2)}`);
      form.setFieldsValue({ entrantId: undefined, scores: criteria.map(() => ({ score: null })) });
      onSaved();
      return;
    }
    setProblem(showProblemOnForm(form, problemOf(error, response.status)));
  };
  const total = previewTotal(
    criteria,
    criteria.map((_, i) => typed?.[i]?.score),
  );
  return (
    <Modal
      title={`${t.trScoreSheet} · ${event?.name ?? ''}`}
      open={Boolean(event)}
      onCancel={close}
      onOk={() => void submit()}
      okText={t.trSubmitSheet}
      cancelText={t.trDone}
      confirmLoading={busy}
      width={620}
      forceRender
      data-testid="score-sheet-modal"
    >
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="modal-problem" />}
      <Form form={form} layout="vertical" initialValues={{ scores: criteria.map(() => ({ score: null })) }}>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="judgeId" label={t.trJudge} rules={[{ required: true }]}>
            <Select
              id="sheet-judge"
              style={{ width: 220 }}
              options={judges.map((j) => ({ value: j.id, label: j.name }))}
              notFoundContent={t.trNoJudges}
              onChange={() => form.setFieldsValue({ entrantId: undefined })}
            />
          </Form.Item>
          <Form.Item name="entrantId" label={t.trEntrant} rules={[{ required: true }]}>
            <Select
              id="sheet-entrant"
              style={{ width: 260 }}
              options={entrants.map((e) => {
                const done = sheetOf(e.id);
                return {
                  value: e.id,
                  label: `${memberName(e.memberId)}${done ? ` · ${t.trScored} ${done.total.toFixed(2)}` : ''}`,
                  disabled: Boolean(done),
                };
              })}
            />
          </Form.Item>
        </Space>
        {criteria.map((c, i) => (
          <Form.Item
            key={c.key}
            name={['scores', i, 'score']}
            label={`${c.name}（${t.trWeight} ${c.weight}%，${c.minScore}–${c.maxScore}）`}
            rules={[{ required: true }]}
          >
            <InputNumber id={`sheet-score-${c.key}`} style={{ width: 160 }} />
          </Form.Item>
        ))}
      </Form>
      <div data-testid="sheet-total" style={{ fontSize: 16 }}>
        {t.trTotal}：<strong>{total === null ? '—' : total.toFixed(2)}</strong> / 100
      </div>
      {judgeId && (
        <div style={{ marginTop: 12, color: '#666' }} data-testid="judge-sheets">
          {t.trJudgeSheets}：
          {sheets.length === 0
            ? t.trNoSheetsYet
            : sheets
                .map((s) => {
                  const member = entrants.find((e) => e.id === s.entrantId)?.memberId;
                  return `${member ? memberName(member) : s.entrantId.slice(0, 8)} ${s.total.toFixed(2)}`;
                })
                .join('；')}
        </div>
      )}
    </Modal>
  );
}
