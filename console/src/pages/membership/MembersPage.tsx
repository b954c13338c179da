import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Col, DatePicker, Empty, Form, Input, Row, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, problemOf, type Member } from '../../api/client';
import { UnitSelect, useUnitName } from '../../components/UnitSelect';
import { chinaDay } from '../../format';
import { useI18n } from '../../i18n';

const EMPLOYMENT_FORMS = ['regular', 'gig-delivery', 'gig-ride-hailing', 'gig-courier', 'gig-domestic-service', 'gig-other'] as const;
type Filters = { name?: string; orgUnitId?: string; status?: 'active' | 'left'; employmentForm?: (typeof EMPLOYMENT_FORMS)[number]; skillLevel?: 'novice' | 'skilled' | 'master'; enrolled?: [Dayjs, Dayjs] };

/** Member search over the officer's subtree, with the API's filters and cursor paging; filters live in the URL. */
export function MembersPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  const [rows, setRows] = useState<Member[]>([]);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (cursor?: string) => {
      setLoading(true);
      const query = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ''));
      const { data, error: problem } = await api.GET('/api/v1/membership/members', { params: { query: { ...query, limit: 20, cursor } as never } });
      setLoading(false);
      setError(data ? null : (problemOf(problem).detail ?? problemOf(problem).title ?? null));
      setRows(data?.items ?? []);
      setNext(data?.nextCursor ?? null);
    },
    [params],
  );
  useEffect(() => {
    const from = params.get('enrolledFrom');
    const to = params.get('enrolledTo');
    form.setFieldsValue({
      name: params.get('name') ?? undefined,
      orgUnitId: params.get('orgUnitId') ?? undefined,
      status: (params.get('status') as Filters['status']) ?? undefined,
      employmentForm: (params.get('employmentForm') as Filters['employmentForm']) ?? undefined,
      skillLevel: (params.get('skillLevel') as Filters['skillLevel']) ?? undefined,
      enrolled: from && to ? [dayjs(from), dayjs(to)] : undefined,
    });
    setCursors([undefined]);
    void load();
  }, [params, form, load]);

  const search = (values: Filters) => {
    const next = new URLSearchParams();
    for (const key of ['name', 'orgUnitId', 'status', 'employmentForm', 'skillLevel'] as const) if (values[key]) next.set(key, String(values[key]));
    if (values.enrolled) {
      next.set('enrolledFrom', values.enrolled[0].format('YYYY-MM-DD'));
      next.set('enrolledTo', values.enrolled[1].format('YYYY-MM-DD'));
    }
    setParams(next);
  };

  return (
    <Card title={t.members} size="small" extra={<Button type="primary" onClick={() => navigate('/membership/members/new')}>{t.enrol}</Button>}>
      <Form form={form} onFinish={search} layout="vertical" data-testid="member-filters">
        <Row gutter={12}>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="name" label={t.name}>
              <Input allowClear id="filter-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="orgUnitId" label={t.orgUnit}>
              <UnitSelect allowClear />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <Form.Item name="status" label={t.status}>
              <Select allowClear options={['active', 'left'].map((v) => ({ value: v, label: label(v) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6} lg={3}>
            <Form.Item name="skillLevel" label={t.skillLevel}>
              <Select allowClear options={['novice', 'skilled', 'master'].map((v) => ({ value: v, label: label(v) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="employmentForm" label={t.employmentForm}>
              <Select allowClear options={EMPLOYMENT_FORMS.map((v) => ({ value: v, label: label(v) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <Form.Item name="enrolled" label={t.enrolledRange}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={16} style={{ display: 'flex', alignItems: 'end', paddingBottom: 24 }}>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="member-search">
                {t.search}
              </Button>
              <Button onClick={() => setParams(new URLSearchParams())}>{t.reset}</Button>
            </Space>
          </Col>
        </Row>
      </Form>
      {error && <Alert type="error" message={error} showIcon style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 800 }}
        data-testid="member-table"
        locale={{ emptyText: <Empty description={t.noMembers} /> }}
        onRow={(m) => ({ onClick: () => navigate(`/membership/members/${m.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t.memberNo, dataIndex: 'memberNo', width: 130 },
          { title: t.name, dataIndex: 'name', width: 100 },
          { title: t.nationalId, dataIndex: 'maskedNationalId', width: 190 },
          { title: t.orgUnit, dataIndex: 'orgUnitId', render: (id: string) => unitName(id) },
          { title: t.employmentForm, dataIndex: 'employmentForm', render: (v: string) => label(v) },
          { title: t.status, dataIndex: 'status', width: 90, render: (v: string) => <Tag color={v === 'active' ? 'green' : 'default'}>{label(v)}</Tag> },
          { title: t.enrolledAt, dataIndex: 'enrolledAt', width: 110, render: chinaDay },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button
          disabled={cursors.length <= 1}
          onClick={() => {
            const previous = cursors.slice(0, -1);
            setCursors(previous);
            void load(previous[previous.length - 1]);
          }}
        >
          {t.previous}
        </Button>
        <Button
          disabled={!next}
          data-testid="next-page"
          onClick={() => {
            setCursors([...cursors, next!]);
            void load(next!);
          }}
        >
          {t.next}
        </Button>
      </Space>
    </Card>
  );
}
