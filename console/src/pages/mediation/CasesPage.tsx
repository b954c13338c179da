import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Badge, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n';
import { FormModal, MemberSelect, yuan } from '../training/shared';
import { ClockTag } from './ClockTag';

type Case = Schemas['mediation.CaseView'];
const STAGES = ['open', 'settled', 'referred', 'closed', 'declined'] as const;
const STAGE_COLOUR: Record<string, string> = {
  open: '#fa8c16',
  settled: '#1677ff',
  referred: '#722ed1',
  closed: '#52c41a',
  declined: '#8c8c8c',
};
export const CLAIM_TYPES = [
  'unpaid-wages',
  'social-insurance',
  'work-injury',
  'termination-compensation',
  'overtime',
  'maternity',
  'other',
] as const;
/** Cases per stage column and per “load more”. */
const COLUMN_PAGE = 12;
type Stage = (typeof STAGES)[number];
/** One stage's column as loaded from the server so far: its cases and the cursor of the next page. */
interface Column {
  items: Case[];
  next: string | null;
  loading: boolean;
}

interface IntakeForm {
  source: Schemas['mediation.OpenCaseRequest']['source'];
  summary: string;
  workers: { memberId?: string; name?: string; contact?: string }[];
  employer: { name: string; creditCode?: string };
  claims: { type: Schemas['mediation.ClaimInput']['type']; amountYuan?: number; description?: string }[];
  receivedOn?: Dayjs;
}

