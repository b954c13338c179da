import { useCallback, useState } from 'react';
import { App, Button, Card, Col, Form, Input, Progress, Radio, Row, Segmented, Select, Space, Statistic, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api, type Schemas } from '../../../api/client';
import { ActionModal } from '../../../components/ActionModal';
import { CursorTable } from '../../../components/CursorTable';
import { MemberName } from '../../../components/MemberName';
import { fetchMembers } from '../../../components/memberNames';
import { chinaDateTime } from '../../../format';
import { useI18n } from '../../../i18n';
import { csvFile, saveBlob } from '../../../files';
import { DateInput, todayInChina } from '../aid-kit';

type Line = Schemas['aid.DistributionLineView'];
type Counts = Schemas['aid.DistributionCountsView'];
type LineStatus = Line['status'];
type Handover = Schemas['aid.HandoverRequest'];

const STATUSES: LineStatus[] = ['pending', 'delivered', 'not-delivered'];
const STATUS_COLOURS: Record<LineStatus, string> = { pending: 'blue', delivered: 'green', 'not-delivered': 'orange' };
const REASONS = ['not-found', 'declined', 'moved', 'deceased', 'other'] as const;
const RELATIONS = ['spouse', 'parent', 'child', 'sibling', 'other-relative', 'colleague', 'neighbour', 'other'] as const;

/**
 * The in-kind distribution list (实物发放清单) of a confirmed campaign: progress (delivered of
 * total, in the officer's subtree), a filter by status, the handover dialog (签收: delivered to the
 * member or a named proxy, or not delivered with a reason) and the paper sign sheet (签收表).
 * Handovers go on after the campaign is closed (closing settles the money, not the goods).
 */
