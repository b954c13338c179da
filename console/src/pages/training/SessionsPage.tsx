import { useCallback, useEffect, useState } from 'react';
import { Card, Progress, Table } from 'antd';
import { api, type Schemas } from '../../api/client';
import { CursorTable } from '../../components/CursorTable';
import { useUnitName } from '../../components/UnitSelect';
import { chinaDateTime } from '../../format';
import { useI18n } from '../../i18n';

type Session = Schemas['training.SessionView'];
type Booking = Schemas['training.BookingView'];

/** 培训班次 with seats taken, and each session's bookings (the training API as it is today). */
export function SessionsPage() {
  const { t } = useI18n();
  const unitName = useUnitName();
  const load = useCallback(async (cursor?: string) => (await api.GET('/api/v1/training/sessions', { params: { query: { limit: 20, cursor } } })).data, []);
  return (
    <Card title={t.sessions} size="small">
      <CursorTable<Session>
        load={load}
        empty={t.noSessions}
        testId="sessions"
        columns={[
          { title: t.courseTitle, dataIndex: 'courseTitle' },
          { title: t.startsAt, dataIndex: 'startsAt', render: chinaDateTime },
          { title: t.location, dataIndex: 'location' },
          { title: t.orgUnit, dataIndex: 'orgUnitId', render: (v: string | null) => (v ? unitName(v) : '—') },
          { title: t.seats, width: 160, render: (_: unknown, s: Session) => <Progress percent={Math.round((s.booked / Math.max(1, s.capacity)) * 100)} format={() => `${s.booked}/${s.capacity}`} size="small" /> },
        ]}
        expandable={{ expandedRowRender: (s) => <Bookings sessionId={s.id} /> }}
      />
    </Card>
  );
}

function Bookings({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<Booking[]>([]);
  useEffect(() => {
    void api.GET('/api/v1/training/sessions/{id}/bookings', { params: { path: { id: sessionId }, query: { limit: 500 } } }).then(({ data }) => setRows(data?.items ?? []));
  }, [sessionId]);
  return (
    <Table
      size="small"
      rowKey="id"
      title={() => t.bookings}
      dataSource={rows}
      pagination={false}
      columns={[
        { title: t.memberId, dataIndex: 'memberId', render: (v: string) => <a href={`/membership/members/${v}`}>{v.slice(0, 8)}</a> },
        { title: t.booked, dataIndex: 'bookedAt', render: chinaDateTime },
      ]}
    />
  );
}
