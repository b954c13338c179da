import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, Empty, Form, Input, Select, Space, Table, Tag } from 'antd';
import { api, type Prospect, type Schemas } from '../../api/client';
import { ActionModal } from '../../components/ActionModal';
import { UnitSelect, useUnitName } from '../../components/UnitSelect';
import { useI18n } from '../../i18n';

/** 未入会职工 found in door-to-door surveys, and their enrolment in one step. */
export function ProspectsPage() {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const [status, setStatus] = useState<'open' | 'converted' | undefined>('open');
  const [rows, setRows] = useState<Prospect[]>([]);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [next, setNext] = useState<string | null>(null);
  const [converting, setConverting] = useState<Prospect | null>(null);

  const load = useCallback(
    async (cursor?: string) => {
      const { data } = await api.GET('/api/v1/membership/prospects', { params: { query: { limit: 20, cursor, status } } });
      setRows(data?.items ?? []);
      setNext(data?.nextCursor ?? null);
    },
    [status],
  );
  useEffect(() => {
    setCursors([undefined]);
    void load();
  }, [load]);

  return (
    <Card
      title={t.prospects}
      size="small"
      extra={<Select value={status} allowClear style={{ width: 120 }} onChange={setStatus} options={['open', 'converted'].map((v) => ({ value: v, label: label(v) }))} />}
    >
      <Table
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty description={t.noProspects} /> }}
        columns={[
          { title: t.name, dataIndex: 'name' },
          { title: t.mobile, dataIndex: 'maskedMobile' },
          { title: t.occupation, dataIndex: 'occupationCategory' },
          { title: t.employmentForm, dataIndex: 'employmentForm', render: (v: string) => label(v) },
          { title: t.needs, dataIndex: 'needs', render: (v: string[]) => v.map((n) => <Tag key={n}>{n}</Tag>) },
          { title: t.orgUnit, dataIndex: 'foundByOrgUnitId', render: (id: string) => unitName(id) },
          { title: t.surveyedOn, dataIndex: 'surveyedOn' },
          {
            title: t.actions,
            render: (_: unknown, p: Prospect) =>
              p.status === 'open' ? (
                <Button size="small" type="primary" onClick={() => setConverting(p)}>
                  {t.convert}
                </Button>
              ) : (
                <a onClick={() => navigate(`/membership/members/${p.memberId}`)}>{label('converted')}</a>
              ),
          },
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
          onClick={() => {
            setCursors([...cursors, next!]);
            void load(next!);
          }}
        >
          {t.next}
        </Button>
      </Space>
      <ActionModal<Schemas['membership.ConvertProspectRequest']>
        title={`${t.convert} · ${converting?.name ?? ''}`}
        open={converting !== null}
        onClose={() => setConverting(null)}
        onDone={() => {
          setConverting(null);
          void message.success(t.saved);
          void load();
        }}
        send={(values) =>
          api.POST('/api/v1/membership/prospects/{id}/convert', {
            params: { path: { id: converting!.id } },
            body: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as Schemas['membership.ConvertProspectRequest'],
          })
        }
      >
        {() => (
          <>
            <Form.Item name="nationalId" label={t.nationalId} rules={[{ required: true }]}>
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
            <Form.Item name="orgUnitId" label={t.orgUnit} rules={[{ required: true }]}>
              <UnitSelect />
            </Form.Item>
            <Form.Item name="mobile" label={t.mobile}>
              <Input maxLength={11} />
            </Form.Item>
          </>
        )}
      </ActionModal>
    </Card>
  );
}
