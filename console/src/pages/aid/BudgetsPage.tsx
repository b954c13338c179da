import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Card, Col, Descriptions, Empty, InputNumber, Result, Row, Space, Spin, Statistic } from 'antd';
import { allPages, api, type Schemas } from '../../api/client';
import { CursorTable } from '../../components/CursorTable';
import { EChart } from '../../components/EChart';
import { useUnitName } from '../../components/UnitSelect';
import { chinaDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { yuan, type Budget } from './aid-kit';

type LedgerEntry = Schemas['aid.LedgerEntryView'];
const COLOURS = { spent: '#c8102e', reserved: '#f5a623', toChildren: '#8c8c8c', available: '#52c41a' };

/** The four figures of a budget as one stacked bar each (yuan): spent, reserved, passed down, available. */
function useBudgetChart(budgets: Budget[]) {
  const { t } = useI18n();
  const unitName = useUnitName();
  return useMemo(() => {
    const series = (name: string, colour: string, pick: (b: Budget) => number) => ({ name, type: 'bar', stack: 'budget', data: budgets.map((b) => pick(b) / 100), itemStyle: { color: colour } });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 16, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: budgets.map((b) => `${b.name}\n${unitName(b.orgUnitId)}`), axisLabel: { width: 200, overflow: 'truncate' } },
      series: [
        series(t.aidSpent, COLOURS.spent, (b) => b.spentFen),
        series(t.aidReserved, COLOURS.reserved, (b) => b.reservedFen),
        series(t.aidToChildren, COLOURS.toChildren, (b) => b.allocatedToChildrenFen),
        series(t.aidAvailable, COLOURS.available, (b) => b.availableFen),
      ],
    };
  }, [budgets, t, unitName]);
}

/** 帮扶资金 of a year: every budget of the officer's subtree as a chart, and the list; a row opens its ledger. */
export function BudgetsPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const [budgets, setBudgets] = useState<Budget[] | null>(null);
  useEffect(() => {
    void allPages(async (cursor) => (await api.GET('/api/v1/aid/budgets', { params: { query: { year, limit: 100, cursor } } })).data).then(setBudgets);
  }, [year]);
  const option = useBudgetChart(budgets ?? []);
  const load = useCallback(async () => ({ items: budgets ?? [], nextCursor: null }), [budgets]);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={t.aidBudgetChart}
        extra={
          <Space>
            {t.aidYear}
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setParams({ year: String(v) })} style={{ width: 100 }} />
          </Space>
        }
      >
        {budgets === null ? <Spin /> : budgets.length === 0 ? <Empty description={t.aidNoBudgets} /> : <EChart option={option} height={Math.max(220, budgets.length * 56 + 60)} testId="chart-budgets" />}
      </Card>
      <Card size="small" title={t.aidBudgets}>
        <CursorTable<Budget>
          load={load}
          reloadKey={budgets}
          empty={t.aidNoBudgets}
          testId="budgets"
          onRow={(b) => ({ onClick: () => navigate(`/aid/budgets/${b.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t.aidBudgetName, dataIndex: 'name' },
            { title: t.orgUnit, dataIndex: 'orgUnitId', render: (v: string) => unitName(v) },
            { title: t.aidSource, dataIndex: 'source', render: (v: string) => label(v, 'source') },
            { title: t.aidAllocated, dataIndex: 'allocatedFen', align: 'right', render: yuan },
            { title: t.aidToChildren, dataIndex: 'allocatedToChildrenFen', align: 'right', render: yuan },
            { title: t.aidReserved, dataIndex: 'reservedFen', align: 'right', render: yuan },
            { title: t.aidSpent, dataIndex: 'spentFen', align: 'right', render: yuan },
            { title: t.aidAvailable, dataIndex: 'availableFen', align: 'right', render: yuan },
          ]}
        />
      </Card>
    </Space>
  );
}

/** One budget: its figures as a chart, and its ledger (oldest first, paged). */
export function BudgetPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const unitName = useUnitName();
  const [budget, setBudget] = useState<Budget | null>(null);
  const [status, setStatus] = useState<number | null>(null);
  useEffect(() => {
    void api.GET('/api/v1/aid/budgets/{id}', { params: { path: { id } } }).then(({ data, response }) => {
      setStatus(response.status);
      setBudget(data ?? null);
    });
  }, [id]);
  const pie = useMemo(
    () =>
      budget && {
        tooltip: { trigger: 'item', formatter: '{b}: ¥{c} ({d}%)' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            data: [
              { name: t.aidSpent, value: budget.spentFen / 100, itemStyle: { color: COLOURS.spent } },
              { name: t.aidReserved, value: budget.reservedFen / 100, itemStyle: { color: COLOURS.reserved } },
              { name: t.aidToChildren, value: budget.allocatedToChildrenFen / 100, itemStyle: { color: COLOURS.toChildren } },
              { name: t.aidAvailable, value: budget.availableFen / 100, itemStyle: { color: COLOURS.available } },
            ],
          },
        ],
      },
    [budget, t],
  );
  const loadLedger = useCallback(async (cursor?: string) => (await api.GET('/api/v1/aid/budgets/{id}/ledger', { params: { path: { id }, query: { limit: 20, cursor } } })).data, [id]);

  if (status === null) return <Spin />;
  if (!budget) return <Result status="404" title="404" subTitle={t.notFound} data-testid="not-found" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={<span data-testid="budget-title">{budget.name}</span>}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t.orgUnit}>{unitName(budget.orgUnitId)}</Descriptions.Item>
              <Descriptions.Item label={t.aidYear}>{budget.year}</Descriptions.Item>
              <Descriptions.Item label={t.aidSource}>{label(budget.source, 'source')}</Descriptions.Item>
              <Descriptions.Item label={t.aidCreatedAt}>{chinaDateTime(budget.createdAt)}</Descriptions.Item>
            </Descriptions>
            <Row gutter={[8, 8]}>
              {(
                [
                  ['aidAllocated', budget.allocatedFen],
                  ['aidToChildren', budget.allocatedToChildrenFen],
                  ['aidReserved', budget.reservedFen],
                  ['aidSpent', budget.spentFen],
                  ['aidAvailable', budget.availableFen],
                ] as const
              ).map(([key, value]) => (
                <Col xs={12} sm={8} key={key}>
                  <Statistic title={t[key]} value={yuan(value)} data-testid={`budget-${key}`} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small">{pie && <EChart option={pie} height={260} testId="chart-budget" />}</Card>
        </Col>
      </Row>
      <Card size="small" title={t.aidLedger}>
        <CursorTable<LedgerEntry>
          load={loadLedger}
          empty={t.aidNoLedger}
          testId="ledger"
          columns={[
            { title: t.aidRecordedAt, dataIndex: 'recordedAt', render: chinaDateTime, width: 150 },
            { title: t.aidLedgerKind, dataIndex: 'kind', render: (v: string) => label(v, 'ledger') },
            { title: t.aidAmount, dataIndex: 'amountFen', align: 'right', render: yuan },
            {
              title: t.aidReference,
              render: (_: unknown, e) =>
                e.applicationId ? <Link to={`/aid/applications/${e.applicationId}`}>{t.aidApplication}</Link> : e.counterpartBudgetId ? <Link to={`/aid/budgets/${e.counterpartBudgetId}`}>{t.aidBudget}</Link> : e.hazardRewardId ? label('hazard-reward', 'source') : '',
            },
            { title: t.aidNote, dataIndex: 'note' },
            { title: t.aidActor, dataIndex: 'actor' },
          ]}
        />
      </Card>
    </Space>
  );
}
