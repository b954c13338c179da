import { useCallback, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Space, Switch, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, type Schemas } from '../../api/client';
import { CursorTable } from '../../components/CursorTable';
import { useI18n } from '../../i18n';
import { FormModal } from '../training/shared';
import { CLAIM_TYPES } from './CasesPage';

type Mediator = Schemas['mediation.MediatorView'];

/** 调解员名册: background, specialties, vetting and availability, with each mediator's workload and results. */
export function MediatorsPage() {
  const { t, label } = useI18n();
  const [adding, setAdding] = useState(false);
  const [reload, setReload] = useState(0);
  const load = useCallback(
    async (cursor?: string) => (await api.GET('/api/v1/mediation/mediators', { params: { query: { limit: 20, cursor } } })).data,
    [],
  );
  return (
    <Card
      size="small"
      title={t.mdRoster}
      extra={
        <Button type="primary" onClick={() => setAdding(true)}>
          {t.mdRegisterMediator}
        </Button>
      }
    >
      <CursorTable<Mediator>
        load={load}
        reloadKey={reload}
        empty={t.mdNoMediators}
        testId="mediators"
        columns={[
          { title: t.name, dataIndex: 'name' },
          { title: t.mdBackground, dataIndex: 'background', render: (v: string) => label(v, 'background') },
          { title: t.mdCentre, dataIndex: 'centreName' },
          {
            title: t.mdSpecialties,
            dataIndex: 'specialties',
            render: (v: string[]) => v.map((s) => <Tag key={s}>{label(s, 'claim')}</Tag>),
          },
          {
            title: t.mdVetting,
            dataIndex: 'vettingStatus',
            render: (v: string, m: Mediator) => (
              <Tag color={v === 'vetted' ? 'green' : v === 'suspended' ? 'red' : 'orange'}>
                {label(v, 'vetting')}
                {m.vettedOn ? ` ${m.vettedOn}` : ''}
              </Tag>
            ),
          },
          {
            title: t.mdAvailable,
            dataIndex: 'available',
            render: (v: boolean) => (v ? <Tag color="green">{t.mdYes}</Tag> : <Tag>{t.mdUnavailable}</Tag>),
          },
          {
            title: t.mdWorkload,
            render: (_: unknown, m: Mediator) => (
              <Tag color={m.results.open > 5 ? 'red' : m.results.open > 2 ? 'orange' : 'blue'}>{m.results.open}</Tag>
            ),
          },
          {
            title: t.mdResults,
            render: (_: unknown, m: Mediator) =>
              `${t.mdSettledCount} ${m.results.settled} · ${t.mdReferredCount} ${m.results.referred} · ${t.mdDeclinedCount} ${m.results.declined} · ${t.mdAsLead} ${m.results.asLead}`,
          },
          {
            title: t.mdSettlementRate,
            render: (_: unknown, m: Mediator) =>
              m.results.settlementRate === null ? '—' : `${Math.round(m.results.settlementRate * 100)}%`,
          },
        ]}
      />
      <FormModal<Omit<Schemas['mediation.RegisterMediatorRequest'], 'vettedOn'> & { vettedOn?: Dayjs }>
        title={t.mdRegisterMediator}
        open={adding}
        draftKey="mediation.mediator"
        initialValues={{ background: 'union-officer', vettingStatus: 'vetted', available: true, specialties: [] }}
        onClose={() => setAdding(false)}
        onDone={() => {
          setAdding(false);
          setReload((n) => n + 1);
        }}
        send={({ vettedOn, ...body }) =>
          api.POST('/api/v1/mediation/mediators', {
            body: {
              ...body,
              vettedOn: vettedOn?.format('YYYY-MM-DD'),
              username: body.username || undefined,
              employerName: body.employerName || undefined,
            },
          })
        }
      >
        {() => (
          <>
            <Form.Item name="name" label={t.name} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Space wrap>
              <Form.Item name="background" label={t.mdBackground}>
                <Select
                  style={{ width: 160 }}
                  options={['judge', 'lawyer', 'union-officer', 'hr-officer', 'community-mediator'].map((v) => ({
                    value: v,
                    label: label(v, 'background'),
                  }))}
                />
              </Form.Item>
              <Form.Item name="vettingStatus" label={t.mdVetting}>
                <Select
                  style={{ width: 120 }}
                  options={['pending', 'vetted', 'suspended'].map((v) => ({ value: v, label: label(v, 'vetting') }))}
                />
              </Form.Item>
              <Form.Item name="vettedOn" label={t.mdVettedOn}>
                <DatePicker />
              </Form.Item>
            </Space>
            <Form.Item name="specialties" label={t.mdSpecialties} rules={[{ required: true }]}>
              <Select mode="multiple" options={CLAIM_TYPES.map((v) => ({ value: v, label: label(v, 'claim') }))} />
            </Form.Item>
            <Form.Item name="centreName" label={t.mdCentre} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="employerName" label={t.mdMediatorEmployer} extra={t.mdMediatorEmployerHint}>
              <Input />
            </Form.Item>
            <Space wrap>
              <Form.Item name="available" label={t.mdAvailable} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="username" label={t.username}>
                <Input />
              </Form.Item>
            </Space>
          </>
        )}
      </FormModal>
    </Card>
  );
}
