import { useEffect, useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { api, type UnitStatistics } from '../api/client';
import { EChart } from '../components/EChart';
import { useI18n } from '../i18n';
import { canUse, useSession } from '../session';

/** Home: the officer's subtree at a glance (members and gig workers today; each programme's figures as its API offers them). */
export function DashboardPage() {
  const { t } = useI18n();
  const { user, unit, rootUnitId } = useSession();
  const [stats, setStats] = useState<UnitStatistics | null>(null);
  const [counts, setCounts] = useState<{ files?: number; sessions?: number; cases?: number }>({});

  useEffect(() => {
    if (!canUse(user, 'membership') || !rootUnitId) return;
    void api.GET('/api/v1/membership/org-units/{id}/statistics', { params: { path: { id: rootUnitId } } }).then(({ data }) => setStats(data ?? null));
  }, [user, rootUnitId]);
  useEffect(() => {
    // First pages only: "at least this many"; the programme pages list them all.
    const load = async () => {
      const next: typeof counts = {};
      if (canUse(user, 'aid')) next.files = (await api.GET('/api/v1/aid/hardship-files', { params: { query: { limit: 500 } } })).data?.items.length;
      if (canUse(user, 'training')) next.sessions = (await api.GET('/api/v1/training/sessions', { params: { query: { limit: 500 } } })).data?.items.length;
      if (canUse(user, 'mediation')) next.cases = (await api.GET('/api/v1/mediation/cases', { params: { query: { limit: 500 } } })).data?.items.length;
      setCounts(next);
    };
    void load();
  }, [user]);

  const bars = useMemo(
    () =>
      stats && {
        tooltip: { trigger: 'axis' },
        legend: { data: [t.activeMembers, t.gigWorkers], top: 0 },
        grid: { left: 16, right: 16, bottom: 8, top: 36, containLabel: true },
        xAxis: { type: 'category', data: stats.children.map((c) => c.name), axisLabel: { rotate: 30, interval: 0 } },
        yAxis: { type: 'value' },
        series: [
          { name: t.activeMembers, type: 'bar', data: stats.children.map((c) => c.activeMembers), itemStyle: { color: '#c8102e' } },
          { name: t.gigWorkers, type: 'bar', data: stats.children.map((c) => c.gigWorkers), itemStyle: { color: '#f5a623' } },
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
              { name: t.gigWorkers, value: stats.gigWorkers, itemStyle: { color: '#f5a623' } },
              { name: t.regularWorkers, value: stats.activeMembers - stats.gigWorkers, itemStyle: { color: '#c8102e' } },
            ],
          },
        ],
      },
    [stats, t],
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
          ).map(([key, value]) => (
            <Col xs={12} sm={8} xl={4} key={key}>
              <Card size="small">
                <Statistic title={t[key]} value={value} data-testid={`stat-${key}`} />
              </Card>
            </Col>
          ))}
        {counts.files !== undefined && (
          <Col xs={12} sm={8} xl={4}>
            <Card size="small">
              <Statistic title={t.hardshipFiles} value={counts.files} />
            </Card>
          </Col>
        )}
        {counts.sessions !== undefined && (
          <Col xs={12} sm={8} xl={4}>
            <Card size="small">
              <Statistic title={t.sessions} value={counts.sessions} />
            </Card>
          </Col>
        )}
        {counts.cases !== undefined && (
          <Col xs={12} sm={8} xl={4}>
            <Card size="small">
              <Statistic title={t.cases} value={counts.cases} />
            </Card>
          </Col>
        )}
      </Row>
      {stats && (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
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
        </Row>
      )}
    </div>
  );
}
