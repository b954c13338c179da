import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Empty, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { UnitSelect } from '../../components/UnitSelect';
import { api, type Schemas } from '../../api/client';
import { CursorTable } from '../../components/CursorTable';
import { useI18n } from '../../i18n';
import { FormModal, MemberSelect } from './shared';

type Competition = Schemas['training.CompetitionView'];
type CompetitionEvent = Schemas['training.CompetitionEventView'];
type Action =
  | { kind: 'competition' }
  | { kind: 'event'; competition: Competition }
  | { kind: 'entrant' | 'judge' | 'award'; event: CompetitionEvent }
  | null;

/** 技能竞赛: competitions, their events with weighted criteria, entrants, and the ranking with its tie-break. */
export function CompetitionsPage() {
  const { t, label } = useI18n();
  const [action, setAction] = useState<Action>(null);
  const [reload, setReload] = useState(0);
  const load = useCallback(
    async (cursor?: string) => (await api.GET('/api/v1/training/competitions', { params: { query: { limit: 20, cursor } } })).data,
    [],
  );
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
          defaultExpandAllRows: true,
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
    </Card>
  );
}

/** One event's ranking (mean weighted totals, the declared tie-break) and what can be done to it. */
function EventRanking({ event, onAction }: { event: CompetitionEvent; onAction: (kind: 'entrant' | 'judge' | 'award') => void }) {
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
          { title: t.memberId, dataIndex: 'memberId', render: (v: string) => v.slice(0, 8) },
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
                label: `#${r.rank} · ${r.memberId.slice(0, 8)} · ${r.total.toFixed(2)}`,
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
