import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Result, Select, Space, Spin, Steps, Tag, Timeline, Typography } from 'antd';
import { api, type Problem } from '../../api/client';
import { ActionModal } from '../../components/ActionModal';
import { useUnitName } from '../../components/UnitSelect';
import { chinaDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { BudgetSelect, DateInput, onYuanFields, todayInChina, toFen, yuan, type Application, type StageAction } from './aid-kit';
import { STAGE_COLOURS } from './ApplicationsPage';
import { AgencyChecksPanel } from './agency/AgencyChecksPanel';
import { MemberName } from '../../components/MemberName';

type Values = Record<string, any>;
const MAIN_PATH = ['submitted', 'reviewed', 'investigated', 'in-public-notice', 'notice-completed', 'decided', 'approved', 'disbursed', 'followed-up'] as const;

/** A value of a recorded step part (review, decision…) as the officer reads it: yuan, China time, labels. */
function recordValue(key: string, value: unknown, label: (v: string, kind?: string) => string): string {
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'number' && key.endsWith('Fen')) return yuan(value);
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  // Instants are stored in UTC (…Z): shown as China wall-clock time.
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(text)) return new Date(Date.parse(text) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  return key === 'situation' ? label(text, 'situation') : text;
}

/** One aid application: details, its steps, and the actions its stage allows (the API's 409 shows in the dialog). */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const unitName = useUnitName();
  const [app, setApp] = useState<Application | null>(null);
  const [status, setStatus] = useState<number | null>(null);
  const [action, setAction] = useState<StageAction | null>(null);

  const load = useCallback(async () => {
    const { data, response } = await api.GET('/api/v1/aid/applications/{id}', { params: { path: { id } } });
    setStatus(response.status);
    setApp(data ?? null);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (status === null) return <Spin />;
  if (!app) return <Result status="404" title="404" subTitle={t.notFound} data-testid="not-found" />;

  const path = { params: { path: { id } } };
  const done = () => {
    setAction(null);
    void message.success(t.saved);
    void load();
  };
  const fen = (values: Values) => ({ ...values, approvedAmountFen: toFen(values.approvedAmountYuan), approvedAmountYuan: undefined });
  const meeting = (values: Values) => ({ ...values, attendees: String(values.attendees ?? '').split(/[,，、;；\s]+/).filter(Boolean), votesFor: values.votesFor ?? 0, votesAgainst: values.votesAgainst ?? 0, abstentions: values.abstentions ?? 0 });
  const yuanProblem = async <R extends { error?: unknown; response: Response }>(result: Promise<R>) => {
    const r = await result;
    return r.error ? { ...r, error: onYuanFields(r.error as Problem) } : r;
  };
  const send: Record<StageAction, (values: Values) => Promise<{ error?: unknown; response: Response }>> = {
    review: (body) => api.POST('/api/v1/aid/applications/{id}/review', { ...path, body: body as never }),
    investigate: (body) => api.POST('/api/v1/aid/applications/{id}/investigate', { ...path, body: { ...body, thirdParty: body.thirdParty || undefined } as never }),
    'start-notice': (body) => api.POST('/api/v1/aid/applications/{id}/start-notice', { ...path, body: { days: body.days, startsOn: body.startsOn || undefined } }),
    'lodge-objection': (body) => api.POST('/api/v1/aid/applications/{id}/lodge-objection', { ...path, body: body as never }),
    'resolve-objection': (body) => api.POST('/api/v1/aid/applications/{id}/resolve-objection', { ...path, body: body as never }),
    'close-notice': (body) => api.POST('/api/v1/aid/applications/{id}/close-notice', { ...path, body: { note: body.note || undefined } }),
    decide: (body) => yuanProblem(api.POST('/api/v1/aid/applications/{id}/decide', { ...path, body: fen(meeting(body)) as never })),
    approve: (body) => api.POST('/api/v1/aid/applications/{id}/approve', { ...path, body: body as never }),
    'chair-approve': (body) => yuanProblem(api.POST('/api/v1/aid/applications/{id}/chair-approve', { ...path, body: fen(body) as never })),
    ratify: (body) => api.POST('/api/v1/aid/applications/{id}/ratify', { ...path, body: meeting(body) as never }),
    reject: (body) => api.POST('/api/v1/aid/applications/{id}/reject', { ...path, body: { reasons: String(body.reasons ?? '').split('\n').map((r) => r.trim()).filter(Boolean) } }),
    cancel: (body) => api.POST('/api/v1/aid/applications/{id}/cancel', { ...path, body: body as never }),
    'follow-up': (body) => api.POST('/api/v1/aid/applications/{id}/follow-up', { ...path, body: { ...body, note: body.note || undefined } as never }),
  };

  const meetingFields = (
    <>
      <Form.Item name="meeting" label={t.aidMeeting} rules={[{ required: true }]}>
        <Input id="act-meeting" maxLength={200} />
      </Form.Item>
      <Form.Item name="meetingOn" label={t.aidMeetingOn} rules={[{ required: true }]} initialValue={todayInChina()}>
        <DateInput id="act-meetingOn" />
      </Form.Item>
      <Form.Item name="attendees" label={t.aidAttendees} rules={[{ required: true }]}>
        <Input id="act-attendees" maxLength={2000} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="votesFor" label={t.aidVotesFor} initialValue={0}>
          <InputNumber id="act-votesFor" min={0} max={100} />
        </Form.Item>
        <Form.Item name="votesAgainst" label={t.aidVotesAgainst} initialValue={0}>
          <InputNumber id="act-votesAgainst" min={0} max={100} />
        </Form.Item>
        <Form.Item name="abstentions" label={t.aidAbstentions} initialValue={0}>
          <InputNumber id="act-abstentions" min={0} max={100} />
        </Form.Item>
      </Space>
    </>
  );
  const amountField = (
    <Form.Item name="approvedAmountYuan" label={t.aidApproved} rules={[{ required: true }]} initialValue={app.requestedAmountFen / 100}>
      <InputNumber id="act-amount" min={0.01} precision={2} style={{ width: '100%' }} />
    </Form.Item>
  );
  const fields: Record<StageAction, React.ReactNode> = {
    review: (
      <Form.Item name="opinion" label={t.aidOpinion} rules={[{ required: true }]}>
        <Input.TextArea id="act-opinion" rows={2} maxLength={2000} />
      </Form.Item>
    ),
    investigate: (
      <>
        <Form.Item name="investigatedOn" label={t.aidInvestigatedOn} rules={[{ required: true }]} initialValue={todayInChina()}>
          <DateInput id="act-investigatedOn" />
        </Form.Item>
        <Form.Item name="investigator" label={t.aidInvestigator} rules={[{ required: true }]}>
          <Input id="act-investigator" maxLength={200} />
        </Form.Item>
        <Form.Item name="thirdParty" label={t.aidThirdParty}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="findings" label={t.aidFindings} rules={[{ required: true }]}>
          <Input.TextArea id="act-findings" rows={3} maxLength={4000} />
        </Form.Item>
      </>
    ),
    'start-notice': (
      <>
        <Form.Item name="days" label={t.aidNoticeDays} rules={[{ required: true }]} initialValue={5}>
          <InputNumber id="act-days" min={1} max={30} />
        </Form.Item>
        <Form.Item name="startsOn" label={t.aidNoticeStartsOn}>
          <DateInput id="act-startsOn" />
        </Form.Item>
      </>
    ),
    'lodge-objection': (
      <Form.Item name="summary" label={t.aidObjection} rules={[{ required: true }]}>
        <Input.TextArea id="act-summary" rows={2} maxLength={2000} />
      </Form.Item>
    ),
    'resolve-objection': (
      <>
        <Form.Item name="objectionId" label={t.aidObjection} rules={[{ required: true }]}>
          <Select options={app.objections.filter((o) => !o.resolvedAt).map((o) => ({ value: o.id, label: o.summary }))} />
        </Form.Item>
        <Form.Item name="resolution" label={t.aidResolution} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </>
    ),
    'close-notice': (
      <Form.Item name="note" label={t.aidNote}>
        <Input id="act-note" maxLength={500} />
      </Form.Item>
    ),
    decide: (
      <>
        {meetingFields}
        {amountField}
      </>
    ),
    approve: (
      <Form.Item name="budgetId" label={t.aidBudgetField} rules={[{ required: true }]}>
        <BudgetSelect id="act-budgetId" />
      </Form.Item>
    ),
    'chair-approve': (
      <>
        <Form.Item name="chair" label={t.aidChair} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        {amountField}
        <Form.Item name="budgetId" label={t.aidBudgetField} rules={[{ required: true }]}>
          <BudgetSelect />
        </Form.Item>
      </>
    ),
    ratify: meetingFields,
    reject: (
      <Form.Item name="reasons" label={t.aidRejectReasons} rules={[{ required: true }]}>
        <Input.TextArea id="act-reasons" rows={3} />
      </Form.Item>
    ),
    cancel: (
      <Form.Item name="reason" label={t.aidCancelReason} rules={[{ required: true }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    ),
    'follow-up': (
      <>
        <Form.Item name="visitedOn" label={t.aidVisitedOn} rules={[{ required: true }]} initialValue={todayInChina()}>
          <DateInput id="act-visitedOn" />
        </Form.Item>
        <Form.Item name="useOfAid" label={t.aidUseOfAid} rules={[{ required: true }]}>
          <Input.TextArea id="act-useOfAid" rows={2} />
        </Form.Item>
        <Form.Item name="situation" label={t.aidSituation} rules={[{ required: true }]}>
          <Select id="act-situation" options={['improved', 'unchanged', 'worsened'].map((v) => ({ value: v, label: label(v, 'situation') }))} />
        </Form.Item>
        <Form.Item name="note" label={t.aidNote}>
          <Input maxLength={500} />
        </Form.Item>
      </>
    ),
  };

  const actions = app.allowedActions;
  const current = MAIN_PATH.indexOf(app.stage as (typeof MAIN_PATH)[number]);
  const record = (title: string, value: object | null) =>
    value && (
      <Descriptions.Item label={title} span={3}>
        {Object.entries(value)
          .filter(([, v]) => v !== null && v !== undefined && v !== '')
          .map(([k, v]) => `${label(k, 'field')}: ${recordValue(k, v, label)}`)
          .join('；')}
      </Descriptions.Item>
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={
          <span data-testid="application-title">
            {t.aidApplication} · {label(app.kind, 'aidKind')}{' '}
            <Tag color={STAGE_COLOURS[app.stage] ?? 'processing'} data-testid="application-stage">
              {label(app.stage, 'stage')}
            </Tag>
            {app.fastTrack && <Tag color="red">{t.aidFastTrack}</Tag>}
          </span>
        }
      >
        {current >= 0 && (
          <div style={{ overflowX: 'auto', marginBottom: 16 }}>
            <Steps size="small" current={current} status={app.stage === 'followed-up' ? 'finish' : 'process'} items={MAIN_PATH.map((s) => ({ title: label(s, 'stage') }))} style={{ minWidth: 900 }} />
          </div>
        )}
        {app.memberLeft && <Alert type="warning" showIcon message={t.aidMemberLeft} style={{ marginBottom: 12 }} />}
        {app.stage === 'approved' && <Alert type="info" showIcon message={<Link to="/aid/payment-batches">{t.aidGoDisburse}</Link>} style={{ marginBottom: 12 }} />}
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t.memberId}><MemberName id={app.memberId} /></Descriptions.Item>
          <Descriptions.Item label={t.orgUnit}>{unitName(app.orgUnitId)}</Descriptions.Item>
          <Descriptions.Item label={t.aidHardshipFileField}>{app.hardshipFileId ? <Link to={`/aid/hardship-files/${app.hardshipFileId}`}>{app.hardshipFileId.slice(0, 8)}</Link> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t.aidRequested}>{yuan(app.requestedAmountFen)}</Descriptions.Item>
          <Descriptions.Item label={t.aidApproved}>
            <span data-testid="approved-amount">{yuan(app.approvedAmountFen)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t.aidSubmittedAt}>
            {chinaDateTime(app.submittedAt)} · {app.submittedBy}
          </Descriptions.Item>
          {app.fastTrackClock && (
            <Descriptions.Item label={t.aidFastTrackClock}>
              <Tag color={app.fastTrackClock.overdue ? 'red' : 'green'}>
                {app.fastTrackClock.hoursElapsed} / {app.fastTrackClock.targetHours} {t.aidHours}
              </Tag>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t.aidApplicationReason} span={3}>
            {app.reason}
          </Descriptions.Item>
          <Descriptions.Item label={t.aidDocuments} span={3}>
            {app.documents.map((d) => `${d.name}（${label(d.kind, 'doc')}）`).join('、') || '—'}
          </Descriptions.Item>
          {record(label('review', 'action'), app.review)}
          {record(label('investigate', 'action'), app.investigation)}
          {record(label('start-notice', 'action'), app.notice)}
          {record(label('decide', 'action'), app.decision)}
          {record(label('ratify', 'action'), app.ratification)}
          {record(label('reject', 'action'), app.rejection)}
          {record(label('cancel', 'action'), app.cancellation)}
          {record(label('follow-up', 'action'), app.followUp)}
          {app.objections.length > 0 && (
            <Descriptions.Item label={t.aidObjections} span={3}>
              {app.objections.map((o) => (
                <div key={o.id}>
                  {o.summary} {o.resolution ? `→ ${o.resolution}` : <Tag color="orange">…</Tag>}
                </div>
              ))}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card size="small" title={t.aidActions} data-testid="application-actions">
        {actions.length === 0 ? (
          <Typography.Text type="secondary">{t.aidNoActions}</Typography.Text>
        ) : (
          <Space wrap>
            {actions.map((a) => (
              <Button key={a} type={a === 'reject' || a === 'cancel' ? 'default' : 'primary'} danger={a === 'reject' || a === 'cancel'} onClick={() => setAction(a)} data-testid={`action-${a}`}>
                {label(a, 'action')}
              </Button>
            ))}
          </Space>
        )}
      </Card>

      <Card size="small" title={t.aidSteps}>
        <Timeline
          data-testid="application-steps"
          items={(app.steps ?? []).map((s) => ({
              children: (
                <div>
                  <Typography.Text strong>{label(s.action, 'action')}</Typography.Text> · {chinaDateTime(s.actedAt)} · {s.actor}
                  <div style={{ color: '#666' }}>
                    {s.fromStage ? label(s.fromStage, 'stage') : ''} → {label(s.toStage, 'stage')}
                  </div>
                </div>
              ),
            }))}
        />
      </Card>
      <AgencyChecksPanel applicationId={app.id} fileId={app.hardshipFileId ?? undefined} />

      {action && (
        <ActionModal<Values> key={action} title={label(action, 'action')} open onClose={() => setAction(null)} onDone={done} send={send[action]} testId="action-modal">
          {() => fields[action]}
        </ActionModal>
      )}
    </Space>
  );
}
