import { useCallback, useEffect, useState } from 'react';
import { Button, Empty, Space, Table, type TableColumnsType, type TableProps } from 'antd';
import { useI18n } from '../i18n';

export type PageLoader<T> = (cursor?: string) => Promise<{ items: T[]; nextCursor?: string | null } | undefined>;

/**
 * A cursor-paged list ({ items, nextCursor }, the API's shape for every list): a programme page is a
 * loader, its columns and an empty state that says what to do. `reloadKey` reloads from the start.
 */
export function CursorTable<T extends { id: string }>(props: {
  load: PageLoader<T>;
  columns: TableColumnsType<T>;
  empty: string;
  reloadKey?: unknown;
  testId?: string;
  expandable?: TableProps<T>['expandable'];
  onRow?: TableProps<T>['onRow'];
}) {
  const { t } = useI18n();
  const { load } = props;
  const [rows, setRows] = useState<T[]>([]);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const fetchPage = useCallback(
    async (cursor?: string) => {
      setLoading(true);
      const page = await load(cursor);
      setRows(page?.items ?? []);
      setNext(page?.nextCursor ?? null);
      setLoading(false);
    },
    [load],
  );
  useEffect(() => {
    setCursors([undefined]);
    void fetchPage();
  }, [fetchPage, props.reloadKey]);
  return (
    <>
      <Table<T>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        columns={props.columns}
        pagination={false}
        scroll={{ x: 700 }}
        expandable={props.expandable}
        onRow={props.onRow}
        data-testid={props.testId}
        locale={{ emptyText: <Empty description={props.empty} /> }}
      />
      {(cursors.length > 1 || next) && (
        <Space style={{ marginTop: 12 }}>
          <Button
            disabled={cursors.length <= 1}
            onClick={() => {
              const previous = cursors.slice(0, -1);
              setCursors(previous);
              void fetchPage(previous[previous.length - 1]);
            }}
          >
            {t.previous}
          </Button>
          <Button
            disabled={!next}
            onClick={() => {
              setCursors([...cursors, next!]);
              void fetchPage(next!);
            }}
          >
            {t.next}
          </Button>
        </Space>
      )}
    </>
  );
}
