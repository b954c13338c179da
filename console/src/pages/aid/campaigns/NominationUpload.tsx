import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Statistic, Table, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api, problemOf, type Schemas } from '../../../api/client';
import { downloadRejectedRows, JobProgress, usePolledJob } from '../../../components/RosterJob';
import { useI18n } from '../../../i18n';
import { showProblemOnForm } from '../../../problems';

type NominationJob = Schemas['aid.NominationJobView'];

interface NominationForm {
  nominatedBy: string;
  file: UploadFile[];
}

/**
 * Channel 推荐名单 of a campaign: upload a district's or enterprise's roster (CSV or XLSX) as a
 * multipart file, watch the job's progress live, see the rejected rows and download them as CSV.
 * `onFinished` is told when the job ends (the campaign's list changed: its cross-check is stale).
 */
export function NominationUpload({ campaignId, onFinished }: { campaignId: string; onFinished: () => void }) {
  const { t, label } = useI18n();
  const [form] = Form.useForm<NominationForm>();
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const job = usePolledJob<NominationJob>(
    jobId,
    async (id) => (await api.GET('/api/v1/aid/campaigns/{id}/nominations/{jobId}', { params: { path: { id: campaignId, jobId: id } } })).data,
    (j) => {
      const done = j.status !== 'running';
      if (done) onFinished();
      return done;
    },
  );

  const submit = async ({ nominatedBy, file }: NominationForm) => {
    const picked = file?.[0]?.originFileObj;
    if (!picked) return;
    setBusy(true);
    setError(null);
    const body = new FormData();
    body.append('nominatedBy', nominatedBy);
    body.append('file', picked);
    const { data, error: problem, response } = await api.POST('/api/v1/aid/campaigns/{id}/nominations', {
      params: { path: { id: campaignId } },
      body: body as never,
      bodySerializer: (b: unknown) => b as FormData,
    });
    setBusy(false);
    if (!data) return setError(showProblemOnForm(form, problemOf(problem, response.status)));
    setJobId(data.id);
  };

  return (
    <Card size="small" title={t.aidNominations} data-testid="nomination-upload">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Alert type="info" message={t.aidNominationHint} style={{ marginBottom: 12 }} />
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="nomination-error" />}
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item name="nominatedBy" label={t.aidNominatedBy} rules={[{ required: true, whitespace: true, max: 200 }]}>
              <Input id="nomination-nominatedBy" placeholder="渝北区总工会" />
            </Form.Item>
            <Form.Item name="file" label={t.aidNominationFile} valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)} rules={[{ required: true }]}>
              <Upload accept=".csv,.xlsx" maxCount={1} beforeUpload={() => false}>
                <Button icon={<UploadOutlined />} data-testid="nomination-file">
                  {t.chooseFile}
                </Button>
              </Upload>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="nomination-submit">
              {t.aidNominationUpload}
            </Button>
          </Form>
        </Col>
        <Col xs={24} lg={14}>
          {job ? (
            <div data-testid="nomination-job">
              <div style={{ marginBottom: 4 }}>
                {job.nominatedBy} · {job.fileName} · <span data-testid="nomination-status">{label(job.status)}</span>
              </div>
              <JobProgress job={job} testId="nomination-progress" />
              <div style={{ color: '#666', marginBottom: 12 }} data-testid="nomination-rows">
                {job.rowsDone} / {job.totalRows}
              </div>
              {job.status === 'failed' && <Alert type="error" message={t.aidNominationFailed} style={{ marginBottom: 12 }} />}
              <Row gutter={16}>
                <Col span={12}>
                  <Statistic title={t.aidNominationAccepted} value={job.accepted} data-testid="nomination-accepted" />
                </Col>
                <Col span={12}>
                  <Statistic title={t.rejected} value={job.rejected} data-testid="nomination-rejected" />
                </Col>
              </Row>
              {job.rejections.length > 0 && (
                <>
                  <Table
                    size="small"
                    style={{ marginTop: 12 }}
                    rowKey={(r) => `${r.line}-${r.field}`}
                    dataSource={job.rejections}
                    pagination={{ pageSize: 5, hideOnSinglePage: true }}
                    data-testid="nomination-rejections"
                    columns={[
                      { title: t.aidLine, dataIndex: 'line', width: 70 },
                      { title: t.aidField, dataIndex: 'field', width: 120 },
                      { title: t.reason, dataIndex: 'reason' },
                    ]}
                  />
                  <Button onClick={() => downloadRejectedRows(job.fileName, job.rejections)} data-testid="nomination-download-rejected">
                    {t.downloadRejected}
                  </Button>
                </>
              )}
            </div>
          ) : (
            <div style={{ color: '#888' }} data-testid="nomination-empty">
              {t.aidNoNominationJob}
            </div>
          )}
        </Col>
      </Row>
    </Card>
  );
}
