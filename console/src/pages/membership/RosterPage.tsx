import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Form, Row, Statistic, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { allPages, api, problemOf, uploadRoster, type Job } from '../../api/client';
import { downloadRejectedRows, JobProgress } from '../../components/RosterJob';
import { UnitSelect } from '../../components/UnitSelect';
import { useI18n } from '../../i18n';
import { showProblemOnForm } from '../../problems';

const JOB_KEY = 'gonghui.rosterJob';

/** 集中入会: upload a roster, watch the job's progress live, then download the rejected rows. */
export function RosterPage() {
  const { t, label } = useI18n();
  const [form] = Form.useForm<{ orgUnitId: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [jobId, setJobId] = useState<string | null>(() => sessionStorage.getItem(JOB_KEY));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  // Poll the job until it is finished (and pick it up again after a reload).
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    const poll = async () => {
      const { data } = await api.GET('/api/v1/membership/jobs/{id}', { params: { path: { id: jobId } } });
      if (stopped) return;
      if (data) setJob(data);
      if (!data || data.status === 'completed' || data.status === 'failed') return;
      timer.current = window.setTimeout(() => void poll(), 400);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer.current);
    };
  }, [jobId]);

  const submit = async ({ orgUnitId }: { orgUnitId: string }) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    const { data, error: problem, response } = await uploadRoster(orgUnitId, file);
    setBusy(false);
    if (!data) return setError(showProblemOnForm(form, problemOf(problem, response.status)));
    setJob(null);
    sessionStorage.setItem(JOB_KEY, data.id);
    setJobId(data.id);
  };

  const downloadRejected = async () => {
    if (!job) return;
    const rows = await allPages(async (cursor) => (await api.GET('/api/v1/membership/jobs/{id}/rejected-rows', { params: { path: { id: job.id }, query: { limit: 500, cursor } } })).data);
    downloadRejectedRows(job.fileName, rows);
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card title={t.roster} size="small">
          <Alert type="info" message={t.rosterHint} style={{ marginBottom: 16 }} />
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item name="orgUnitId" label={t.orgUnit} rules={[{ required: true }]}>
              <UnitSelect id="roster-orgUnitId" />
            </Form.Item>
            <Form.Item label={t.rosterFile} required>
              <Upload
                accept=".csv,.xlsx"
                maxCount={1}
                beforeUpload={(f) => {
                  setFile(f);
                  return false;
                }}
                onRemove={() => setFile(null)}
              >
                <Button icon={<UploadOutlined />} data-testid="roster-file">
                  {t.chooseFile}
                </Button>
              </Upload>
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={!file} loading={busy} data-testid="roster-submit">
              {t.upload}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        {job && (
          <Card title={`${t.progress} · ${job.fileName}`} size="small" extra={label(job.status)} data-testid="roster-job">
            <JobProgress job={job} testId="roster-progress" />
            <div style={{ color: '#666', marginBottom: 12 }} data-testid="roster-rows">
              {job.rowsDone} / {job.totalRows}
            </div>
            {job.status === 'failed' && <Alert type="error" message={`${t.jobFailed}: ${job.error ?? ''}`} />}
            <Row gutter={16}>
              <Col span={8}>
                <Statistic title={t.enrolledDone} value={job.enrolled} data-testid="roster-enrolled" />
              </Col>
              <Col span={8}>
                <Statistic title={t.alreadyEnrolled} value={job.alreadyEnrolled} />
              </Col>
              <Col span={8}>
                <Statistic title={t.rejected} value={job.rejected} data-testid="roster-rejected" />
              </Col>
            </Row>
            {job.status === 'completed' && job.rejected > 0 && (
              <Button style={{ marginTop: 16 }} onClick={() => void downloadRejected()} data-testid="download-rejected">
                {t.downloadRejected}
              </Button>
            )}
          </Card>
        )}
      </Col>
    </Row>
  );
}
