import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Card, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { CursorTable } from '../../components/CursorTable';
import { MemberName } from '../../components/MemberName';
import { useUnitName } from '../../components/UnitSelect';
import { chinaDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { STAGES, yuan, type Application, type Stage } from './aid-kit';

export const STAGE_COLOURS: Partial<Record<Stage, string>> = {
  submitted: 'blue',
  'in-public-notice': 'gold',
  decided: 'purple',
  approved: 'cyan',
  disbursed: 'green',
  'followed-up': 'green',
  rejected: 'red',
  cancelled: 'default',
};

/** 帮扶申请 work queue of the officer's subtree, one tab per stage (the stage is in the URL). */
export function ApplicationsPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const [params, setParams] = useSearchParams();
  const stage = (params.get('stage') as Stage | null) ?? undefined;
  const load = useCallback(
    async (cursor?: string) => (await api.GET('/api/v1/aid/applications', { params: { query: { limit: 20, cursor, stage } } })).data,
    [stage],
  );
  return (
    <Card
      title={t.aidApplications}
      size="small"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/aid/applications/new')} data-testid="new-application">
          {t.aidNewApplication}
        </Button>
      }
    >
      <Tabs
        size="small"
        activeKey={stage ?? 'all'}
        onChange={(key) => setParams(key === 'all' ? {} : { stage: key })}
        items={[{ key: 'all', label: t.aidAllStages }, ...STAGES.map((s) => ({ key: s, label: label(s, 'stage') }))]}
        data-testid="stage-tabs"
      />
      <CursorTable<Application>
        load={load}
        empty={t.aidNoApplications}
        testId="applications"
        onRow={(a) => ({ onClick: () => navigate(`/aid/applications/${a.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t.aidSubmittedAt, dataIndex: 'submittedAt', render: chinaDateTime, width: 150 },
          { title: t.orgUnit, dataIndex: 'orgUnitId', render: (v: string) => unitName(v) },
          { title: t.memberId, dataIndex: 'memberId', render: (v: string) => <MemberName id={v} /> },
          { title: t.aidKind, dataIndex: 'kind', render: (v: string, a) => <>{label(v, 'aidKind')}{a.fastTrack && <Tag color="red" style={{ marginLeft: 4 }}>{t.aidFastTrack}</Tag>}</> },
          { title: t.aidRequested, dataIndex: 'requestedAmountFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t.aidApproved, dataIndex: 'approvedAmountFen', align: 'right', render: (v: number | null) => yuan(v) },
          {
            title: t.aidStage,
            dataIndex: 'stage',
            render: (v: Stage, a) => (
              <>
                <Tag color={STAGE_COLOURS[v] ?? 'processing'}>{label(v, 'stage')}</Tag>
                {a.memberLeft && <Tag color="orange">{t.aidMemberLeft}</Tag>}
                {a.fastTrackClock?.overdue && <Tag color="red">{t.aidOverdue}</Tag>}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
