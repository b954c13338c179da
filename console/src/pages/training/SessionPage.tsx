import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Badge, Button, Card, Descriptions, Empty, Form, Popconfirm, Progress, Result, Space, Spin, Switch, Table, Tabs, Tag } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import { allPages, api, type Schemas } from '../../api/client';
import { MemberName } from '../../components/MemberName';
import { useUnitName } from '../../components/UnitSelect';
import { chinaDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { FormModal, MemberSelect, useAction } from './shared';

type Session = Schemas['training.SessionView'];
type Booking = Schemas['training.BookingView'];
type Attendance = Schemas['training.AttendanceView'];

const STATUS_COLOUR: Record<string, string> = {
  booked: 'green',
  waiting: 'orange',
  offered: 'blue',
  cancelled: 'default',
  expired: 'default',
  removed: 'default',
};

/** One session: its seats, the waiting list in arrival order, offers, booking for a member, attendance. */
export function SessionPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const unitName = useUnitName();
  const act = useAction();
  const [session, setSession] = useState<Session | null>(null);
  const [status, setStatus] = useState<number | null>(null);
  const [places, setPlaces] = useState<Booking[]>([]);
  const [waiting, setWaiting] = useState<Booking[]>([]);
  const [attendance, setAttendance] = useState<Attendance[]>([]);
  const [modal, setModal] = useState<'book' | 'mark' | null>(null);
  const path = { params: { path: { id } } };

  const load = useCallback(async () => {
    const { data, response } = await api.GET('/api/v1/training/sessions/{id}', { params: { path: { id } } });
    setStatus(response.status);
    setSession(data ?? null);
    if (!data) return;
    const [all, queue, present] = await Promise.all([
      allPages(
        async (cursor) =>
          (await api.GET('/api/v1/training/sessions/{id}/bookings', { params: { path: { id }, query: { limit: 500, cursor } } })).data,
      ),
      allPages(
        async (cursor) =>
          (
            await api.GET('/api/v1/training/sessions/{id}/bookings', {
              params: { path: { id }, query: { limit: 500, cursor, status: 'waiting' } },
            })
          ).data,
      ),
      allPages(
        async (cursor) =>
          (await api.GET('/api/v1/training/sessions/{id}/attendance', { params: { path: { id }, query: { limit: 500, cursor } } })).data,
      ),
    ]);
    setPlaces(all.filter((b) => b.status !== 'waiting'));
    setWaiting([...queue].sort((a, b) => (a.waitingPosition ?? 0) - (b.waitingPosition ?? 0)));
    setAttendance(present);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (status === null) return <Spin />;
  if (!session) return <Result status="404" title="404" subTitle={t.notFound} data-testid="not-found" />;
  const who = (memberId: string) => <Link to={`/membership/members/${memberId}`}><MemberName id={memberId} /></Link>;
  const open = session.status === 'scheduled';

  const placeColumns = [
    { title: t.memberId, dataIndex: 'memberId', render: who },
    { title: t.status, dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOUR[v]}>{label(v, 'booking')}</Tag> },
    { title: t.trBookedAt, dataIndex: 'bookedAt', render: chinaDateTime },
    { title: t.trOfferExpiresAt, dataIndex: 'offerExpiresAt', render: chinaDateTime },
    {
      title: t.actions,
      render: (_: unknown, b: Booking) => (
        <Space>
          {b.status === 'offered' && (
            <Button
              size="small"
              type="primary"
              onClick={() => void act(() => api.POST('/api/v1/training/bookings/{id}/accept', { params: { path: { id: b.id } } }), load)}
            >
              {t.trAcceptOffer}
            </Button>
          )}
          {['booked', 'offered', 'waiting'].includes(b.status) && (
            <Popconfirm
              title={t.trCancelBookingConfirm}
              onConfirm={() => void act(() => api.POST('/api/v1/training/bookings/{id}/cancel', { params: { path: { id: b.id } } }), load)}
            >
              <Button size="small" danger data-testid="cancel-booking">
                {t.cancel}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={
          <span data-testid="session-title">
            {session.courseTitle}{' '}
            {open ? (
              session.freeSeats === 0 ? (
                <Tag color="red">{t.trFull}</Tag>
              ) : (
                <Tag color="green">{t.trOpenForBooking}</Tag>
              )
            ) : (
              <Tag>{label(session.status, 'session')}</Tag>
            )}
          </span>
        }
        extra={
          <Space wrap>
            {open && (
              <Button type="primary" onClick={() => setModal('book')} data-testid="book">
                {t.trBookForMember}
              </Button>
            )}
            {open && (
              <Link to={`/training/sessions/${id}/sign-in-code`}>
                <Button icon={<QrcodeOutlined />} data-testid="open-qr">
                  {t.trSignInQr}
                </Button>
              </Link>
            )}
            {open && (
              <Popconfirm
                title={t.trCancelSessionConfirm}
                onConfirm={() => void act(() => api.POST('/api/v1/training/sessions/{id}/cancel', path), load)}
              >
                <Button danger>{t.trCancelSession}</Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t.startsAt}>{chinaDateTime(session.startsAt)}</Descriptions.Item>
          <Descriptions.Item label={t.trEndsAt}>{chinaDateTime(session.endsAt)}</Descriptions.Item>
          <Descriptions.Item label={t.location}>{session.location}</Descriptions.Item>
          <Descriptions.Item label={t.orgUnit}>{session.orgUnitId ? unitName(session.orgUnitId) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t.seats}>
            <Progress
              percent={Math.round((session.booked / Math.max(1, session.capacity)) * 100)}
              format={() => `${session.booked}/${session.capacity}`}
              size="small"
              style={{ minWidth: 140 }}
              data-testid="session-seats"
            />
          </Descriptions.Item>
          <Descriptions.Item label={t.trOfferWindowHours}>{Math.round((session.offerWindowSeconds / 3600) * 10) / 10}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'places',
              label: `${t.bookings} (${places.filter((b) => b.status === 'booked' || b.status === 'offered').length})`,
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={places}
                  columns={placeColumns}
                  pagination={false}
                  scroll={{ x: 640 }}
                  locale={{ emptyText: <Empty description={t.trNoBookings} /> }}
                  data-testid="bookings"
                />
              ),
            },
            {
              key: 'waiting',
              label: (
                <span data-testid="waiting-tab">
                  {t.trWaitingList} <Badge count={waiting.length} showZero color={waiting.length ? 'orange' : '#bbb'} />
                </span>
              ),
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  dataSource={waiting}
                  pagination={false}
                  scroll={{ x: 640 }}
                  data-testid="waiting-list"
                  locale={{ emptyText: <Empty description={t.trNoWaiting} /> }}
                  columns={[
                    { title: t.trPosition, dataIndex: 'waitingPosition', width: 80, render: (v: number) => <Tag color="orange">#{v}</Tag> },
                    ...placeColumns,
                  ]}
                />
              ),
            },
            {
              key: 'attendance',
              label: `${t.trAttendance} (${attendance.length})`,
              children: (
                <>
                  {open && (
                    <Button style={{ marginBottom: 12 }} onClick={() => setModal('mark')} data-testid="mark-attendance">
                      {t.trMarkPresent}
                    </Button>
                  )}
                  <Table
                    size="small"
                    rowKey="id"
                    dataSource={attendance}
                    pagination={false}
                    scroll={{ x: 560 }}
                    locale={{ emptyText: <Empty description={t.trNoAttendance} /> }}
                    columns={[
                      { title: t.memberId, dataIndex: 'memberId', render: who },
                      { title: t.trSignedInAt, dataIndex: 'signedInAt', render: chinaDateTime },
                      { title: t.trSignedOutAt, dataIndex: 'signedOutAt', render: chinaDateTime },
                      { title: t.trMethod, dataIndex: 'method', render: (v: string) => label(v, 'attendance') },
                    ]}
                  />
                </>
              ),
            },
          ]}
        />
      </Card>

      <FormModal<Schemas['training.BookSessionRequest']>
        title={t.trBookForMember}
        open={modal === 'book'}
        initialValues={{ waitIfFull: true }}
        onClose={() => setModal(null)}
        onDone={() => {
          setModal(null);
          void load();
        }}
        send={(body) => api.POST('/api/v1/training/sessions/{id}/bookings', { ...path, body })}
        testId="book-modal"
      >
        {() => (
          <>
            <Form.Item name="memberId" label={t.memberId} rules={[{ required: true }]}>
              <MemberSelect id="book-memberId" status="active" />
            </Form.Item>
            <Form.Item name="waitIfFull" label={t.trWaitIfFull} valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<Schemas['training.MarkAttendanceRequest']>
        title={t.trMarkPresent}
        open={modal === 'mark'}
        onClose={() => setModal(null)}
        onDone={() => {
          setModal(null);
          void load();
        }}
        send={(body) => api.POST('/api/v1/training/sessions/{id}/attendance', { ...path, body })}
      >
        {() => (
          <>
            <Form.Item name="memberId" label={t.memberId} rules={[{ required: true }]}>
              <MemberSelect id="mark-memberId" />
            </Form.Item>
            <Form.Item name="signedOut" label={t.trAlsoSignOut} valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Space>
  );
}
