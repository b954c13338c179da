import { useCallback } from 'react';
import { Card, Descriptions, Tag } from 'antd';
import { api, type Schemas } from '../../api/client';
import { CursorTable } from '../../components/CursorTable';
import { useUnitName } from '../../components/UnitSelect';
import { chinaDateTime } from '../../format';
import { useI18n } from '../../i18n';

type HardshipFile = Schemas['aid.HardshipFileView'];

/** 困难职工档案 of the officer's subtree (the aid API as it is today: files and their household visit). */
export function HardshipFilesPage() {
  const { t, label } = useI18n();
  const unitName = useUnitName();
  const load = useCallback(async (cursor?: string) => (await api.GET('/api/v1/aid/hardship-files', { params: { query: { limit: 20, cursor } } })).data, []);
  return (
    <Card title={t.hardshipFiles} size="small">
      <CursorTable<HardshipFile>
        load={load}
        empty={t.noFiles}
        testId="hardship-files"
        columns={[
          { title: t.memberId, dataIndex: 'memberId', render: (v: string) => <a href={`/membership/members/${v}`}>{v.slice(0, 8)}</a> },
          { title: t.orgUnit, dataIndex: 'orgUnitId', render: (v: string) => unitName(v) },
          { title: t.cause, dataIndex: 'cause', render: (v: string) => label(v) },
          { title: t.status, dataIndex: 'status', render: (v: string) => <Tag color={v === 'open' ? 'orange' : 'default'}>{label(v, 'file')}</Tag> },
          { title: t.openedAt, dataIndex: 'openedAt', render: chinaDateTime },
        ]}
        expandable={{
          expandedRowRender: (file) => (
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              {Object.entries(file.visit ?? {}).map(([key, value]) => (
                <Descriptions.Item key={key} label={key}>
                  {typeof value === 'object' ? JSON.stringify(value) : String(value)}
                </Descriptions.Item>
              ))}
            </Descriptions>
          ),
        }}
      />
    </Card>
  );
}
