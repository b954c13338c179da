import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Progress,
  Result,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { FilePdfOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { allPages, api, problemOf, type Schemas } from '../../api/client';
import { chinaDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { FormModal, useAction, yuan } from '../training/shared';
import { ClockTag } from './ClockTag';
import { CLOCK_COLOUR, clockStage, clockUsed } from './clock';
import { MemberName } from '../../components/MemberName';

type Case = Schemas['mediation.CaseView'];
type Obligation = Schemas['mediation.TrackedObligationView'];
type Modal = 'panel' | 'session' | 'settle' | 'decline' | 'refer' | 'sign' | 'confirm' | 'outcome' | { pay: Obligation } | null;

/** One case: parties and claims, the clock, the panel, sessions, the agreement with its obligations, referral. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const act = useAction();
  const [item, setItem] = useState<Case | null>(null);
  const [status, setStatus] = useState<number | null>(null);
  const [panel, setPanel] = useState<Schemas['mediation.PanelSeatView'][]>([]);
  const [sessions, setSessions] = useState<Schemas['mediation.SessionView'][]>([]);
  const [obligations, setObligations] = useState<Obligation[]>([]);
  const [mediators, setMediators] = useState<Schemas['mediation.MediatorView'][]>([]);
  const [modal, setModal] = useState<Modal>(null);
  const path = { params: { path: { id } } };

  const load = useCallback(async () => {
    const p = { params: { path: { id } } };
    const { data, response } = await api.GET('/api/v1/mediation/cases/{id}', p);
    setStatus(response.status);
    setItem(data ?? null);
    if (!data) return;
    const [seats, held, owed] = await Promise.all([
      api.GET('/api/v1/mediation/cases/{id}/panel', p),
      allPages(async (cursor) => (await api.GET('/api/v1/mediation/cases/{id}/sessions', { params: { path: { id }, query: { limit: 100, cursor } } })).data),
      data.agreement ? api.GET('/api/v1/mediation/cases/{id}/obligations', p) : Promise.resolve({ data: undefined }),
    ]);
    setPanel(seats.data?.members ?? []);
    setSessions(held);
    setObligations(owed.data?.items ?? []);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  const openPanel = async () => {
    setModal('panel');
    setMediators(
      await allPages(async (cursor) => (await api.GET('/api/v1/mediation/mediators', { params: { query: { limit: 100, cursor } } })).data),
    );
  };
  const pdf = async () => {
    const { data, error, response } = await api.GET('/api/v1/mediation/cases/{id}/agreement.pdf', { ...path, parseAs: 'blob' });
    if (!data) {
      const problem = problemOf(error, response.status);
      return void message.error(problem.detail ?? problem.title ?? String(response.status));
    }
    window.open(URL.createObjectURL(data as Blob), '_blank');
  };
  const done = () => {
    setModal(null);
    void load();
  };

  if (status === null) return <Spin />;
  if (!item) return <Result status="404" title="404" subTitle={t.notFound} data-testid="not-found" />;
  const agreement = item.agreement;
  const referral = item.referral;
  const open = item.status === 'open';
  const stage = clockStage(item.clock);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={
          <span data-testid="case-title">
            <Link to="/mediation/cases">{t.mdBoard}</Link> / {item.employer.name}{' '}
            <Tag color={open ? 'orange' : item.status === 'closed' ? 'green' : 'blue'}>{label(item.status, 'case')}</Tag>
          </span>
        }
        extra={
          <Space wrap size={4}>
            {open && (
              <Button onClick={() => void openPanel()} data-testid="assign-panel">
                {t.mdAssignPanel}
              </Button>
            )}
            {open && <Button onClick={() => setModal('session')}>{t.mdRecordSession}</Button>}
            {open && (
              <Button type="primary" onClick={() => setModal('settle')}>
                {t.mdSettle}
              </Button>
            )}
            {(open || item.status === 'settled') && <Button onClick={() => setModal('refer')}>{t.mdRefer}</Button>}
            {open && (
              <Button danger onClick={() => setModal('decline')}>
                {t.mdDecline}
              </Button>
            )}
          </Space>
        }
      >
        {open && (
          <div style={{ marginBottom: 12 }} data-testid="clock-panel">
            <Space wrap>
              <ClockTag clock={item.clock} />
              <span>
                {t.mdLimitEndsOn} {item.clock.limitEndsOn}
              </span>
            </Space>
            <Progress percent={clockUsed(item.clock)} showInfo={false} strokeColor={CLOCK_COLOUR[stage]} size="small" />
          </div>
        )}
        <Typography.Paragraph>{item.summary}</Typography.Paragraph>
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t.source}>{label(item.source)}</Descriptions.Item>
          <Descriptions.Item label={t.mdReceivedOn}>{item.receivedOn}</Descriptions.Item>
          <Descriptions.Item label={t.mdClaimedTotal}>{yuan(item.claimedTotalFen)}</Descriptions.Item>
          <Descriptions.Item label={t.employerName}>
            {item.employer.name}{' '}
            {item.employer.creditCode && <Typography.Text type="secondary">{item.employer.creditCode}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={t.mdWorkers} span={2}>
            {item.workers.map((w, i) => (
              <Tag key={i}>
                {w.memberId ? (
                  <Link to={`/membership/members/${w.memberId}`}>{w.maskedName ?? <MemberName id={w.memberId} />}</Link>
                ) : (
                  `${w.maskedName ?? ''} ${w.maskedContact ?? ''}`
                )}
              </Tag>
            ))}
          </Descriptions.Item>
          {item.declineReason && <Descriptions.Item label={t.mdDeclineReason}>{item.declineReason}</Descriptions.Item>}
        </Descriptions>
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={item.claims}
          title={() => t.mdClaims}
          columns={[
            { title: t.mdClaimType, dataIndex: 'type', render: (v: string) => label(v, 'claim') },
            { title: t.mdAmount, dataIndex: 'amountFen', render: yuan },
            { title: t.mdClaimDetail, dataIndex: 'description' },
          ]}
        />
      </Card>

      <Card size="small" title={t.mdPanel} data-testid="panel">
        {panel.length === 0 ? (
          <Empty description={open ? t.mdNoPanel : '—'} />
        ) : (
          <Space wrap>
            {panel.map((s) => (
              <Tag key={s.mediatorId} color={s.role === 'lead' ? 'red' : 'blue'}>
                {label(s.role, 'seat')} · {s.name} · {label(s.background, 'background')}
              </Tag>
            ))}
          </Space>
        )}
      </Card>

      <Card size="small" title={t.mdSessions}>
        {sessions.length === 0 ? (
          <Empty description={open ? t.mdNoSessions : '—'} />
        ) : (
          <Timeline
            items={sessions.map((s) => ({
              children: (
                <div>
                  <Typography.Text strong>{label(s.kind, 'session')}</Typography.Text> · {chinaDateTime(s.heldAt)}
                  <div style={{ color: '#666' }}>{s.attendees.map((a) => `${label(a.side, 'side')}：${a.description}`).join('；')}</div>
                  <div style={{ whiteSpace: 'pre-wrap' }}>
                    {s.notesHidden ? <Typography.Text type="secondary">{t.mdNotesHidden}</Typography.Text> : s.notes}
                  </div>
                </div>
              ),
            }))}
          />
        )}
      </Card>

      {agreement && (
        <Card
          size="small"
          title={t.mdAgreement}
          data-testid="agreement"
          extra={
            <Space wrap size={4}>
              <Button icon={<FilePdfOutlined />} onClick={() => void pdf()} data-testid="agreement-pdf">
                {t.mdPrintable}
              </Button>
              <Button size="small" onClick={() => setModal('sign')}>
                {t.mdSign}
              </Button>
              {!agreement.judicialConfirmation && (
                <Button size="small" onClick={() => setModal('confirm')}>
                  {t.mdRequestConfirmation}
                </Button>
              )}
              {agreement.judicialConfirmation?.outcome === 'pending' && (
                <Button size="small" onClick={() => setModal('outcome')}>
                  {t.mdConfirmationOutcome}
                </Button>
              )}
            </Space>
          }
        >
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t.mdTotal}>{yuan(agreement.totalAmountFen)}</Descriptions.Item>
            <Descriptions.Item label={t.mdSignatures}>
              {agreement.signatures.map((s) => `${label(s.party, 'side')} ${s.signer}（${s.signedOn}）`).join('；') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t.mdJudicialConfirmation}>
              {agreement.judicialConfirmation
                ? `${agreement.judicialConfirmation.court} · ${label(agreement.judicialConfirmation.outcome, 'confirmation')}`
                : '—'}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={obligations}
            scroll={{ x: 760 }}
            title={() => t.mdObligations}
            data-testid="obligations"
            columns={[
              { title: '#', dataIndex: 'seq', width: 40 },
              { title: t.mdObligation, dataIndex: 'description' },
              { title: t.mdPayerPayee, render: (_: unknown, o: Obligation) => `${label(o.payer, 'side')} → ${label(o.payee, 'side')}` },
              { title: t.mdAmount, dataIndex: 'amountFen', render: yuan },
              { title: t.mdPaid, dataIndex: 'paidFen', render: yuan },
              {
                title: t.mdDue,
                dataIndex: 'dueDate',
                render: (v: string | null, o: Obligation) => (
                  <span>
                    {v ?? '—'} {o.overdue && <Tag color="red">{t.mdOverdue}</Tag>}
                  </span>
                ),
              },
              { title: t.mdFollowUp, dataIndex: 'followUpOn', render: (v: string | null) => v ?? '—' },
              {
                title: t.status,
                dataIndex: 'status',
                render: (v: string) => <Tag color={v === 'performed' ? 'green' : 'orange'}>{label(v, 'obligation')}</Tag>,
              },
              {
                title: t.actions,
                render: (_: unknown, o: Obligation) =>
                  o.status === 'pending' && (
                    <Space size={4}>
                      {o.amountFen !== null && (
                        <Button size="small" onClick={() => setModal({ pay: o })}>
                          {t.mdRecordPayment}
                        </Button>
                      )}
                      {o.amountFen === null && (
                        <Button
                          size="small"
                          onClick={() =>
                            void act(
                              () =>
                                api.POST('/api/v1/mediation/cases/{id}/obligations/{obligationId}/perform', {
                                  params: { path: { id, obligationId: o.id } },
                                }),
                              load,
                            )
                          }
                        >
                          {t.mdMarkPerformed}
                        </Button>
                      )}
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
      )}

      {referral && (
        <Card size="small" title={t.mdReferral}>
          <Alert
            type="info"
            showIcon
            message={`${label(referral.referredTo, 'referral')} · ${label(referral.reason, 'referral')} · ${chinaDateTime(referral.referredAt)}`}
            description={`${referral.note ?? ''} ${t.mdSessions}: ${referral.sessionsHeld.length} · ${t.mdClaimedTotal}: ${yuan(referral.claimedTotalFen)}`}
          />
        </Card>
      )}

      <FormModal<Schemas['mediation.AssignPanelRequest']>
        title={t.mdAssignPanel}
        open={modal === 'panel'}
        testId="panel-modal"
        initialValues={{ coMediatorIds: [] }}
        onClose={() => setModal(null)}
        onDone={done}
        send={(body) =>
          api.POST('/api/v1/mediation/cases/{id}/panel', { ...path, body: { ...body, coMediatorIds: body.coMediatorIds ?? [] } })
        }
      >
        {() => {
          const options = mediators.map((m) => ({
            value: m.id,
            label: `${m.name}（${label(m.background, 'background')}·${m.centreName}${m.available ? '' : `·${t.mdUnavailable}`}）`,
          }));
          return (
            <>
              <Form.Item name="leadMediatorId" label={t.mdLead} rules={[{ required: true }]}>
                <Select id="panel-lead" options={options} showSearch optionFilterProp="label" />
              </Form.Item>
              <Form.Item name="coMediatorIds" label={t.mdCoMediators} extra={t.mdPanelHint}>
                <Select id="panel-co" mode="multiple" options={options} optionFilterProp="label" />
              </Form.Item>
            </>
          );
        }}
      </FormModal>
      <FormModal<Omit<Schemas['mediation.RecordSessionRequest'], 'heldAt'> & { heldAt: Dayjs }>
        title={t.mdRecordSession}
        open={modal === 'session'}
        draftKey={`mediation.session.${id}`}
        initialValues={{
          kind: 'joint',
          attendees: [
            { side: 'worker', description: '' },
            { side: 'employer', description: '' },
          ],
        }}
        onClose={() => setModal(null)}
        onDone={done}
        send={({ heldAt, ...body }) =>
          api.POST('/api/v1/mediation/cases/{id}/sessions', { ...path, body: { ...body, heldAt: heldAt?.format() } })
        }
      >
        {() => (
          <>
            <Space wrap>
              <Form.Item name="kind" label={t.mdSessionKind}>
                <Select style={{ width: 160 }} options={['joint', 'separate'].map((v) => ({ value: v, label: label(v, 'session') }))} />
              </Form.Item>
              <Form.Item name="heldAt" label={t.mdHeldAt} rules={[{ required: true }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
            </Space>
            <Form.List name="attendees">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'side']} rules={[{ required: true }]}>
                        <Select
                          style={{ width: 110 }}
                          options={['worker', 'employer', 'mediator', 'other'].map((v) => ({ value: v, label: label(v, 'side') }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'description']} rules={[{ required: true }]}>
                        <Input placeholder={t.mdAttendee} style={{ width: 220 }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => add({ side: 'other' })}
                    style={{ marginBottom: 12 }}
                  >
                    {t.mdAddAttendee}
                  </Button>
                </>
              )}
            </Form.List>
            <Form.Item name="notes" label={t.mdNotes} rules={[{ required: true }]} extra={t.mdNotesSealed}>
              <Input.TextArea rows={4} />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<{
        obligations: {
          description: string;
          amountYuan?: number;
          dueDate?: Dayjs;
          payer?: 'employer' | 'worker';
          payee?: 'employer' | 'worker';
        }[];
      }>
        title={t.mdSettle}
        open={modal === 'settle'}
        width={760}
        draftKey={`mediation.settle.${id}`}
        initialValues={{ obligations: [{ description: '', payer: 'employer', payee: 'worker' }] }}
        onClose={() => setModal(null)}
        onDone={done}
        send={({ obligations: list }) =>
          api.POST('/api/v1/mediation/cases/{id}/settle', {
            ...path,
            body: {
              obligations: (list ?? []).map((o) => ({
                description: o.description,
                payer: o.payer,
                payee: o.payee,
                dueDate: o.dueDate?.format('YYYY-MM-DD'),
                amountFen: o.amountYuan === undefined || o.amountYuan === null ? undefined : Math.round(o.amountYuan * 100),
              })),
            },
          })
        }
      >
        {() => (
          <Form.List name="obligations">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'description']} rules={[{ required: true }]}>
                      <Input placeholder={t.mdObligation} style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'payer']}>
                      <Select style={{ width: 90 }} options={['employer', 'worker'].map((v) => ({ value: v, label: label(v, 'side') }))} />
                    </Form.Item>
                    →
                    <Form.Item name={[field.name, 'payee']}>
                      <Select style={{ width: 90 }} options={['employer', 'worker'].map((v) => ({ value: v, label: label(v, 'side') }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'amountYuan']}>
                      <InputNumber min={0} precision={2} placeholder={t.mdAmountYuan} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'dueDate']}>
                      <DatePicker placeholder={t.mdDue} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ payer: 'employer', payee: 'worker' })}>
                  {t.mdAddObligation}
                </Button>
              </>
            )}
          </Form.List>
        )}
      </FormModal>
      <FormModal<Schemas['mediation.DeclineCaseRequest']>
        title={t.mdDecline}
        open={modal === 'decline'}
        onClose={() => setModal(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/mediation/cases/{id}/decline', { ...path, body })}
      >
        {() => (
          <Form.Item name="reason" label={t.reason} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </FormModal>
      <FormModal<Schemas['mediation.ReferCaseRequest']>
        title={t.mdRefer}
        open={modal === 'refer'}
        initialValues={{
          referredTo: 'arbitration',
          reason: item.status === 'settled' ? 'unperformed' : item.clock.pastLimit ? 'lapsed' : 'mediation-failed',
        }}
        onClose={() => setModal(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/mediation/cases/{id}/refer', { ...path, body })}
      >
        {() => (
          <>
            <Form.Item name="referredTo" label={t.mdReferTo}>
              <Select options={['arbitration', 'court'].map((v) => ({ value: v, label: label(v, 'referral') }))} />
            </Form.Item>
            <Form.Item name="reason" label={t.reason}>
              <Select options={['lapsed', 'mediation-failed', 'unperformed'].map((v) => ({ value: v, label: label(v, 'referral') }))} />
            </Form.Item>
            <Form.Item name="note" label={t.trNote}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<{ amountYuan: number; paidOn?: Dayjs }>
        title={t.mdRecordPayment}
        open={typeof modal === 'object' && modal !== null}
        onClose={() => setModal(null)}
        onDone={done}
        send={({ amountYuan, paidOn }) =>
          api.POST('/api/v1/mediation/cases/{id}/obligations/{obligationId}/payments', {
            params: { path: { id, obligationId: typeof modal === 'object' && modal ? modal.pay.id : '' } },
            body: { amountFen: Math.round((amountYuan ?? 0) * 100), paidOn: paidOn?.format('YYYY-MM-DD') },
          })
        }
      >
        {() => (
          <>
            {typeof modal === 'object' && modal && (
              <Alert
                type="info"
                style={{ marginBottom: 12 }}
                message={`${modal.pay.description} · ${t.mdOutstanding} ${yuan(modal.pay.outstandingFen)}`}
              />
            )}
            <Form.Item name="amountYuan" label={t.mdAmountYuan} rules={[{ required: true }]}>
              <InputNumber min={0.01} precision={2} />
            </Form.Item>
            <Form.Item name="paidOn" label={t.mdPaidOn}>
              <DatePicker />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<Schemas['mediation.SignAgreementRequest']>
        title={t.mdSign}
        open={modal === 'sign'}
        initialValues={{ party: 'worker' }}
        onClose={() => setModal(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/mediation/cases/{id}/agreement/signatures', { ...path, body })}
      >
        {() => (
          <>
            <Form.Item name="party" label={t.mdParty}>
              <Select options={['worker', 'employer', 'mediator'].map((v) => ({ value: v, label: label(v, 'side') }))} />
            </Form.Item>
            <Form.Item name="signer" label={t.mdSigner} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<Schemas['mediation.RequestConfirmationRequest']>
        title={t.mdRequestConfirmation}
        open={modal === 'confirm'}
        onClose={() => setModal(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/mediation/cases/{id}/agreement/judicial-confirmation', { ...path, body })}
      >
        {() => (
          <Form.Item name="court" label={t.mdCourt} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        )}
      </FormModal>
      <FormModal<Schemas['mediation.ConfirmationOutcomeRequest']>
        title={t.mdConfirmationOutcome}
        open={modal === 'outcome'}
        initialValues={{ outcome: 'confirmed' }}
        onClose={() => setModal(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/mediation/cases/{id}/agreement/judicial-confirmation/outcome', { ...path, body })}
      >
        {() => (
          <Form.Item name="outcome" label={t.status}>
            <Select options={['confirmed', 'rejected'].map((v) => ({ value: v, label: label(v, 'confirmation') }))} />
          </Form.Item>
        )}
      </FormModal>
    </Space>
  );
}
