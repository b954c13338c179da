import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Card, Select, Space, Tag } from 'antd';
import { api, type Schemas } from '../../api/client';
import type { paths } from '../../api/schema';
import { CursorTable } from '../../components/CursorTable';
import { useUnitName } from '../../components/UnitSelect';
import { chinaDateTime, chinaDay } from '../../format';
import { useI18n } from '../../i18n';
import { GRADES } from './aid-kit';
import { MemberName } from '../../components/MemberName';

type HardshipFile = Schemas['aid.HardshipFileView'];
type Query = paths['/api/v1/aid/hardship-files']['get']['parameters']['query'];

/** 困难职工档案 of the officer's subtree, with the aid desk's filters (in the URL); a row opens the file. */
export function HardshipFilesPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const grade = params.get('grade') ?? undefined;
  const filter = params.get('filter') ?? undefined;
  const load = useCallback(
    async (cursor?: string) => {
      const query = {
        limit: 20,
        cursor,
        status,
        grade,
        ...(filter === 'unvisited' ? { unvisitedDays: 365 } : {}),
        ...(filter === 'never-helped' ? { neverHelped: 'true' } : {}),
      } as Query;
      return (await api.GET('/api/v1/aid/hardship-files', { params: { query } })).data;
    },
    [status, grade, filter],
  );
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <Card
      title={t.hardshipFiles}
      size="small"
      extra={
        <Space wrap>
          <Select allowClear placeholder={t.status} style={{ width: 110 }} value={status} onChange={(v) => set('status', v)} options={['open', 'closed'].map((v) => ({ value: v, label: label(v, 'file') }))} />
          <Select allowClear placeholder={t.aidGrade} style={{ width: 120 }} value={grade} onChange={(v) => set('grade', v)} options={GRADES.map((v) => ({ value: v, label: label(v, 'grade') }))} />
          <Select
            allowClear
            placeholder={t.search}
            style={{ width: 150 }}
            value={filter}
            onChange={(v) => set('filter', v)}
            options={[
              { value: 'unvisited', label: t.aidUnvisited },
              { value: 'never-helped', label: t.aidNeverHelped },
            ]}
          />
        </Space>
      }
    >
      <CursorTable<HardshipFile>
        load={load}
        empty={t.noFiles}
        testId="hardship-files"
        onRow={(f) => ({ onClick: () => navigate(`/aid/hardship-files/${f.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t.memberId, dataIndex: 'memberId', render: (v: string) => <MemberName id={v} /> },
          { title: t.orgUnit, dataIndex: 'orgUnitId', render: (v: string) => unitName(v) },
          { title: t.cause, dataIndex: 'cause', render: (v: string) => label(v) },
          { title: t.aidGrade, dataIndex: 'grade', render: (v: string | null) => (v ? <Tag color={v === 'deep' ? 'red' : v === 'relative' ? 'orange' : 'purple'}>{label(v, 'grade')}</Tag> : t.aidUngraded) },
          { title: t.status, dataIndex: 'status', render: (v: string) => <Tag color={v === 'open' ? 'orange' : 'default'}>{label(v, 'file')}</Tag> },
          { title: t.aidLastVisitedOn, dataIndex: 'lastVisitedOn', render: chinaDay },
          { title: t.aidLastHelpedAt, dataIndex: 'lastHelpedAt', render: (v: string | null) => (v ? chinaDay(v) : t.aidNeverHelped) },
          { title: t.openedAt, dataIndex: 'openedAt', render: chinaDateTime },
        ]}
      />
    </Card>
  );
}
