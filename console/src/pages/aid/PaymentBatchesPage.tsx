import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Form, Progress, Result, Row, Space, Spin, Statistic, Steps, Table, Tag, Upload } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { api, problemOf, type Schemas } from '../../api/client';
import { ActionModal } from '../../components/ActionModal';
import { CursorTable } from '../../components/CursorTable';
import { chinaDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { saveBlob } from '../../files';
import { BudgetSelect, useBudgets, yuan } from './aid-kit';
import { MemberName } from '../../components/MemberName';

type Batch = Schemas['aid.PaymentBatchView'];
type Instruction = Schemas['aid.PaymentInstructionView'];

const counts = (b: Batch) => `${b.counts.pending} / ${b.counts.paid} / ${b.counts.failed} / ${b.counts.reissued}`;

/** 发放批次: the list, and a new batch of a budget's approved, unpaid applications. */
export function PaymentBatchesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const budgets = useBudgets();
  const [creating, setCreating] = useState(false);
  const load = useCallback(async (cursor?: string) => (await api.GET('/api/v1/aid/payment-batches', { params: { query: { limit: 20, cursor } } })).data, []);
  const budgetName = (id: string) => budgets.find((b) => b.id === id)?.name ?? id.slice(0, 8);
  return (
    <Card
      title={t.aidBatches}
      size="small"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-batch">
          {t.aidNewBatch}
        </Button>
      }
    >
      <CursorTable<Batch>
        load={load}
        empty={t.aidNoBatches}
        testId="batches"
        onRow={(b) => ({ onClick: () => navigate(`/aid/payment-batches/${b.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t.aidCreatedAt, dataIndex: 'createdAt', render: chinaDateTime, width: 150 },
          { title: t.aidBudgetName, dataIndex: 'budgetId', render: budgetName },
          { title: t.aidCounts, render: (_: unknown, b) => counts(b) },
          { title: t.aidTotal, dataIndex: 'totalFen', align: 'right', render: yuan },
          { title: t.aidPaid, dataIndex: 'paidFen', align: 'right', render: yuan },
          { title: t.aidCreatedBy, dataIndex: 'createdBy' },
        ]}
      />
      <ActionModal<Schemas['aid.CreatePaymentBatchRequest']>
        title={t.aidNewBatch}
        open={creating}
        onClose={() => setCreating(false)}
        onDone={() => setCreating(false)}
        send={async (body) => {
          const result = await api.POST('/api/v1/aid/payment-batches', { body });
          if (result.data) navigate(`/aid/payment-batches/${result.data.id}`);
          return result;
        }}
        testId="batch-modal"
      >
        {() => (
          <>
            <Alert type="info" message={t.aidBatchHint} style={{ marginBottom: 12 }} />
            <Form.Item name="budgetId" label={t.aidBudgetField} rules={[{ required: true }]}>
              <BudgetSelect id="batch-budgetId" />
            </Form.Item>
          </>
        )}
      </ActionModal>
    </Card>
  );
}

type ImportStep = 0 | 1 | 2;

/** One batch: its instructions, the export for the bank, and the import of the bank's result with its progress. */
export function PaymentBatchPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [batch, setBatch] = useState<Batch | null>(null);
  const [status, setStatus] = useState<number | null>(null);
  const [reload, setReload] = useState(0);
  const [importing, setImporting] = useState<{ step: ImportStep; percent: number; fileName: string; failed?: boolean } | null>(null);
  const [importErrors, setImportErrors] = useState<{ field: string; message: string }[] | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [imported, setImported] = useState<Schemas['aid.ImportResultsView'] | null>(null);

  const load = useCallback(async () => {
    const { data, response } = await api.GET('/api/v1/aid/payment-batches/{id}', { params: { path: { id } } });
    setStatus(response.status);
    setBatch(data ?? null);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load, reload]);
  const loadInstructions = useCallback(async (cursor?: string) => (await api.GET('/api/v1/aid/payment-batches/{id}/instructions', { params: { path: { id }, query: { limit: 50, cursor } } })).data, [id]);

  const exportFile = async (format: 'csv' | 'xlsx') => {
    const { data, error, response } =
      format === 'csv'
        ? await api.GET('/api/v1/aid/payment-batches/{id}/export.csv', { params: { path: { id } }, parseAs: 'blob' })
        : await api.GET('/api/v1/aid/payment-batches/{id}/export.xlsx', { params: { path: { id } }, parseAs: 'blob' });
    if (!data) {
      const problem = problemOf(error instanceof Blob ? JSON.parse(await error.text()) : error, response.status);
      void message.error(problem.detail ?? problem.title ?? String(response.status));
      return;
    }
    saveBlob(data as Blob, `发放批次-${id.slice(0, 8)}.${format}`);
  };

  /** Read the bank's file (progress as it is read), then send it: all lines apply, or none. */
  const importResults = (file: File) => {
    setImportErrors(null);
    setImportError(null);
    setImported(null);
    setImporting({ step: 0, percent: 0, fileName: file.name });
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && setImporting({ step: 0, percent: Math.round((e.loaded / e.total) * 50), fileName: file.name });
    reader.onload = async () => {
      setImporting({ step: 1, percent: 60, fileName: file.name });
      const { data, error, response } = await api.POST('/api/v1/aid/payment-batches/{id}/results', { params: { path: { id } }, body: { content: String(reader.result ?? '') } });
      if (!data) {
        const problem = problemOf(error, response.status);
        setImporting({ step: 1, percent: 60, fileName: file.name, failed: true });
        setImportError(problem.detail ?? problem.title ?? String(response.status));
        setImportErrors(problem.errors ?? null);
        return;
      }
      setImporting({ step: 2, percent: 100, fileName: file.name });
      setImported(data);
      setReload((n) => n + 1);
    };
    reader.readAsText(file, 'utf-8');
    return false;
  };

  if (status === null) return <Spin />;
  if (!batch) return <Result status="404" title="404" subTitle={t.notFound} data-testid="not-found" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={<span data-testid="batch-title">{t.aidBatch}</span>}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => void exportFile('csv')} data-testid="export-csv">
              {t.aidExportCsv}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => void exportFile('xlsx')} data-testid="export-xlsx">
              {t.aidExportXlsx}
            </Button>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t.aidCreatedAt}>
            {chinaDateTime(batch.createdAt)} · {batch.createdBy}
          </Descriptions.Item>
        </Descriptions>
        <Row gutter={[8, 8]}>
          <Col xs={12} sm={6}>
            <Statistic title={label('pending', 'instruction')} value={batch.counts.pending} data-testid="batch-pending" />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={label('paid', 'instruction')} value={batch.counts.paid} data-testid="batch-paid" />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t.aidTotal} value={yuan(batch.totalFen)} />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic title={t.aidPaid} value={yuan(batch.paidFen)} />
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t.aidImportResults}>
        <Alert type="info" message={t.aidImportHint} style={{ marginBottom: 12 }} />
        <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={importResults}>
          <Button icon={<UploadOutlined />} data-testid="import-results">
            {t.aidImportResults}
          </Button>
        </Upload>
        {importing && (
          <div style={{ marginTop: 16 }} data-testid="import-progress">
            <Steps
              size="small"
              current={importing.step}
              status={importing.failed ? 'error' : importing.step === 2 ? 'finish' : 'process'}
              items={[{ title: t.aidImportRead }, { title: t.aidImportSend }, { title: t.aidImportDone }]}
            />
            <Progress percent={importing.percent} status={importing.failed ? 'exception' : importing.step === 2 ? 'success' : 'active'} data-testid="import-bar" />
            <div style={{ color: '#666' }}>{importing.fileName}</div>
          </div>
        )}
        {imported && (
          <Alert type="success" showIcon style={{ marginTop: 12 }} data-testid="import-result" message={`${t.aidImported}: ${label('paid', 'instruction')} ${imported.paid} · ${label('failed', 'instruction')} ${imported.failed}`} />
        )}
        {importError && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="import-error"
            message={`${t.aidImportErrors}: ${importError}`}
            description={
              importErrors && (
                <Table size="small" rowKey={(e) => `${e.field}-${e.message}`} pagination={false} dataSource={importErrors} columns={[{ title: t.aidLine, dataIndex: 'field' }, { title: t.reason, dataIndex: 'message' }]} />
              )
            }
          />
        )}
      </Card>
      <Card size="small" title={t.aidInstructions}>
        <CursorTable<Instruction>
          load={loadInstructions}
          reloadKey={reload}
          empty={t.aidNoBatches}
          testId="instructions"
          columns={[
            { title: 'reference', dataIndex: 'id', render: (v: string) => <code>{v.slice(0, 8)}</code> },
            { title: t.memberId, dataIndex: 'memberId', render: (v: string) => <MemberName id={v} /> },
            { title: t.aidAmount, dataIndex: 'amountFen', align: 'right', render: yuan },
            { title: t.aidInstructionStatus, dataIndex: 'status', render: (v: string) => <Tag color={v === 'paid' ? 'green' : v === 'failed' ? 'red' : 'blue'}>{label(v, 'instruction')}</Tag> },
            { title: t.aidBankReference, dataIndex: 'bankReference' },
            { title: t.aidFailureReason, dataIndex: 'failureReason' },
            {
              title: t.actions,
              render: (_: unknown, i) =>
                i.status === 'failed' && (
                  <Button
                    size="small"
                    onClick={async () => {
                      const { error, response } = await api.POST('/api/v1/aid/payment-instructions/{id}/reissue', { params: { path: { id: i.id } }, body: {} });
                      if (response.ok) setReload((n) => n + 1);
                      else void message.error(problemOf(error, response.status).detail ?? String(response.status));
                    }}
                  >
                    {t.aidReissue}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
