import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Select, Space, Tag, TimePicker } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { allPages, api, type Schemas } from '../../api/client';
import { CursorTable } from '../../components/CursorTable';
import { UnitSelect } from '../../components/UnitSelect';
import { chinaDateTime, chinaDay } from '../../format';
import { useI18n } from '../../i18n';
import { FormModal, MemberSelect, useAction } from './shared';

type ChildcareClass = Schemas['training.ChildcareClassView'];
type Entry = Schemas['training.AttendanceEntryView'];
type DayList = Omit<Schemas['training.AttendanceListView'], 'items' | 'nextCursor'>;

const STATE_COLOUR: Record<Entry['state'], string | undefined> = {
  'not-signed-in': undefined,
  'in-class': 'blue',
  'not-collected': 'red',
  collected: 'green',
};

/** 托管班: the classes, and for the chosen one a day's sign-in/out list (today by default) with the children not yet collected. */
export function ChildcarePage() {
  const { t } = useI18n();
  const act = useAction();
  const [classes, setClasses] = useState<ChildcareClass[]>([]);
  const [classId, setClassId] = useState<string | undefined>();
  /** The chosen day; undefined is the API's today (China). */
  const [day, setDay] = useState<string | undefined>();
  const [dayList, setDayList] = useState<DayList | null>(null);
  const [today, setToday] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [uncollected, setUncollected] = useState<Schemas['training.UncollectedView'] | null>(null);
  const [report, setReport] = useState<Schemas['training.AttendanceReportView'] | null>(null);
  const [modal, setModal] = useState<'class' | 'child' | Entry | null>(null);

  const loadClasses = useCallback(async () => {
    const list = await allPages(
      async (cursor) => (await api.GET('/api/v1/training/childcare-classes', { params: { query: { limit: 100, cursor } } })).data,
    );
    setClasses(list);
    setClassId((current) => current ?? list[0]?.id);
  }, []);
  const loadClass = useCallback(async () => {
    if (!classId) return;
    const [open, standing] = await Promise.all([
      api.GET('/api/v1/training/childcare-classes/{id}/uncollected', { params: { path: { id: classId }, query: { day } } }),
      api.GET('/api/v1/training/childcare-classes/{id}/attendance-report', { params: { path: { id: classId } } }),
    ]);
    setUncollected(open.data ?? null);
    setReport(standing.data ?? null);
  }, [classId, day]);
  const loadDay = useCallback(
    async (cursor?: string) => {
      if (!classId) return undefined;
      const { data } = await api.GET('/api/v1/training/childcare-classes/{id}/attendance', {
        params: { path: { id: classId }, query: { day, limit: 50, cursor } },
      });
      if (data) {
        const { items: _items, nextCursor: _next, ...header } = data;
        setDayList(header);
        if (!day) setToday(data.day);
      }
      return data;
    },
    [classId, day],
  );
  const refresh = () => {
    setReload((n) => n + 1);
    void loadClass();
  };
  useEffect(() => {
    void loadClasses();
  }, [loadClasses]);
  useEffect(() => {
    void loadClass();
  }, [loadClass]);

  const current = classes.find((c) => c.id === classId);
  const isToday = dayList !== null && dayList.day === today;
  const stateLabel: Record<Entry['state'], string> = {
    'not-signed-in': t.trNotArrived,
    'in-class': t.trInClass,
    'not-collected': t.trNotCollected,
    collected: t.trCollected,
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={t.trChildcare}
        extra={
          <Space wrap>
            <Select
              style={{ minWidth: 220 }}
              value={classId}
              onChange={setClassId}
              options={classes.map((c) => ({ value: c.id, label: `${c.name}（${chinaDay(c.startsOn)}~${chinaDay(c.endsOn)}）` }))}
              placeholder={t.trChooseClass}
              data-testid="childcare-class"
            />
            <Button onClick={() => setModal('class')}>{t.trAddClass}</Button>
            {current && (
              <Button type="primary" onClick={() => setModal('child')}>
                {t.trEnrolChild}
              </Button>
            )}
          </Space>
        }
      >
        {!current && <Empty description={t.trNoClasses} />}
        {current && (
          <>
            <div style={{ marginBottom: 12, color: '#666' }}>
              {current.venue} · {current.ageMin}–{current.ageMax} {t.trYears} · {current.enrolled}/{current.capacity} · {current.opensAt}–
              {current.closesAt}
            </div>
            <Space wrap style={{ marginBottom: 12 }}>
              <span>{t.trDay}</span>
              <DatePicker
                id="childcare-day"
                allowClear={false}
                value={dayList ? dayjs(dayList.day) : undefined}
                onChange={(value: Dayjs | null) => setDay(value ? value.format('YYYY-MM-DD') : undefined)}
              />
              {day && day !== today && <Button onClick={() => setDay(undefined)}>{t.trBackToToday}</Button>}
            </Space>
            {uncollected && uncollected.items.length > 0 && (
              <Alert
                style={{ marginBottom: 12 }}
                type={uncollected.pastClosing ? 'error' : 'warning'}
                showIcon
                data-testid="uncollected"
                message={`${uncollected.pastClosing ? t.trPastClosing : t.trStillInClass}（${uncollected.day} ${chinaDateTime(uncollected.closesAt).slice(11)}）：${uncollected.items.map((c) => c.childName).join('、')}`}
              />
            )}
            <div style={{ fontWeight: 500, marginBottom: 8 }} data-testid="childcare-day-title">
              {isToday ? t.trToday : t.trDayList} {dayList?.day ?? ''}
            </div>
            <CursorTable<Entry>
              load={loadDay}
              reloadKey={reload}
              testId="childcare-today"
              empty={t.trNoChildren}
              columns={[
                { title: t.trChild, dataIndex: 'childName' },
                { title: t.trAge, dataIndex: 'ageAtStart' },
                {
                  title: t.trPickupPeople,
                  render: (_: unknown, c: Entry) => c.pickupPeople.map((p) => `${p.relation} ${p.name} ${p.mobile}`).join('；'),
                },
                {
                  title: t.trAttendanceRate,
                  render: (_: unknown, c: Entry) => {
                    const s = report?.items.find((r) => r.childId === c.id);
                    return s ? <Tag color={s.losesPriority ? 'red' : 'green'}>{Math.round(s.rate * 100)}%</Tag> : '—';
                  },
                },
                { title: t.trSignedInAt, render: (_: unknown, c: Entry) => chinaDateTime(c.signedInAt).slice(11) || '—' },
                {
                  title: t.trSignedOutAt,
                  render: (_: unknown, c: Entry) =>
                    c.signedOutAt ? `${chinaDateTime(c.signedOutAt).slice(11)} · ${c.collectedBy ?? ''}` : '—',
                },
                {
                  title: t.status,
                  render: (_: unknown, c: Entry) => (
                    <Tag color={STATE_COLOUR[c.state]} data-testid="child-state">
                      {stateLabel[c.state]}
                    </Tag>
                  ),
                },
                {
                  title: t.actions,
                  render: (_: unknown, c: Entry) =>
                    isToday && (
                      <Space size={4}>
                        {c.state === 'not-signed-in' && (
                          <Button
                            size="small"
                            type="primary"
                            onClick={() =>
                              void act(
                                () =>
                                  api.POST('/api/v1/training/childcare-classes/{id}/sign-ins', {
                                    params: { path: { id: classId! } },
                                    body: { childId: c.id },
                                  }),
                                refresh,
                              )
                            }
                          >
                            {t.trSignIn}
                          </Button>
                        )}
                        {(c.state === 'in-class' || c.state === 'not-collected') && (
                          <Button size="small" onClick={() => setModal(c)}>
                            {t.trSignOut}
                          </Button>
                        )}
                      </Space>
                    ),
                },
              ]}
            />
          </>
        )}
      </Card>
      <FormModal<
        Omit<Schemas['training.CreateChildcareClassRequest'], 'startsOn' | 'endsOn' | 'opensAt' | 'closesAt'> & {
          dates: [Dayjs, Dayjs];
          hours?: [Dayjs, Dayjs];
        }
      >
        title={t.trAddClass}
        open={modal === 'class'}
        draftKey="training.childcare-class"
        onClose={() => setModal(null)}
        onDone={() => {
          setModal(null);
          void loadClasses();
        }}
        send={({ dates, hours, ...body }) =>
          api.POST('/api/v1/training/childcare-classes', {
            body: {
              ...body,
              startsOn: dates[0].format('YYYY-MM-DD'),
              endsOn: dates[1].format('YYYY-MM-DD'),
              ...(hours ? { opensAt: hours[0].format('HH:mm'), closesAt: hours[1].format('HH:mm') } : {}),
            } as Schemas['training.CreateChildcareClassRequest'],
          })
        }
      >
        {() => (
          <>
            <Form.Item name="name" label={t.name} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="venue" label={t.location} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Space wrap>
              <Form.Item name="ageMin" label={t.trAgeMin} rules={[{ required: true }]}>
                <InputNumber min={0} />
              </Form.Item>
              <Form.Item name="ageMax" label={t.trAgeMax} rules={[{ required: true }]}>
                <InputNumber min={0} />
              </Form.Item>
              <Form.Item name="capacity" label={t.trCapacity} rules={[{ required: true }]}>
                <InputNumber min={1} />
              </Form.Item>
            </Space>
            <Form.Item name="dates" label={t.trPeriod} rules={[{ required: true }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="hours" label={t.trDailyHours}>
              <TimePicker.RangePicker format="HH:mm" />
            </Form.Item>
            <Form.Item name="orgUnitId" label={t.orgUnit}>
              <UnitSelect allowClear />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<Omit<Schemas['training.EnrolChildRequest'], 'birthDate'> & { birthDate: Dayjs }>
        title={t.trEnrolChild}
        open={modal === 'child'}
        initialValues={{ pickupPeople: [{ name: '', mobile: '', relation: '' }] }}
        onClose={() => setModal(null)}
        onDone={() => {
          setModal(null);
          refresh();
          void loadClasses();
        }}
        send={({ birthDate, ...body }) =>
          api.POST('/api/v1/training/childcare-classes/{id}/children', {
            params: { path: { id: classId ?? '' } },
            body: { ...body, birthDate: birthDate?.format('YYYY-MM-DD') },
          })
        }
      >
        {() => (
          <>
            <Form.Item name="guardianMemberId" label={t.trGuardian} rules={[{ required: true }]}>
              <MemberSelect status="active" />
            </Form.Item>
            <Form.Item name="childName" label={t.trChild} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="birthDate" label={t.birthDate} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="insurancePolicyNo" label={t.trInsurance}>
              <Input />
            </Form.Item>
            <Form.List name="pickupPeople">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'name']} rules={[{ required: true }]}>
                        <Input placeholder={t.name} style={{ width: 100 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'mobile']} rules={[{ required: true }]}>
                        <Input placeholder={t.mobile} style={{ width: 130 }} maxLength={11} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'relation']} rules={[{ required: true }]}>
                        <Input placeholder={t.trRelation} style={{ width: 80 }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
                    {t.trAddPickup}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
      </FormModal>
      <FormModal<Schemas['training.CollectorDto']>
        title={`${t.trSignOut} · ${typeof modal === 'object' && modal ? modal.childName : ''}`}
        open={typeof modal === 'object' && modal !== null}
        onClose={() => setModal(null)}
        onDone={() => {
          setModal(null);
          refresh();
        }}
        send={(collectedBy) =>
          api.POST('/api/v1/training/childcare-classes/{id}/sign-outs', {
            params: { path: { id: classId ?? '' } },
            body: { childId: typeof modal === 'object' && modal ? modal.id : '', collectedBy },
          })
        }
      >
        {() => (
          <>
            <Alert type="info" style={{ marginBottom: 12 }} message={t.trCollectorHint} />
            <Form.Item name="name" label={t.trCollector} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="mobile" label={t.mobile} rules={[{ required: true }]}>
              <Input maxLength={11} />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Space>
  );
}
