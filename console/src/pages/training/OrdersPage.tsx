import { useCallback, useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { UnitSelect } from '../../components/UnitSelect';
import { api, type Schemas } from '../../api/client';
import { CursorTable } from '../../components/CursorTable';
import { chinaDateTime, chinaDay } from '../../format';
import { useI18n } from '../../i18n';
import { FormModal, useAction } from './shared';

type Order = Schemas['training.TrainingOrderView'];
type Evaluation = Schemas['training.EvaluationView'];
type Action = { kind: 'place' } | { kind: 'assign' | 'session' | 'evaluate'; order: Order } | null;
const STATUS_COLOUR: Record<string, string> = { open: 'blue', assigned: 'orange', completed: 'green', evaluated: 'purple' };

/** 订单式培训: an enterprise's order, the instructor sent, on-site sessions, closing and the joint evaluation. */
export function OrdersPage() {
  const { t, label } = useI18n();
  const act = useAction();
  const [action, setAction] = useState<Action>(null);
  const [reload, setReload] = useState(0);
  const [instructors, setInstructors] = useState<Schemas['training.InstructorView'][]>([]);
  const load = useCallback(
    async (cursor?: string) => (await api.GET('/api/v1/training/training-orders', { params: { query: { limit: 20, cursor } } })).data,
    [],
  );
  const done = () => {
    setAction(null);
    setReload((n) => n + 1);
  };
  const open = async (next: Action) => {
    setAction(next);
    const { data } = await api.GET('/api/v1/training/instructors', { params: { query: { limit: 100 } } });
    setInstructors(data?.items ?? []);
  };
  const order = action && action.kind !== 'place' ? action.order : null;
  const orderPath = { params: { path: { id: order?.id ?? '' } } };
  const instructorOptions = instructors.map((i) => ({ value: i.id, label: `${i.name}（${i.specialties.join('、')}）` }));
  const period = (values: { period: [Dayjs, Dayjs] }) => ({ startsAt: values.period[0].format(), endsAt: values.period[1].format() });

  return (
    <Card
      title={t.trOrders}
      size="small"
      extra={
        <Button type="primary" onClick={() => void open({ kind: 'place' })}>
          {t.trPlaceOrder}
        </Button>
      }
    >
      <CursorTable<Order>
        load={load}
        reloadKey={reload}
        empty={t.trNoOrders}
        testId="training-orders"
        columns={[
          { title: t.trEnterprise, dataIndex: 'enterpriseName' },
          { title: t.trSkill, dataIndex: 'skill' },
          { title: t.trWorkers, dataIndex: 'workers' },
          { title: t.trWishedDates, render: (_: unknown, o: Order) => `${chinaDay(o.wishedFrom)} ~ ${chinaDay(o.wishedTo)}` },
          { title: t.status, dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOUR[v]}>{label(v, 'order')}</Tag> },
          { title: t.trAttendedTotal, dataIndex: 'attendedTotal' },
          {
            title: t.actions,
            render: (_: unknown, o: Order) => (
              <Space wrap size={4}>
                {(o.status === 'open' || o.status === 'assigned') && (
                  <Button size="small" onClick={() => void open({ kind: 'assign', order: o })}>
                    {t.trAssignInstructor}
                  </Button>
                )}
                {o.status === 'assigned' && (
                  <Button size="small" onClick={() => void open({ kind: 'session', order: o })}>
                    {t.trRecordOnSite}
                  </Button>
                )}
                {o.status === 'assigned' && (
                  <Button
                    size="small"
                    onClick={() =>
                      void act(() => api.POST('/api/v1/training/training-orders/{id}/complete', { params: { path: { id: o.id } } }), done)
                    }
                  >
                    {t.trComplete}
                  </Button>
                )}
                {o.status === 'completed' && (
                  <Button size="small" type="primary" onClick={() => setAction({ kind: 'evaluate', order: o })}>
                    {t.trEvaluate}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
        expandable={{
          expandedRowRender: (o) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                <Descriptions.Item label={t.employerCreditCode}>{o.creditCode}</Descriptions.Item>
                <Descriptions.Item label={t.location}>{o.location}</Descriptions.Item>
                <Descriptions.Item label={t.trInstructors}>
                  {o.assignments
                    .map((a) => `${a.instructorName} ${chinaDateTime(a.startsAt)}–${chinaDateTime(a.endsAt).slice(11)}`)
                    .join('；') || '—'}
                </Descriptions.Item>
              </Descriptions>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={o.sessions}
                columns={[
                  { title: t.trTopic, dataIndex: 'topic' },
                  { title: t.startsAt, dataIndex: 'startsAt', render: chinaDateTime },
                  { title: t.trAttendedTotal, dataIndex: 'attended' },
                ]}
              />
              {o.evaluation && <EvaluationView evaluation={o.evaluation as unknown as Evaluation} />}
            </Space>
          ),
        }}
      />
      <FormModal<Omit<Schemas['training.PlaceOrderRequest'], 'wishedFrom' | 'wishedTo'> & { wished: [Dayjs, Dayjs] }>
        title={t.trPlaceOrder}
        open={action?.kind === 'place'}
        draftKey="training.order"
        onClose={() => setAction(null)}
        onDone={done}
        send={({ wished, ...body }) =>
          api.POST('/api/v1/training/training-orders', {
            body: { ...body, wishedFrom: wished?.[0]?.format('YYYY-MM-DD'), wishedTo: wished?.[1]?.format('YYYY-MM-DD') },
          })
        }
      >
        {() => (
          <>
            <Form.Item name="enterpriseName" label={t.trEnterprise} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="creditCode" label={t.employerCreditCode} rules={[{ required: true }]}>
              <Input maxLength={18} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="skill" label={t.trSkill} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="workers" label={t.trWorkers} rules={[{ required: true }]}>
                <InputNumber min={1} />
              </Form.Item>
            </Space>
            <Form.Item name="location" label={t.location} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="wished" label={t.trWishedDates} rules={[{ required: true }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="orgUnitId" label={t.orgUnit}>
              <UnitSelect allowClear />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<{ instructorId: string; period: [Dayjs, Dayjs] }>
        title={t.trAssignInstructor}
        open={action?.kind === 'assign'}
        onClose={() => setAction(null)}
        onDone={done}
        send={(values) =>
          api.POST('/api/v1/training/training-orders/{id}/assign-instructor', {
            ...orderPath,
            body: { instructorId: values.instructorId, ...period(values) },
          })
        }
      >
        {() => (
          <>
            <Form.Item name="instructorId" label={t.trInstructor} rules={[{ required: true }]}>
              <Select options={instructorOptions} />
            </Form.Item>
            <Form.Item name="period" label={t.trPeriod} rules={[{ required: true }]}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<{ instructorId: string; period: [Dayjs, Dayjs]; topic: string; attended: number }>
        title={t.trRecordOnSite}
        open={action?.kind === 'session'}
        onClose={() => setAction(null)}
        onDone={done}
        send={(values) =>
          api.POST('/api/v1/training/training-orders/{id}/sessions', {
            ...orderPath,
            body: { instructorId: values.instructorId, topic: values.topic, attended: values.attended, ...period(values) },
          })
        }
      >
        {() => (
          <>
            <Form.Item name="instructorId" label={t.trInstructor} rules={[{ required: true }]}>
              <Select options={(order?.assignments ?? []).map((a) => ({ value: a.instructorId, label: a.instructorName }))} />
            </Form.Item>
            <Form.Item name="topic" label={t.trTopic} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="period" label={t.trPeriod} rules={[{ required: true }]}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="attended" label={t.trAttendedTotal} rules={[{ required: true }]}>
              <InputNumber min={0} max={order?.workers} />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<Schemas['training.EvaluateOrderRequest']>
        title={t.trEvaluate}
        open={action?.kind === 'evaluate'}
        initialValues={{ outcomes: [] }}
        onClose={() => setAction(null)}
        onDone={done}
        send={(body) =>
          api.POST('/api/v1/training/training-orders/{id}/evaluate', { ...orderPath, body: { ...body, outcomes: body.outcomes ?? [] } })
        }
      >
        {() => (
          <>
            <Space wrap>
              <Form.Item name="enterpriseScore" label={t.trEnterpriseScore} rules={[{ required: true }]}>
                <InputNumber min={0} max={100} />
              </Form.Item>
              <Form.Item name="traineeScore" label={t.trTraineeScore} rules={[{ required: true }]}>
                <InputNumber min={0} max={100} />
              </Form.Item>
              <Form.Item name="academyScore" label={t.trAcademyScore} rules={[{ required: true }]}>
                <InputNumber min={0} max={100} />
              </Form.Item>
            </Space>
            <Form.List name="outcomes">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'measure']} rules={[{ required: true }]}>
                        <Input placeholder={t.trMeasure} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'before']} rules={[{ required: true }]}>
                        <InputNumber placeholder={t.trBefore} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'after']} rules={[{ required: true }]}>
                        <InputNumber placeholder={t.trAfter} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
                    {t.trAddOutcome}
                  </Button>
                </>
              )}
            </Form.List>
            <Form.Item name="note" label={t.trNote} style={{ marginTop: 12 }}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}

function EvaluationView({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 4 }} title={t.trEvaluation}>
      <Descriptions.Item label={t.trJointScore}>
        <b>{evaluation.jointScore}</b>
      </Descriptions.Item>
      <Descriptions.Item label={t.trEnterpriseScore}>{evaluation.enterpriseScore}</Descriptions.Item>
      <Descriptions.Item label={t.trTraineeScore}>{evaluation.traineeScore}</Descriptions.Item>
      <Descriptions.Item label={t.trAcademyScore}>{evaluation.academyScore}</Descriptions.Item>
      {evaluation.outcomes.map((o) => (
        <Descriptions.Item
          key={o.measure}
          label={o.measure}
        >{`${o.before} → ${o.after}（${o.change >= 0 ? '+' : ''}${o.change}）`}</Descriptions.Item>
      ))}
    </Descriptions>
  );
}
