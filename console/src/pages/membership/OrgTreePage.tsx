import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Card, Col, Descriptions, Empty, Row, Table, Tree, Typography } from 'antd';
import { api, type UnitStatistics } from '../../api/client';
import { unitTree, type UnitNode } from '../../components/UnitSelect';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

/**
 * The organisation tree with member counts that roll up: a unit's statistics give its subtree's
 * totals and each sub-unit's, so opening a unit labels its children with their own subtree's counts.
 */
export function OrgTreePage() {
  const { t, label } = useI18n();
  const { units, rootUnitId } = useSession();
  const navigate = useNavigate();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [selected, setSelected] = useState<string>(rootUnitId ?? '');
  const [stats, setStats] = useState<UnitStatistics | null>(null);

  const loadStats = useCallback(async (id: string) => {
    const { data } = await api.GET('/api/v1/membership/org-units/{id}/statistics', { params: { path: { id } } });
    if (!data) return null;
    setCounts((c) => ({ ...c, [id]: data.activeMembers, ...Object.fromEntries(data.children.map((ch) => [ch.orgUnitId, ch.activeMembers])) }));
    return data;
  }, []);
  useEffect(() => {
    if (selected) void loadStats(selected).then(setStats);
  }, [selected, loadStats]);

  const tree = useMemo(() => {
    const label = (nodes: UnitNode[]): object[] =>
      nodes.map((n) => ({
        key: n.key,
        title: (
          <span>
            {n.title} {counts[n.key] !== undefined && <Badge count={counts[n.key]} showZero overflowCount={999999} color="#c8102e" />}
          </span>
        ),
        children: label(n.children),
        isLeaf: n.children.length === 0,
      }));
    return label(unitTree(units));
  }, [units, counts]);
  const unit = units.find((u) => u.id === selected);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card title={t.orgTree} size="small">
          <Tree
            treeData={tree as never}
            defaultExpandedKeys={rootUnitId ? [rootUnitId] : []}
            selectedKeys={[selected]}
            onSelect={(keys) => keys[0] && setSelected(String(keys[0]))}
            onExpand={(_keys, { node, expanded }) => {
              if (expanded) void loadStats(String(node.key));
            }}
            data-testid="org-tree"
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        {unit && stats && (
          <Card title={unit.name} size="small" extra={<a onClick={() => navigate(`/membership/members?orgUnitId=${unit.id}`)}>{t.members}</a>}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
              <Descriptions.Item label={t.unit}>{label(unit.kind)}</Descriptions.Item>
              <Descriptions.Item label={t.activeMembers}>{stats.activeMembers}</Descriptions.Item>
              <Descriptions.Item label={t.gigWorkers}>{stats.gigWorkers}</Descriptions.Item>
              <Descriptions.Item label={t.newThisYear}>{stats.newThisYear}</Descriptions.Item>
              <Descriptions.Item label={t.leftThisYear}>{stats.leftThisYear}</Descriptions.Item>
              <Descriptions.Item label={t.dualRegistrations}>{stats.dualRegistrations}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t.subUnits}
            </Typography.Title>
            <Table
              size="small"
              rowKey="orgUnitId"
              dataSource={stats.children}
              pagination={false}
              scroll={{ x: true }}
              locale={{ emptyText: <Empty description={t.noSubUnits} /> }}
              onRow={(row) => ({ onClick: () => setSelected(row.orgUnitId), style: { cursor: 'pointer' } })}
              columns={[
                { title: t.unitName, dataIndex: 'name' },
                { title: t.activeMembers, dataIndex: 'activeMembers' },
                { title: t.gigWorkers, dataIndex: 'gigWorkers' },
                { title: t.newThisMonth, dataIndex: 'newThisMonth' },
              ]}
            />
          </Card>
        )}
      </Col>
    </Row>
  );
}
