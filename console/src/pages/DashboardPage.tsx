import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { allPages, api, type Schemas, type UnitStatistics } from '../api/client';
import { EChart } from '../components/EChart';
import { useUnitName } from '../components/UnitSelect';
import { useI18n } from '../i18n';
import { canUse, useSession } from '../session';
import { yuan } from './aid/aid-kit';

type Budget = Schemas['aid.BudgetView'];
type Session = Schemas['training.SessionView'];
type MediationFigures = Schemas['mediation.FiguresView'];

const RED = '#c8102e';
const AMBER = '#f5a623';

/** This year in China (the figures are the calendar year of the officer's federation). */
function chinaYear(): number {
  return new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
}

/**
 * Home: the officer's subtree at a glance, one block per programme the role opens, each from that
 * programme's own API (membership statistics, aid budgets, training sessions, mediation figures).
 */
export function DashboardPage() {
  const { t, label, language } = useI18n();
  const { user, unit, rootUnitId } = useSession();
  const unitName = useUnitName();
  const year = chinaYear();
  const [stats, setStats] = useState<UnitStatistics | null>(null);
  const [budgets, setBudgets] = useState<Budget[] | null>(null);
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [cases, setCases] = useState<MediationFigures | null>(null);

  useEffect(() => {
    if (!canUse(user, 'membership') || !rootUnitId) return;
    void api.GET('/api/v1/membership/org-units/{id}/statistics', { params: { path: { id: rootUnitId } } }).then(({ data }) => setStats(data ?? null));
  }, [user, rootUnitId]);
  useEffect(() => {
    if (canUse(user, 'aid')) void allPages(async (cursor) => (await api.GET('/api/v1/aid/budgets', { params: { query: { year, limit: 100, cursor } } })).data).then(setBudgets);
    if (canUse(user, 'training'))
      void allPages(async (cursor) => (await api.GET('/api/v1/training/sessions', { params: { query: { from: `${year}-01-01T00:00:00+08:00`, limit: 500, cursor } } })).data).then((list) =>
        setSessions(list.filter((s) => s.status === 'scheduled' && s.startsAt.startsWith(String(year)))),
      );
    if (canUse(user, 'mediation'))
      void api.GET('/api/v1/mediation/figures', { params: { query: { from: `${year}-01-01`, to: `${year}-12-31` } } }).then(({ data }) => setCases(data ?? null));
  }, [user, year]);

  const bars = useMemo(
    () =>
      stats && {
        tooltip: { trigger: 'axis' },
        legend: { data: [t.activeMembers, t.gigWorkers], top: 0 },
        grid: { left: 16, right: 16, bottom: 8, top: 36, containLabel: true },
        xAxis: { type: 'category', data: stats.children.map((c) => c.name), axisLabel: { rotate: 30, interval: 0 } },
        yAxis: { type: 'value' },
        series: [
          { name: t.activeMembers, type: 'bar', data: stats.children.map((c) => c.activeMembers), itemStyle: { color: RED } },
          { name: t.gigWorkers, type: 'bar', data: stats.children.map((c) => c.gigWorkers), itemStyle: { color: AMBER } },
        ],
      },
    [stats, t],
  );
  const pie = useMemo(
    () =>
      stats && {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['40%', '70%'],
            data: [
              { name: t.gigWorkers, value: stats.gigWorkers, itemStyle: { color: AMBER } },
              { name: t.regularWorkers, value: stats.activeMembers - stats.gigWorkers, itemStyle: { color: RED } },
            ],
          },
        ],
      },
    [stats, t],
  );

  // Aid: the budget is what reached the subtree (its top budgets: a child budget is part of its parent's);
  // paid is every budget's spending, which each budget records once.
  const aid = useMemo(() => {
    if (!budgets || budgets.length === 0) return null;
    const ids = new Set(budgets.map((b) => b.id));
    const tops = budgets.filter((b) => !b.parentId || !ids.has(b.parentId));
    const byUnit = new Map<string, { budget: number; paid: number; reserved: number }>();
    for (const b of budgets) {
      const row = byUnit.get(b.orgUnitId) ?? { budget: 0, paid: 0, reserved: 0 };
      row.budget += b.allocatedFen - b.allocatedToChildrenFen;
      row.paid += b.spentFen;
      row.reserved += b.reservedFen;
      byUnit.set(b.orgUnitId, row);
    }
    const units = [...byUnit.entries()];
    return {
      budgetFen: tops.reduce((sum, b) => sum + b.allocatedFen, 0),
      paidFen: budgets.reduce((sum, b) => sum + b.spentFen, 0),
      option: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 16, right: 16, bottom: 8, top: 36, containLabel: true },
        xAxis: { type: 'category', data: units.map(([id]) => unitName(id)), axisLabel: { interval: 0, rotate: units.length > 4 ? 30 : 0 } },
        yAxis: { type: 'value', name: '¥' },
        series: [
          { name: t.aidSpent, type: 'bar', stack: 'used', data: units.map(([, r]) => r.paid / 100), itemStyle: { color: RED } },
          { name: t.aidReserved, type: 'bar', stack: 'used', data: units.map(([, r]) => r.reserved / 100), itemStyle: { color: AMBER } },
          { name: t.aidAllocated, type: 'bar', data: units.map(([, r]) => r.budget / 100), itemStyle: { color: '#8c8c8c' } },
        ],
      },
    };
  }, [budgets, t, unitName]);

  const training = useMemo(() => {
    if (!sessions || sessions.length === 0) return null;
    const months = Array.from({ length: 12 }, () => 0);
    for (const s of sessions) months[Number(s.startsAt.slice(5, 7)) - 1] += s.booked;
    return {
      personTimes: months.reduce((a, b) => a + b, 0),
      option: {
        tooltip: { trigger: 'axis' },
        grid: { left: 16, right: 16, bottom: 8, top: 16, containLabel: true },
        xAxis: { type: 'category', data: months.map((_, i) => language === 'en' ? String(i + 1) : `${i + 1}月`) },
        yAxis: { type: 'value' },
        series: [{ name: t.aidDashboardTraining, type: 'bar', data: months, itemStyle: { color: '#1677ff' } }],
      },
    };
  }, [sessions, t, language]);

  const outcomes = useMemo(
    () =>
      cases &&
      cases.cases > 0 && {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['40%', '70%'], data: cases.byOutcome.map((o) => ({ name: label(o.key, 'outcome'), value: o.cases })) }],
      },
    [cases, label],
  );

  const stat = (title: string, value: number | string, testId: string) => (
    <Col xs={12} sm={8} xl={4} key={testId}>
      <Card size="small">
        <Statistic title={title} value={value} data-testid={testId} />
      </Card>
    </Col>
  );

  return (
    <div data-testid="dashboard">
      <Typography.Title level={4}>
        {unit?.name} · {t.home}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {stats &&
          (
            [
              ['activeMembers', stats.activeMembers],
              ['gigWorkers', stats.gigWorkers],
              ['newThisMonth', stats.newThisMonth],
              ['newThisYear', stats.newThisYear],
              ['leftThisYear', stats.leftThisYear],
              ['dualRegistrations', stats.dualRegistrations],
            ] as const
          ).map(([key, value]) => stat(t[key], value, `stat-${key}`))}
        {budgets && stat(t.aidDashboardAid, yuan(aid?.budgetFen ?? 0), 'stat-aidBudget')}
        {budgets && stat(t.aidDashboardPaid, yuan(aid?.paidFen ?? 0), 'stat-aidPaid')}
        {sessions && stat(t.aidDashboardTraining, training?.personTimes ?? 0, 'stat-trainingPersonTimes')}
        {cases && stat(t.aidDashboardCases, cases.cases, 'stat-cases')}
        {cases && stat(t.aidDashboardSettlementRate, cases.settlementRate === null ? '—' : `${(cases.settlementRate * 100).toFixed(1)}%`, 'stat-settlementRate')}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {stats && (
          <>
            <Col xs={24} lg={16}>
              <Card title={t.chartMembers} size="small">
                {stats.children.length > 0 ? <EChart option={bars!} testId="chart-members" /> : <Empty description={t.noSubUnits} />}
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card title={t.chartShare} size="small">
                <EChart option={pie!} testId="chart-share" />
              </Card>
            </Col>
          </>
        )}
        {budgets && (
          <Col xs={24} lg={12}>
            <Card title={t.aidDashboardAidChart} size="small" extra={<Link to="/aid/budgets">{t.aidSeeAll}</Link>}>
              {aid ? <EChart option={aid.option} testId="chart-aid" /> : <Empty description={t.aidDashboardNoBudget} />}
            </Card>
          </Col>
        )}
        {sessions && (
          <Col xs={24} lg={12}>
            <Card title={t.aidDashboardTrainingChart} size="small">
              {training ? <EChart option={training.option} testId="chart-training" /> : <Empty description={t.aidDashboardNoTraining} />}
            </Card>
          </Col>
        )}
        {cases && (
          <Col xs={24} lg={12}>
            <Card title={t.aidDashboardCasesChart} size="small">
              {outcomes ? <EChart option={outcomes} testId="chart-cases" /> : <Empty description={t.aidDashboardNoCases} />}
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
