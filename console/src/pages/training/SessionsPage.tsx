import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Card, DatePicker, Form, Input, InputNumber, Progress, Select, Space, Switch, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, type Schemas } from '../../api/client';
import { CursorTable } from '../../components/CursorTable';
import { UnitSelect, useUnitName } from '../../components/UnitSelect';
import { chinaDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { FormModal } from './shared';

type Session = Schemas['training.SessionView'];
interface ScheduleForm {
  courseId?: string;
  courseTitle?: string;
  period: [Dayjs, Dayjs];
  location: string;
  capacity: number;
  offerWindowHours?: number;
  orgUnitId?: string;
}

/** 培训班次: seats taken of each session (full ones show their waiting list on the session page). */
export function SessionsPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const [freeOnly, setFreeOnly] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const [reload, setReload] = useState(0);
  const [courses, setCourses] = useState<Schemas['training.CourseView'][]>([]);
  const load = useCallback(
    async (cursor?: string) =>
      (await api.GET('/api/v1/training/sessions', { params: { query: { limit: 20, cursor, hasFreeSeats: freeOnly || undefined } } })).data,
    [freeOnly],
  );
  const openSchedule = async () => {
    setScheduling(true);
    const { data } = await api.GET('/api/v1/training/courses', { params: { query: { limit: 100 } } });
    setCourses(data?.items ?? []);
  };
  return (
    <Card
      title={t.sessions}
      size="small"
      extra={
        <Space wrap>
          <span>
            {t.trFreeSeatsOnly} <Switch size="small" checked={freeOnly} onChange={setFreeOnly} />
          </span>
          <Button type="primary" onClick={() => void openSchedule()} data-testid="schedule-session">
            {t.trSchedule}
          </Button>
        </Space>
      }
    >
      <CursorTable<Session>
        load={load}
        reloadKey={reload}
        empty={t.noSessions}
        testId="sessions"
        onRow={(s) => ({ onClick: () => navigate(`/training/sessions/${s.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t.courseTitle,
            dataIndex: 'courseTitle',
            render: (v: string, s) => (
              <a href={`/training/sessions/${s.id}`} onClick={(e) => e.preventDefault()}>
                {v}
              </a>
            ),
          },
          { title: t.startsAt, dataIndex: 'startsAt', render: chinaDateTime },
          { title: t.location, dataIndex: 'location' },
          { title: t.orgUnit, dataIndex: 'orgUnitId', render: (v: string | null) => (v ? unitName(v) : '—') },
          {
            title: t.seats,
            width: 170,
            render: (_: unknown, s: Session) => (
              <Progress
                percent={Math.round((s.booked / Math.max(1, s.capacity)) * 100)}
                status={s.freeSeats === 0 ? 'exception' : 'normal'}
                format={() => `${s.booked}/${s.capacity}`}
                size="small"
              />
            ),
          },
          {
            title: t.status,
            dataIndex: 'status',
            width: 110,
            render: (v: string, s: Session) =>
              v === 'cancelled' ? (
                <Tag>{label(v, 'session')}</Tag>
              ) : s.freeSeats === 0 ? (
                <Tag color="red">{t.trFull}</Tag>
              ) : (
                <Tag color="green">{t.trOpenForBooking}</Tag>
              ),
          },
        ]}
      />
      <FormModal<ScheduleForm>
        title={t.trSchedule}
        open={scheduling}
        draftKey="training.schedule"
        onClose={() => setScheduling(false)}
        onDone={() => {
          setScheduling(false);
          setReload((n) => n + 1);
        }}
        send={({ period, offerWindowHours, ...values }) =>
          api.POST('/api/v1/training/sessions', {
            body: {
              ...values,
              startsAt: period[0].format(),
              endsAt: period[1].format(),
              ...(offerWindowHours ? { offerWindowSeconds: Math.round(offerWindowHours * 3600) } : {}),
            } as Schemas['training.ScheduleSessionRequest'],
          })
        }
      >
        {(form) => (
          <>
            <Form.Item name="courseId" label={t.trCourse} extra={t.trCourseHint}>
              <Select
                allowClear
                options={courses.map((c) => ({ value: c.id, label: c.title }))}
                onChange={(id) => form.setFieldValue('courseTitle', courses.find((c) => c.id === id)?.title)}
              />
            </Form.Item>
            <Form.Item name="courseTitle" label={t.courseTitle} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="period" label={t.trPeriod} rules={[{ required: true }]}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="location" label={t.location} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Space wrap>
              <Form.Item name="capacity" label={t.trCapacity} rules={[{ required: true }]}>
                <InputNumber min={1} />
              </Form.Item>
              <Form.Item name="offerWindowHours" label={t.trOfferWindowHours}>
                <InputNumber min={0.1} placeholder="24" />
              </Form.Item>
            </Space>
            <Form.Item name="orgUnitId" label={t.orgUnit}>
              <UnitSelect allowClear />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
