import { useCallback } from 'react';
import { Card, Tag, Typography } from 'antd';
import { api, type Schemas } from '../../api/client';
import { CursorTable } from '../../components/CursorTable';
import { chinaDateTime } from '../../format';
import { useI18n } from '../../i18n';

type Case = Schemas['mediation.CaseView'];

/** 调解案件 of the officer's subtree (the mediation API as it is today: cases and their agreement). */
export function CasesPage() {
  const { t, label } = useI18n();
  const load = useCallback(async (cursor?: string) => (await api.GET('/api/v1/mediation/cases', { params: { query: { limit: 20, cursor } } })).data, []);
  return (
    <Card title={t.cases} size="small">
      <CursorTable<Case>
        load={load}
        empty={t.noCases}
        testId="cases"
        columns={[
          { title: t.summary, dataIndex: 'summary', ellipsis: true },
          { title: t.employerName, dataIndex: 'employerName' },
          { title: t.source, dataIndex: 'source', render: (v: string) => label(v) },
          { title: t.status, dataIndex: 'status', render: (v: string) => <Tag color={v === 'open' ? 'orange' : 'green'}>{label(v, 'case')}</Tag> },
          { title: t.openedAt, dataIndex: 'openedAt', render: chinaDateTime },
        ]}
        expandable={{
          rowExpandable: (c) => Boolean(c.agreement),
          expandedRowRender: (c) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{JSON.stringify(c.agreement, null, 2)}</Typography.Paragraph>,
        }}
      />
    </Card>
  );
}
