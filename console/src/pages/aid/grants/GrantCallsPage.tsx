import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Card, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api, problemOf, type Schemas } from '../../../api/client';
import { ActionModal } from '../../../components/ActionModal';
import { CursorTable } from '../../../components/CursorTable';
import { chinaDateTime } from '../../../format';
import { useI18n } from '../../../i18n';
import { useSession } from '../../../session';
import { BudgetSelect, onYuanFields, toFen, useBudgets, yuan } from '../aid-kit';
import { CALL_COLOURS, type GrantCall } from './grant-kit';

interface NewCall {
  title: string;
  budgetId: string;
  amountYuan: number;
  criteria: Schemas['aid.CriterionInput'][];
  panel: string[];
  minScore?: number;
}

const DEFAULT_CRITERIA = [
  { key: 'need', name: '服务需求的迫切性', weight: 40, maxScore: 10 },
  { key: 'design', name: '项目设计与可行性', weight: 35, maxScore: 10 },
  { key: 'capacity', name: '组织执行能力', weight: 25, maxScore: 5 },
];

/** 公益伙伴: the grant calls of the officer's subtree, and a new call on a budget with weighted criteria. */
export function GrantCallsPage() {
  const { t, label } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const budgets = useBudgets();
  const [creating, setCreating] = useState(false);
  const load = useCallback(async (cursor?: string) => (await api.GET('/api/v1/aid/grant-calls', { params: { query: { limit: 20, cursor } } })).data, []);

  return (
    <Card
      title={t.grCallsTitle}
      size="small"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-grant-call">
          {t.grNewCall}
        </Button>
      }
    >
      <CursorTable<GrantCall>
        load={load}
        empty={t.grNoCalls}
        testId="grant-calls"
        onRow={(c) => ({ onClick: () => navigate(`/aid/grants/${c.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t.grCallTitle, dataIndex: 'title' },
          { title: t.grBudget, dataIndex: 'budgetId', render: (v: string) => budgets.find((b) => b.id === v)?.name ?? v.slice(0, 8) },
          { title: t.grAmount, dataIndex: 'amountFen', align: 'right', render: yuan },
          { title: t.grAwarded, dataIndex: 'awardedFen', align: 'right', render: yuan },
          { title: t.grCriteria, render: (_: unknown, c) => c.criteria.map((k) => `${k.name} ${k.weight}%`).join('、') },
          { title: t.grCallStatus, dataIndex: 'status', render: (v: string) => <Tag color={CALL_COLOURS[v]}>{label(v, 'grantCall')}</Tag> },
          { title: t.grCreatedAt, dataIndex: 'createdAt', render: chinaDateTime },
        ]}
      />
      <ActionModal<NewCall>
        title={t.grNewCall}
        open={creating}
        onClose={() => setCreating(false)}
        onDone={() => setCreating(false)}
        testId="grant-call-modal"
        send={async (values) => {
          const body: Schemas['aid.CreateGrantCallRequest'] = {
            title: values.title,
            budgetId: values.budgetId,
            amountFen: toFen(values.amountYuan)!,
            criteria: values.criteria,
            panel: values.panel,
            ...(values.minScore !== undefined && values.minScore !== null ? { minScore: values.minScore } : {}),
          };
          const result = await api.POST('/api/v1/aid/grant-calls', { body });
          if (result.data) navigate(`/aid/grants/${result.data.id}`);
          return result.error ? { ...result, error: onYuanFields(problemOf(result.error, result.response.status)) } : result;
        }}
      >
        {() => (
          <>
            <Form.Item name="title" label={t.grCallTitle} rules={[{ required: true }]}>
              <Input id="grant-title" maxLength={200} />
            </Form.Item>
            <Form.Item name="budgetId" label={t.grBudget} rules={[{ required: true }]}>
              <BudgetSelect id="grant-budgetId" />
            </Form.Item>
            <Form.Item name="amountYuan" label={t.grAmount} rules={[{ required: true }]}>
              <InputNumber id="grant-amount" min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
            <Typography.Text strong>{t.grCriteria}</Typography.Text>
            <Form.List name="criteria" initialValue={DEFAULT_CRITERIA}>
              {(fields, { add, remove }, { errors }) => (
                <div style={{ marginTop: 8 }}>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap size={4}>
                      <Form.Item name={[field.name, 'key']} rules={[{ required: true }]}>
                        <Input id={`grant-criterion-${field.name}-key`} placeholder={t.grCriterionKey} style={{ width: 100 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'name']} rules={[{ required: true }]}>
                        <Input id={`grant-criterion-${field.name}-name`} placeholder={t.grCriterionName} style={{ width: 160 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'weight']} rules={[{ required: true }]}>
                        <InputNumber id={`grant-criterion-${field.name}-weight`} placeholder={t.grWeight} min={1} max={100} addonAfter="%" style={{ width: 110 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'maxScore']} rules={[{ required: true }]}>
                        <InputNumber id={`grant-criterion-${field.name}-max`} placeholder={t.grMaxScore} min={1} max={1000} style={{ width: 80 }} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="remove" />
                    </Space>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) => {
                      const total = ((getFieldValue('criteria') ?? []) as { weight?: number }[]).reduce((sum, c) => sum + (c?.weight ?? 0), 0);
                      return (
                        <div style={{ margin: '4px 0 8px' }} data-testid="grant-weight-total">
                          {t.grWeightTotal}: <Tag color={total === 100 ? 'green' : 'red'}>{total}%</Tag>
                        </div>
                      );
                    }}
                  </Form.Item>
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block style={{ marginBottom: 16 }}>
                    {t.grAddCriterion}
                  </Button>
                </div>
              )}
            </Form.List>
            <Form.Item name="panel" label={t.grPanel} extra={t.grPanelHint} rules={[{ required: true }]} initialValue={[user.username]}>
              <Select id="grant-panel" mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
            </Form.Item>
            <Form.Item name="minScore" label={t.grMinScore} initialValue={60}>
              <InputNumber id="grant-minScore" min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </ActionModal>
    </Card>
  );
}