/** 调解案件看板: the cases of the officer's subtree by stage; open ones by days left on the 15-day clock. */
export function CasesPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const [columns, setColumns] = useState<Partial<Record<Stage, Column>>>({});
  const [intake, setIntake] = useState(false);
  // Each stage from the server, in its own order: open cases most urgent first (fewest days left), the others as opened.
  const loadStage = useCallback(async (stage: Stage, cursor?: string) => {
    setColumns((all) => ({ ...all, [stage]: { items: all[stage]?.items ?? [], next: all[stage]?.next ?? null, loading: true } }));
    const { data } = await api.GET('/api/v1/mediation/cases', { params: { query: { status: stage, limit: COLUMN_PAGE, cursor } } });
    setColumns((all) => ({
      ...all,
      [stage]: {
        items: [...(cursor ? (all[stage]?.items ?? []) : []), ...(data?.items ?? [])],
        next: data?.nextCursor ?? null,
        loading: false,
      },
    }));
  }, []);
  useEffect(() => {
    for (const stage of STAGES) void loadStage(stage);
  }, [loadStage]);

  const loaded = STAGES.every((stage) => columns[stage] && !(columns[stage].loading && columns[stage].items.length === 0));
  const none = loaded && STAGES.every((stage) => columns[stage]!.items.length === 0);
  return (
    <Card
      size="small"
      data-testid="cases"
      title={t.mdBoard}
      extra={
        <Space wrap>
          <Link to="/mediation/mediators">{t.mdRoster}</Link>
          <Button type="primary" onClick={() => setIntake(true)} data-testid="open-case">
            {t.mdIntake}
          </Button>
        </Space>
      }
    >
      {!loaded && <Spin />}
      {none && <Empty description={t.mdNoCases} data-testid="no-cases" />}
      {loaded && !none && (
        <Row gutter={[12, 12]} wrap data-testid="case-board">
          {STAGES.map((stage) => {
            const column = columns[stage]!;
            const list = column.items;
            return (
              <Col
                key={stage}
                xs={24}
                md={12}
                xl={stage === 'open' ? 6 : 'auto'}
                flex={stage === 'open' ? undefined : '1 1 0'}
                style={{ minWidth: 0 }}
              >
                <div
                  style={{ background: '#fafafa', borderTop: `3px solid ${STAGE_COLOUR[stage]}`, padding: 8, minHeight: 120 }}
                  data-testid={`stage-${stage}`}
                >
                  <Typography.Text strong>
                    {label(stage, 'case')} <Badge count={`${list.length}${column.next ? '+' : ''}`} showZero color={STAGE_COLOUR[stage]} />
                  </Typography.Text>
                  <Space direction="vertical" style={{ width: '100%', marginTop: 8 }} size={8}>
                    {list.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
                    {list.map((c) => (
                      <Card
                        key={c.id}
                        size="small"
                        hoverable
                        onClick={() => navigate(`/mediation/cases/${c.id}`)}
                        data-testid="case-card"
                        styles={{ body: { padding: 10 } }}
                      >
                        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
                          {c.summary}
                        </Typography.Paragraph>
                        <div style={{ color: '#666', fontSize: 12 }}>
                          {c.employer.name}{' '}
                          {c.collective && (
                            <Tag icon={<TeamOutlined />}>
                              {t.mdCollective} {c.workers.length}
                            </Tag>
                          )}
                        </div>
                        <div style={{ marginTop: 4, display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 4 }}>
                          {c.status === 'open' ? (
                            <ClockTag clock={c.clock} />
                          ) : (
                            <span style={{ fontSize: 12, color: '#666' }}>{c.receivedOn}</span>
                          )}
                          <span style={{ fontSize: 12 }}>{yuan(c.claimedTotalFen)}</span>
                        </div>
                      </Card>
                    ))}
                    {column.next && (
                      <Button
                        block
                        size="small"
                        loading={column.loading}
                        onClick={() => void loadStage(stage, column.next!)}
                        data-testid={`more-${stage}`}
                      >
                        {t.mdLoadMore}
                      </Button>
                    )}
                  </Space>
                </div>
              </Col>
            );
          })}
        </Row>
      )}

      <FormModal<IntakeForm>
        title={t.mdIntake}
        open={intake}
        width={720}
        draftKey="mediation.intake"
        testId="intake-modal"
        initialValues={{ source: 'complaint', workers: [{}], claims: [{ type: 'unpaid-wages' }], receivedOn: dayjs() }}
        onClose={() => setIntake(false)}
        onDone={(answer) => {
          setIntake(false);
          navigate(`/mediation/cases/${(answer as Case).id}`);
        }}
        send={({ receivedOn, claims, workers, employer, ...rest }) =>
          api.POST('/api/v1/mediation/cases', {
            body: {
              ...rest,
              employer: { name: employer?.name, creditCode: employer?.creditCode || undefined },
              workers: (workers ?? []).map((w) => (w.memberId ? { memberId: w.memberId } : { name: w.name, contact: w.contact })),
              claims: (claims ?? []).map((c) => ({
                type: c.type,
                description: c.description || undefined,
                amountFen: c.amountYuan === undefined || c.amountYuan === null ? undefined : Math.round(c.amountYuan * 100),
              })),
              receivedOn: receivedOn?.format('YYYY-MM-DD'),
            },
          })
        }
      >
        {() => (
          <>
            <Space wrap>
              <Form.Item name="source" label={t.source} rules={[{ required: true }]}>
                <Select
                  style={{ width: 160 }}
                  options={['screening', 'complaint', 'referral', 'court-delegation'].map((v) => ({ value: v, label: label(v) }))}
                />
              </Form.Item>
              <Form.Item name="receivedOn" label={t.mdReceivedOn}>
                <DatePicker id="intake-receivedOn" />
              </Form.Item>
            </Space>
            <Form.Item name="summary" label={t.summary} rules={[{ required: true }]}>
              <Input.TextArea id="intake-summary" rows={2} />
            </Form.Item>
            <Typography.Text strong>{t.mdWorkers}</Typography.Text>
            <Form.List name="workers">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'memberId']} style={{ width: 220 }}>
                        <MemberSelect id={`intake-worker-${field.name}`} />
                      </Form.Item>
                      <span>{t.mdOrNonMember}</span>
                      <Form.Item name={[field.name, 'name']}>
                        <Input placeholder={t.name} style={{ width: 100 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'contact']}>
                        <Input placeholder={t.mobile} style={{ width: 130 }} maxLength={11} />
                      </Form.Item>
                      {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                    </Space>
                  ))}
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 12 }}>
                    {t.mdAddWorker}
                  </Button>
                </>
              )}
            </Form.List>
            <Space wrap>
              <Form.Item name={['employer', 'name']} label={t.employerName} rules={[{ required: true }]}>
                <Input id="intake-employer" style={{ width: 260 }} />
              </Form.Item>
              <Form.Item name={['employer', 'creditCode']} label={t.employerCreditCode}>
                <Input maxLength={18} style={{ width: 200 }} />
              </Form.Item>
            </Space>
            <Typography.Text strong style={{ display: 'block' }}>
              {t.mdClaims}
            </Typography.Text>
            <Form.List name="claims">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'type']} rules={[{ required: true }]}>
                        <Select style={{ width: 150 }} options={CLAIM_TYPES.map((v) => ({ value: v, label: label(v, 'claim') }))} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'amountYuan']}>
                        <InputNumber min={0} precision={2} placeholder={t.mdAmountYuan} style={{ width: 130 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'description']}>
                        <Input placeholder={t.mdClaimDetail} style={{ width: 200 }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ type: 'other' })}>
                    {t.mdAddClaim}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
      </FormModal>
    </Card>
  );
}