export function DistributionList({ campaignId, reloadKey }: { campaignId: string; reloadKey?: unknown }) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<LineStatus | 'all'>('all');
  const [counts, setCounts] = useState<Counts | null>(null);
  const [recording, setRecording] = useState<Line | null>(null);
  const [reload, setReload] = useState(0);

  const load = useCallback(
    async (cursor?: string) => {
      const page = (
        await api.GET('/api/v1/aid/campaigns/{id}/distribution', {
          params: { path: { id: campaignId }, query: { limit: 20, cursor, ...(status === 'all' ? {} : { status }) } },
        })
      ).data;
      if (page) setCounts(page.counts);
      return page;
    },
    [campaignId, status],
  );

  /**
   * The paper sign sheet (签收表), one row per line of the officer's subtree with an empty column to
   * sign. Built here rather than taken from the API's distribution.csv, because aid keeps no names
   * and a sheet of ids cannot be signed: the names come from membership, as the officer may see them.
   */
  const [preparing, setPreparing] = useState(false);
  const download = async () => {
    setPreparing(true);
    try {
      const lines: Line[] = [];
      let cursor: string | undefined;
      do {
        const { data } = await api.GET('/api/v1/aid/campaigns/{id}/distribution', { params: { path: { id: campaignId }, query: { limit: 500, cursor } } });
        if (!data) throw new Error('no distribution list');
        lines.push(...data.items);
        cursor = data.nextCursor ?? undefined;
      } while (cursor);
      const members = await fetchMembers(lines.map((l) => l.memberId));
      const rows = lines.map((l, i) => {
        const member = members.get(l.memberId);
        return [
          i + 1,
          member?.name ?? l.memberId,
          member?.memberNo ?? '',
          l.items.map((item) => `${item.name} ${item.quantity}${item.unit}`).join('、'),
          label(l.status, 'line'),
          l.deliveredOn ?? '',
          '',
        ];
      });
      const header = ['序号', '姓名', '会员编号', '发放物品', '状态', '签收日期', '签收人签字'];
      saveBlob(csvFile([header, ...rows]), `签收表-${campaignId.slice(0, 8)}.csv`);
    } catch {
      void message.error(t.aidSignSheetFailed);
    } finally {
      setPreparing(false);
    }
  };

  const total = counts?.total ?? 0;
  const receiver = (l: Line) =>
    l.receivedBy === 'proxy'
      ? `${label('proxy', 'receivedBy')}：${l.proxyName ?? ''}（${label(l.proxyRelation, 'relation')}）`
      : l.receivedBy
        ? label(l.receivedBy, 'receivedBy')
        : '';
  return (
    <Card
      size="small"
      title={t.aidDistribution}
      data-testid="distribution"
      extra={
        <Button icon={<DownloadOutlined />} disabled={total === 0} loading={preparing} onClick={() => void download()} data-testid="distribution-sign-sheet">
          {t.aidDistributionSignSheet}
        </Button>
      }
    >
      <Row gutter={[16, 8]} align="middle" style={{ marginBottom: 12 }}>
        <Col xs={24} md={10}>
          <div style={{ marginBottom: 4 }}>
            {t.aidDistributionProgress}{' '}
            <span data-testid="distribution-progress">
              {counts?.delivered ?? 0}/{total}
            </span>
          </div>
          <Progress
            percent={total ? Math.round(((counts?.delivered ?? 0) / total) * 100) : 0}
            success={{ percent: total ? Math.round(((counts?.delivered ?? 0) / total) * 100) : 0 }}
          />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title={t.aidDistributionDelivered} value={counts?.delivered ?? 0} data-testid="distribution-delivered" />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title={t.aidDistributionUndelivered} value={counts?.undelivered ?? 0} data-testid="distribution-undelivered" />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title={t.aidDistributionPending} value={counts?.pending ?? 0} data-testid="distribution-pending" />
        </Col>
      </Row>
      <Segmented<LineStatus | 'all'>
        style={{ marginBottom: 12 }}
        value={status}
        onChange={setStatus}
        data-testid="distribution-filter"
        options={[{ value: 'all', label: t.aidAllStages }, ...STATUSES.map((s) => ({ value: s, label: label(s, 'line') }))]}
      />
      <CursorTable<Line>
        load={load}
        // reloaded after a handover, and when the page confirmed the campaign again
        reloadKey={`${reload}-${String(reloadKey)}`}
        empty={status === 'all' ? t.aidDistributionNone : t.aidDistributionNoneOfStatus}
        testId="distribution-lines"
        columns={[
          { title: t.memberId, dataIndex: 'memberId', render: (v: string) => <MemberName id={v} /> },
          {
            title: t.aidDistributionItems,
            dataIndex: 'items',
            render: (v: Line['items']) => v.map((i) => `${i.name}${i.quantity}${i.unit}`).join('、'),
          },
          {
            title: t.aidCampaignStatus,
            dataIndex: 'status',
            render: (v: LineStatus) => <Tag color={STATUS_COLOURS[v]}>{label(v, 'line')}</Tag>,
          },
          { title: t.aidDeliveredOn, dataIndex: 'deliveredOn' },
          { title: t.aidReceivedBy, render: (_: unknown, l) => receiver(l) },
          {
            title: t.reason,
            render: (_: unknown, l) => [l.reason ? label(l.reason, 'undelivered') : '', l.note ?? ''].filter(Boolean).join('：'),
          },
          { title: t.aidRecordedBy, render: (_: unknown, l) => (l.recordedBy ? `${l.recordedBy} · ${chinaDateTime(l.recordedAt)}` : '') },
          {
            title: '',
            render: (_: unknown, l) =>
              l.status !== 'delivered' && (
                <Button size="small" onClick={() => setRecording(l)} data-testid={`handover-${l.memberId}`}>
                  {t.aidHandover}
                </Button>
              ),
          },
        ]}
      />
      <ActionModal<Handover>
        title={t.aidHandover}
        open={recording !== null}
        onClose={() => setRecording(null)}
        onDone={() => {
          setRecording(null);
          void message.success(t.saved);
          setReload((n) => n + 1);
        }}
        testId="handover-modal"
        send={(values) =>
          api.POST('/api/v1/aid/campaigns/{id}/distribution/{lineId}/handover', {
            params: { path: { id: campaignId, lineId: recording!.id } },
            body: values,
          })
        }
      >
        {() => (
          <>
            {recording && (
              <div style={{ marginBottom: 12 }}>
                <MemberName id={recording.memberId} /> · {recording.items.map((i) => `${i.name}${i.quantity}${i.unit}`).join('、')}
              </div>
            )}
            <Form.Item name="outcome" label={t.aidHandoverOutcome} initialValue="delivered" rules={[{ required: true }]}>
              <Radio.Group
                id="handover-outcome"
                options={(['delivered', 'not-delivered'] as const).map((v) => ({ value: v, label: label(v, 'handover') }))}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a: Handover, b: Handover) => a.outcome !== b.outcome || a.receivedBy !== b.receivedBy}>
              {({ getFieldValue }) =>
                getFieldValue('outcome') === 'not-delivered' ? (
                  <Form.Item name="reason" label={t.aidNotDeliveredReason} rules={[{ required: true }]}>
                    <Select id="handover-reason" options={REASONS.map((v) => ({ value: v, label: label(v, 'undelivered') }))} />
                  </Form.Item>
                ) : (
                  <>
                    <Space wrap>
                      <Form.Item name="deliveredOn" label={t.aidDeliveredOn} initialValue={todayInChina()} rules={[{ required: true }]}>
                        <DateInput id="handover-deliveredOn" />
                      </Form.Item>
                      <Form.Item name="receivedBy" label={t.aidReceivedBy} initialValue="member" rules={[{ required: true }]}>
                        <Radio.Group
                          id="handover-receivedBy"
                          options={(['member', 'proxy'] as const).map((v) => ({ value: v, label: label(v, 'receivedBy') }))}
                        />
                      </Form.Item>
                    </Space>
                    {getFieldValue('receivedBy') === 'proxy' && (
                      <Space wrap>
                        <Form.Item name="proxyName" label={t.aidProxyName} rules={[{ required: true, whitespace: true, max: 50 }]}>
                          <Input id="handover-proxyName" maxLength={50} />
                        </Form.Item>
                        <Form.Item name="proxyRelation" label={t.aidProxyRelation} rules={[{ required: true }]}>
                          <Select
                            id="handover-proxyRelation"
                            style={{ minWidth: 160 }}
                            options={RELATIONS.map((v) => ({ value: v, label: label(v, 'relation') }))}
                          />
                        </Form.Item>
                      </Space>
                    )}
                  </>
                )
              }
            </Form.Item>
            <Form.Item name="note" label={t.aidHandoverNote} rules={[{ max: 500 }]}>
              <Input.TextArea id="handover-note" rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
      </ActionModal>
    </Card>
  );
}
