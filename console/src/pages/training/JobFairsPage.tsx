import { useCallback, useEffect, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { allPages, api, type Schemas } from '../../api/client';
import { UnitSelect } from '../../components/UnitSelect';
import { CursorTable } from '../../components/CursorTable';
import { chinaDateTime, chinaDay } from '../../format';
import { useI18n } from '../../i18n';
import { FormModal, MemberSelect, useAction } from './shared';
import { MemberName } from '../../components/MemberName';

type Fair = Schemas['training.JobFairView'];
type Offer = Schemas['training.OfferView'];
type Action = { kind: 'fair' } | { kind: 'employer' | 'vacancy' | 'offer'; fair: Fair } | null;
const FORMS = ['full-time', 'part-time', 'flexible', 'public-welfare-post'] as const;

/** 送岗位: job fairs with employers and vacancies, offers to members and their outcome. */
export function JobFairsPage() {
  const { t, label } = useI18n();
  const act = useAction();
  const [action, setAction] = useState<Action>(null);
  const [reload, setReload] = useState(0);
  const loadFairs = useCallback(
    async (cursor?: string) => (await api.GET('/api/v1/training/job-fairs', { params: { query: { limit: 20, cursor } } })).data,
    [],
  );
  const loadOffers = useCallback(
    async (cursor?: string) => (await api.GET('/api/v1/training/job-offers', { params: { query: { limit: 20, cursor } } })).data,
    [],
  );
  const done = () => {
    setAction(null);
    setReload((n) => n + 1);
  };
  const fair = action && 'fair' in action ? action.fair : null;
  const fairPath = { params: { path: { id: fair?.id ?? '' } } };
  const [vacancies, setVacancies] = useState<Schemas['training.VacancyView'][]>([]);
  const [employers, setEmployers] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    if (!fair) return;
    void allPages(
      async (cursor) =>
        (await api.GET('/api/v1/training/job-fairs/{id}/vacancies', { params: { path: { id: fair.id }, query: { limit: 100, cursor } } }))
          .data,
    ).then((list) => {
      setVacancies(list);
      setEmployers([...new Map(list.map((v) => [v.employerId, { value: v.employerId, label: v.employerName }])).values()]);
    });
  }, [fair]);
  // The API lists no employers of a fair: those its vacancies name, plus the ones added here.
  const [added, setAdded] = useState<Record<string, { value: string; label: string }[]>>({});
  const fairEmployers = [...employers, ...(added[fair?.id ?? ''] ?? []).filter((a) => !employers.some((e) => e.value === a.value))];
  return (
    <Card
      size="small"
      title={t.trJobFairs}
      extra={
        <Button type="primary" onClick={() => setAction({ kind: 'fair' })}>
          {t.trAddFair}
        </Button>
      }
    >
      <Tabs
        items={[
          {
            key: 'fairs',
            label: t.trJobFairs,
            children: (
              <CursorTable<Fair>
                load={loadFairs}
                reloadKey={reload}
                empty={t.trNoFairs}
                testId="job-fairs"
                expandable={{ expandedRowRender: (f) => <Vacancies key={reload} fairId={f.id} /> }}
                columns={[
                  { title: t.trFair, dataIndex: 'title' },
                  { title: t.trHeldOn, dataIndex: 'heldOn', render: chinaDay },
                  { title: t.trDistrict, dataIndex: 'district' },
                  { title: t.location, dataIndex: 'venue' },
                  { title: t.trEmployers, dataIndex: 'employers' },
                  { title: t.trOpenings, dataIndex: 'openings' },
                  {
                    title: t.actions,
                    render: (_: unknown, f: Fair) => (
                      <Space size={4} wrap>
                        <Button size="small" onClick={() => setAction({ kind: 'employer', fair: f })}>
                          {t.trAddEmployer}
                        </Button>
                        <Button size="small" onClick={() => setAction({ kind: 'vacancy', fair: f })}>
                          {t.trAddVacancy}
                        </Button>
                        <Button size="small" type="primary" onClick={() => setAction({ kind: 'offer', fair: f })}>
                          {t.trMakeOffer}
                        </Button>
                      </Space>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'offers',
            label: t.trOffers,
            children: (
              <CursorTable<Offer>
                load={loadOffers}
                reloadKey={reload}
                empty={t.trNoOffers}
                testId="job-offers"
                columns={[
                  { title: t.memberId, dataIndex: 'memberId', render: (v: string) => <MemberName id={v} /> },
                  { title: t.employerName, dataIndex: 'employerName' },
                  { title: t.trJobPosition, dataIndex: 'position' },
                  {
                    title: t.status,
                    dataIndex: 'status',
                    render: (v: string) => (
                      <Tag color={v === 'accepted' ? 'green' : v === 'declined' ? 'default' : 'blue'}>{label(v, 'offer')}</Tag>
                    ),
                  },
                  { title: t.trOfferedAt, dataIndex: 'offeredAt', render: chinaDateTime },
                  {
                    title: t.actions,
                    render: (_: unknown, o: Offer) =>
                      o.status === 'offered' && (
                        <Space size={4}>
                          <Button
                            size="small"
                            type="primary"
                            onClick={() =>
                              void act(() => api.POST('/api/v1/training/job-offers/{id}/accept', { params: { path: { id: o.id } } }), done)
                            }
                          >
                            {t.trAccepted}
                          </Button>
                          <Button
                            size="small"
                            onClick={() =>
                              void act(() => api.POST('/api/v1/training/job-offers/{id}/decline', { params: { path: { id: o.id } } }), done)
                            }
                          >
                            {t.trDeclined}
                          </Button>
                        </Space>
                      ),
                  },
                ]}
              />
            ),
          },
        ]}
      />
      <FormModal<Omit<Schemas['training.CreateJobFairRequest'], 'heldOn'> & { heldOn: Dayjs }>
        title={t.trAddFair}
        open={action?.kind === 'fair'}
        draftKey="training.job-fair"
        onClose={() => setAction(null)}
        onDone={done}
        send={({ heldOn, ...body }) => api.POST('/api/v1/training/job-fairs', { body: { ...body, heldOn: heldOn?.format('YYYY-MM-DD') } })}
      >
        {() => (
          <>
            <Form.Item name="title" label={t.trFair} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="district" label={t.trDistrict} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="heldOn" label={t.trHeldOn} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="venue" label={t.location} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="orgUnitId" label={t.orgUnit}>
              <UnitSelect allowClear />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<Schemas['training.AddEmployerRequest']>
        title={t.trAddEmployer}
        open={action?.kind === 'employer'}
        onClose={() => setAction(null)}
        onDone={(answer) => {
          const employer = answer as Schemas['training.EmployerView'];
          setAdded((all) => ({
            ...all,
            [employer.fairId]: [...(all[employer.fairId] ?? []), { value: employer.id, label: employer.name }],
          }));
          done();
        }}
        send={(body) => api.POST('/api/v1/training/job-fairs/{id}/employers', { ...fairPath, body })}
      >
        {() => (
          <>
            <Form.Item name="name" label={t.employerName} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="creditCode" label={t.employerCreditCode} rules={[{ required: true }]}>
              <Input maxLength={18} />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<Schemas['training.AddVacancyRequest']>
        title={t.trAddVacancy}
        open={action?.kind === 'vacancy'}
        initialValues={{ employmentForm: 'full-time', openings: 1, skills: [] }}
        onClose={() => setAction(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/training/job-fairs/{id}/vacancies', { ...fairPath, body })}
      >
        {() => (
          <>
            <Form.Item
              name="employerId"
              label={t.employerName}
              rules={[{ required: true }]}
              extra={fairEmployers.length === 0 ? t.trEmployerFirst : undefined}
            >
              <Select options={fairEmployers} />
            </Form.Item>
            <Form.Item name="position" label={t.trJobPosition} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="skills" label={t.trSkills}>
              <Select mode="tags" />
            </Form.Item>
            <Space wrap>
              <Form.Item name="district" label={t.trDistrict} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="employmentForm" label={t.employmentForm}>
                <Select style={{ width: 140 }} options={FORMS.map((v) => ({ value: v, label: label(v, 'job') }))} />
              </Form.Item>
              <Form.Item name="openings" label={t.trOpenings}>
                <InputNumber min={1} />
              </Form.Item>
            </Space>
          </>
        )}
      </FormModal>
      <FormModal<Schemas['training.MakeOfferRequest']>
        title={t.trMakeOffer}
        open={action?.kind === 'offer'}
        onClose={() => setAction(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/training/job-offers', { body })}
      >
        {() => (
          <>
            <Form.Item name="vacancyId" label={t.trVacancy} rules={[{ required: true }]}>
              <Select
                options={vacancies.map((v) => ({
                  value: v.id,
                  label: `${v.employerName} · ${v.position}（${v.openings - v.accepted}/${v.openings}）`,
                }))}
              />
            </Form.Item>
            <Form.Item name="memberId" label={t.memberId} rules={[{ required: true }]}>
              <MemberSelect status="active" />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}

function Vacancies({ fairId }: { fairId: string }) {
  const { t, label } = useI18n();
  const [rows, setRows] = useState<Schemas['training.VacancyView'][]>([]);
  useEffect(() => {
    void api
      .GET('/api/v1/training/job-fairs/{id}/vacancies', { params: { path: { id: fairId }, query: { limit: 100 } } })
      .then(({ data }) => setRows(data?.items ?? []));
  }, [fairId]);
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t.employerName, dataIndex: 'employerName' },
        { title: t.trJobPosition, dataIndex: 'position' },
        { title: t.trSkills, dataIndex: 'skills', render: (v: string[]) => v.map((s) => <Tag key={s}>{s}</Tag>) },
        { title: t.trDistrict, dataIndex: 'district' },
        { title: t.employmentForm, dataIndex: 'employmentForm', render: (v: string) => label(v, 'job') },
        { title: t.trOpenings, render: (_: unknown, v: Schemas['training.VacancyView']) => `${v.openings - v.accepted}/${v.openings}` },
      ]}
    />
  );
}
