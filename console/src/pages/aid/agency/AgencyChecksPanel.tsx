import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { api, problemOf, type Schemas } from '../../../api/client';
import { ActionModal } from '../../../components/ActionModal';
import { CursorTable } from '../../../components/CursorTable';
import { chinaDateTime } from '../../../format';
import { useI18n } from '../../../i18n';
import { DateInput, todayInChina } from '../aid-kit';
import { CHECK_KINDS, CONSENT_RELATIONS, describeResult, inLanguage, type AgencyCheck, type Consent } from './agency-kit';

const STATE_COLOURS: Record<Consent['state'], string> = { 'in-force': 'green', expired: 'default', revoked: 'red' };
const STATUS_COLOURS: Record<AgencyCheck['status'], string> = { completed: 'blue', failed: 'red', pending: 'processing' };

/** A year on from a China date, less a day: the longest a consent may run (366 days). */
function aYearOn(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * 跨部门数据核验 on a hardship file (consents, checks, retry) or on an application (the checks on the
 * applicant's files; with the application's file, the consents and actions too). The API judges the
 * consent: a check under a revoked or expired consent, or outside its scope, shows its 422 in the dialog.
 */
export function AgencyChecksPanel(props: { fileId?: string; applicationId?: string; readOnly?: boolean }) {
  const { fileId, applicationId } = props;
  const actions = Boolean(fileId) && !props.readOnly;
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const [action, setAction] = useState<'consent' | 'check' | null>(null);
  const [consents, setConsents] = useState<Consent[]>([]);
  const [reload, setReload] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const loadConsents = useCallback(
    async (cursor?: string) => {
      const page = (await api.GET('/api/v1/aid/hardship-files/{id}/consents', { params: { path: { id: fileId ?? '' }, query: { limit: 50, cursor } } })).data;
      if (!cursor) setConsents(page?.items ?? []);
      return page;
    },
    [fileId],
  );
  const loadChecks = useCallback(
    async (cursor?: string) =>
      applicationId
        ? (await api.GET('/api/v1/aid/applications/{id}/agency-checks', { params: { path: { id: applicationId }, query: { limit: 50, cursor } } })).data
        : (await api.GET('/api/v1/aid/hardship-files/{id}/agency-checks', { params: { path: { id: fileId ?? '' }, query: { limit: 50, cursor } } })).data,
    [applicationId, fileId],
  );
  const done = (text: string) => {
    setAction(null);
    setError(null);
    void message.success(text);
    setReload((n) => n + 1);
  };
  const act = async (key: string, call: () => Promise<{ error?: unknown; response: Response }>, text: string) => {
    setBusy(key);
    const { error: problem, response } = await call();
    setBusy(null);
    if (response.ok) return done(text);
    const p = problemOf(problem, response.status);
    setError([p.detail ?? p.title, ...(p.errors ?? []).map((e) => e.message)].filter(Boolean).join('；'));
  };
  const inForce = consents.filter((c) => c.state === 'in-force');

  return (
    <Card
      size="small"
      title={applicationId ? t.agOnApplication : t.agTitle}
      data-testid="agency-checks"
      extra={
        actions && (
          <Space wrap>
            <Button onClick={() => setAction('consent')} data-testid="agency-record-consent">
              {t.agRecordConsent}
            </Button>
            <Button type="primary" onClick={() => setAction('check')} data-testid="agency-run-check">
              {t.agRunCheck}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t.agHint}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon closable onClose={() => setError(null)} message={error} style={{ marginBottom: 12 }} data-testid="agency-error" />}
      {fileId && (
        <>
          <Typography.Title level={5}>{t.agConsents}</Typography.Title>
          <CursorTable<Consent>
            load={loadConsents}
            reloadKey={reload}
            empty={t.agNoConsents}
            testId="agency-consents"
            columns={[
              { title: t.agRelation, dataIndex: 'relation', render: (v: string) => label(v, 'relation') },
              { title: t.agSignerId, dataIndex: 'maskedNationalId' },
              { title: t.agScope, dataIndex: 'scope', render: (v: string[]) => v.map((k) => label(k, 'check')).join('、') },
              { title: t.agPeriod, render: (_: unknown, c) => `${c.signedOn} ~ ${c.expiresOn}` },
              { title: t.agState, dataIndex: 'state', render: (v: Consent['state']) => <Tag color={STATE_COLOURS[v]}>{label(v, 'consent')}</Tag> },
              {
                title: t.actions,
                render: (_: unknown, c) =>
                  actions &&
                  c.state === 'in-force' && (
                    <Popconfirm title={t.agRevokeConfirm} onConfirm={() => void act(`revoke-${c.id}`, () => api.POST('/api/v1/aid/agency-consents/{id}/revoke', { params: { path: { id: c.id } } }), t.saved)}>
                      <Button size="small" danger loading={busy === `revoke-${c.id}`}>
                        {t.agRevoke}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t.agKinds}
          </Typography.Title>
        </>
      )}
      <CursorTable<AgencyCheck>
        load={loadChecks}
        reloadKey={reload}
        empty={applicationId ? t.agNoChecksOnApplication : t.agNoChecks}
        testId="agency-check-results"
        columns={[
          { title: t.agKind, dataIndex: 'kind', render: (v: string) => label(v, 'check') },
          { title: t.agAgency, dataIndex: 'agency', render: (v: string) => label(v, 'agency') },
          { title: t.agStatus, dataIndex: 'status', render: (v: AgencyCheck['status']) => <Tag color={STATUS_COLOURS[v]}>{label(v, 'checkStatus')}</Tag> },
          {
            title: t.agFinding,
            render: (_: unknown, c) => {
              if (c.status === 'failed') return <Typography.Text type="danger">{inLanguage(c.failureReason, language)}</Typography.Text>;
              const finding = describeResult(c.kind, c.result, language);
              return (
                finding && (
                  <span>
                    <Tag color={finding.found ? 'orange' : 'green'}>{finding.found ? t.agFound : t.agNotFound}</Tag>
                    {finding.text}
                  </span>
                )
              );
            },
          },
          { title: t.agReference, dataIndex: 'agencyReference' },
          { title: t.agCheckedAt, dataIndex: 'checkedAt', render: chinaDateTime },
          { title: t.agAttempts, dataIndex: 'attempts' },
          {
            title: t.actions,
            render: (_: unknown, c) =>
              !props.readOnly &&
              c.status !== 'completed' && (
                <Button size="small" loading={busy === `retry-${c.id}`} onClick={() => void act(`retry-${c.id}`, () => api.POST('/api/v1/aid/agency-checks/{id}/retry', { params: { path: { id: c.id } } }), t.agRetried)} data-testid="agency-retry">
                  {t.agRetry}
                </Button>
              ),
          },
        ]}
      />

      {actions && fileId && (
        <ActionModal<Schemas['aid.RecordConsentRequest']>
          title={t.agRecordConsent}
          open={action === 'consent'}
          onClose={() => setAction(null)}
          onDone={() => done(t.saved)}
          testId="consent-modal"
          send={(body) => api.POST('/api/v1/aid/hardship-files/{id}/consents', { params: { path: { id: fileId } }, body: { ...body, signerNationalId: body.signerNationalId?.trim().toUpperCase() } })}
        >
          {(form) => (
            <>
              <Form.Item name="signerName" label={t.agSigner} rules={[{ required: true }]}>
                <Input id="consent-signerName" maxLength={50} />
              </Form.Item>
              <Form.Item name="signerNationalId" label={t.agSignerId} rules={[{ required: true }]}>
                <Input id="consent-signerNationalId" maxLength={18} />
              </Form.Item>
              <Form.Item name="relation" label={t.agRelation} rules={[{ required: true }]} initialValue="self">
                <Select id="consent-relation" options={CONSENT_RELATIONS.map((v) => ({ value: v, label: label(v, 'relation') }))} />
              </Form.Item>
              <Form.Item name="scope" label={t.agScope} rules={[{ required: true }]} initialValue={CHECK_KINDS}>
                <Select id="consent-scope" mode="multiple" options={CHECK_KINDS.map((v) => ({ value: v, label: label(v, 'check') }))} />
              </Form.Item>
              <Space wrap>
                <Form.Item name="signedOn" label={t.agSignedOn} rules={[{ required: true }]} initialValue={todayInChina()}>
                  <DateInput id="consent-signedOn" onChange={(v) => form.setFieldValue('expiresOn', v ? aYearOn(v) : undefined)} />
                </Form.Item>
                <Form.Item name="expiresOn" label={t.agExpiresOn} rules={[{ required: true }]} initialValue={aYearOn(todayInChina())}>
                  <DateInput id="consent-expiresOn" />
                </Form.Item>
              </Space>
            </>
          )}
        </ActionModal>
      )}
      {actions && fileId && (
        <ActionModal<Schemas['aid.RunChecksRequest']>
          title={t.agRunCheck}
          open={action === 'check'}
          onClose={() => setAction(null)}
          onDone={() => done(t.agChecksRun)}
          testId="check-modal"
          send={(body) => api.POST('/api/v1/aid/hardship-files/{id}/agency-checks', { params: { path: { id: fileId } }, body })}
        >
          {(form) => (
            <>
              {inForce.length === 0 && <Alert type="warning" showIcon message={t.agNeedConsent} style={{ marginBottom: 12 }} data-testid="check-need-consent" />}
              <Form.Item name="consentId" label={t.agConsent} rules={[{ required: true }]} initialValue={inForce[inForce.length - 1]?.id}>
                <Select
                  id="check-consentId"
                  onChange={(id: string) => form.setFieldValue('kinds', consents.find((c) => c.id === id)?.scope)}
                  options={consents.map((c) => ({
                    value: c.id,
                    label: `${label(c.relation, 'relation')} ${c.maskedNationalId} · ${c.signedOn} ~ ${c.expiresOn} · ${label(c.state, 'consent')}`,
                  }))}
                />
              </Form.Item>
              <Form.Item name="kinds" label={t.agKinds} rules={[{ required: true }]} initialValue={inForce[inForce.length - 1]?.scope}>
                <Select id="check-kinds" mode="multiple" options={CHECK_KINDS.map((v) => ({ value: v, label: label(v, 'check') }))} />
              </Form.Item>
            </>
          )}
        </ActionModal>
      )}
    </Card>
  );
}
