import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Result, Row, Select, Space, Spin, Tag } from 'antd';
import { api, type Schemas } from '../../api/client';
import { ActionModal } from '../../components/ActionModal';
import { CursorTable } from '../../components/CursorTable';
import { useUnitName } from '../../components/UnitSelect';
import { chinaDateTime, chinaDay } from '../../format';
import { useI18n } from '../../i18n';
import { DateInput, GRADES, todayInChina, yuan } from './aid-kit';
import { AgencyChecksPanel } from './agency/AgencyChecksPanel';
import { MemberName } from '../../components/MemberName';

type HardshipFile = Schemas['aid.HardshipFileView'];
type Visit = Schemas['aid.VisitView'];
type Review = Schemas['aid.ReviewView'];

/** One hardship file: the opening visit, further visits, grade and the annual review. */
export function HardshipFilePage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const unitName = useUnitName();
  const [file, setFile] = useState<HardshipFile | null>(null);
  const [status, setStatus] = useState<number | null>(null);
  const [action, setAction] = useState<'visit' | 'grade' | 'review' | null>(null);
  const [reload, setReload] = useState(0);

  const load = useCallback(async () => {
    const { data, response } = await api.GET('/api/v1/aid/hardship-files/{id}', { params: { path: { id } } });
    setStatus(response.status);
    setFile(data ?? null);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  const loadVisits = useCallback(async (cursor?: string) => (await api.GET('/api/v1/aid/hardship-files/{id}/visits', { params: { path: { id }, query: { limit: 20, cursor } } })).data, [id]);
  const loadReviews = useCallback(async (cursor?: string) => (await api.GET('/api/v1/aid/hardship-files/{id}/reviews', { params: { path: { id }, query: { limit: 20, cursor } } })).data, [id]);

  if (status === null) return <Spin />;
  if (!file) return <Result status="404" title="404" subTitle={t.notFound} data-testid="not-found" />;
  const path = { params: { path: { id } } };
  const done = () => {
    setAction(null);
    void message.success(t.saved);
    setReload((n) => n + 1);
    void load();
  };
  const visit = file.visit;
  const open = file.status === 'open';

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={
          <span data-testid="file-title">
            {t.aidHardshipFile} · {unitName(file.orgUnitId)} <Tag color={open ? 'orange' : 'default'}>{label(file.status, 'file')}</Tag>
            {file.grade && <Tag color="red">{label(file.grade, 'grade')}</Tag>}
          </span>
        }
        extra={
          open && (
            <Space wrap>
              <Button onClick={() => setAction('visit')} data-testid="file-visit">
                {t.aidVisit}
              </Button>
              <Button onClick={() => setAction('grade')} data-testid="file-grade">
                {t.aidRegrade}
              </Button>
              <Button onClick={() => setAction('review')} data-testid="file-review">
                {t.aidReview}
              </Button>
              <Button type="primary" onClick={() => navigate(`/aid/applications/new?fileId=${file.id}`)} data-testid="file-apply">
                {t.aidApplyForFile}
              </Button>
            </Space>
          )
        }
      >
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t.memberId}><MemberName id={file.memberId} /></Descriptions.Item>
          <Descriptions.Item label={t.cause}>{label(file.cause)}</Descriptions.Item>
          <Descriptions.Item label={t.aidGrade}>{file.grade ? label(file.grade, 'grade') : t.aidUngraded}</Descriptions.Item>
          <Descriptions.Item label={t.openedAt}>
            {chinaDateTime(file.openedAt)} · {file.visitedBy}
          </Descriptions.Item>
          <Descriptions.Item label={t.aidLastVisitedOn}>{chinaDay(file.lastVisitedOn)}</Descriptions.Item>
          <Descriptions.Item label={t.aidLastReviewedOn}>{chinaDay(file.lastReviewedOn) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t.aidLastHelpedAt}>{file.lastHelpedAt ? chinaDay(file.lastHelpedAt) : t.aidNeverHelped}</Descriptions.Item>
          {file.closedAt && (
            <Descriptions.Item label={t.aidClosure}>
              {chinaDay(file.closedAt)} · {label(file.closure, 'closure')} · {file.closureReason}
            </Descriptions.Item>
          )}
          {file.jobTaken && (
            <Descriptions.Item label={t.aidJobTaken}>
              {file.jobTaken.employerName} · {file.jobTaken.position}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title={t.aidOpeningVisit}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t.aidVisitDate}>{visit.visitedOn}</Descriptions.Item>
          <Descriptions.Item label={t.aidHouseholdSize}>{visit.householdSize}</Descriptions.Item>
          {visit.monthlyHouseholdIncomeFen !== undefined && <Descriptions.Item label={t.aidIncome}>{yuan(visit.monthlyHouseholdIncomeFen)}</Descriptions.Item>}
          {visit.incomeSources && <Descriptions.Item label={t.aidIncomeSources}>{visit.incomeSources}</Descriptions.Item>}
          {visit.housing && <Descriptions.Item label={t.aidHousing}>{visit.housing}</Descriptions.Item>}
          {visit.health && <Descriptions.Item label={t.aidHealth}>{visit.health}</Descriptions.Item>}
          {visit.childrenSchooling && <Descriptions.Item label={t.aidSchooling}>{visit.childrenSchooling}</Descriptions.Item>}
        </Descriptions>
        {visit.monthlyHouseholdIncomeFen === undefined && <Alert type="info" message={t.aidWithheld} />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t.aidVisits}>
            <CursorTable<Visit>
              load={loadVisits}
              reloadKey={reload}
              empty={t.aidNoVisits}
              testId="file-visits"
              columns={[
                { title: t.aidVisitDate, dataIndex: 'visitedOn' },
                { title: t.aidVisitedBy, dataIndex: 'visitedBy' },
                { title: t.aidVisitNotes, dataIndex: 'notes', render: (v: string | undefined, r) => (r.detailsWithheld ? '***' : v) },
                { title: t.aidRecordedAt, dataIndex: 'recordedAt', render: chinaDateTime },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t.aidReviews}>
            <CursorTable<Review>
              load={loadReviews}
              reloadKey={reload}
              empty={t.aidNoReviews}
              testId="file-reviews"
              columns={[
                { title: t.aidYear, dataIndex: 'reviewYear' },
                { title: t.aidReviewedOn, dataIndex: 'reviewedOn' },
                { title: t.aidDecision, dataIndex: 'decision', render: (v: string) => label(v, 'decision') },
                { title: t.reason, dataIndex: 'reason' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <AgencyChecksPanel fileId={file.id} readOnly={!open} />

      <ActionModal<Schemas['aid.RecordVisitRequest']>
        title={t.aidVisit}
        open={action === 'visit'}
        onClose={() => setAction(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/aid/hardship-files/{id}/visits', { ...path, body })}
      >
        {() => (
          <>
            <Form.Item name="visitedOn" label={t.aidVisitDate} rules={[{ required: true }]} initialValue={todayInChina()}>
              <DateInput id="visit-visitedOn" />
            </Form.Item>
            <Form.Item name="notes" label={t.aidVisitNotes} rules={[{ required: true }]}>
              <Input.TextArea id="visit-notes" rows={3} />
            </Form.Item>
          </>
        )}
      </ActionModal>
      <ActionModal<Schemas['aid.GradeHardshipFileRequest']>
        title={t.aidRegrade}
        open={action === 'grade'}
        onClose={() => setAction(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/aid/hardship-files/{id}/grade', { ...path, body })}
      >
        {() => (
          <Form.Item name="grade" label={t.aidGrade} rules={[{ required: true }]} initialValue={file.grade ?? undefined}>
            <Select id="grade-grade" options={GRADES.map((v) => ({ value: v, label: label(v, 'grade') }))} />
          </Form.Item>
        )}
      </ActionModal>
      <ActionModal<Schemas['aid.ReviewHardshipFileRequest']>
        title={t.aidReview}
        open={action === 'review'}
        onClose={() => setAction(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/aid/hardship-files/{id}/review', { ...path, body: { ...body, reason: body.reason || undefined } })}
      >
        {() => (
          <>
            <Form.Item name="reviewedOn" label={t.aidReviewedOn} rules={[{ required: true }]} initialValue={todayInChina()}>
              <DateInput id="review-reviewedOn" />
            </Form.Item>
            <Form.Item name="decision" label={t.aidDecision} rules={[{ required: true }]}>
              <Select id="review-decision" options={['keep', 'close'].map((v) => ({ value: v, label: label(v, 'decision') }))} />
            </Form.Item>
            <Form.Item name="reason" label={t.aidReviewReason}>
              <Input.TextArea id="review-reason" rows={2} />
            </Form.Item>
          </>
        )}
      </ActionModal>
    </Space>
  );
}
