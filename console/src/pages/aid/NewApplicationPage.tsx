import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api, problemOf, type Schemas } from '../../api/client';
import { useMemberNames } from '../../components/memberNames';
import { useUnitName } from '../../components/UnitSelect';
import { useDraft } from '../../drafts';
import { useI18n } from '../../i18n';
import { showProblemOnForm } from '../../problems';
import { AID_KINDS, DOCUMENT_KINDS, onYuanFields, toFen } from './aid-kit';

type HardshipFile = Schemas['aid.HardshipFileView'];
interface NewApplication {
  hardshipFileId?: string;
  memberId?: string;
  kind: (typeof AID_KINDS)[number];
  requestedAmountYuan: number;
  reason: string;
  documents: Schemas['aid.ApplicationDocumentItem'][];
  fastTrack?: boolean;
}

/** Submit an aid application (受理) for a hardship file or a member; the draft survives errors and an ended session. */
export function NewApplicationPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const unitName = useUnitName();
  const [params] = useSearchParams();
  const [form] = Form.useForm<NewApplication>();
  const draft = useDraft('aid-application', form);
  const [files, setFiles] = useState<HardshipFile[]>([]);
  const memberName = useMemberNames(files.map((f) => f.memberId));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    void api.GET('/api/v1/aid/hardship-files', { params: { query: { status: 'open', limit: 500 } } }).then(({ data }) => setFiles(data?.items ?? []));
    const fileId = params.get('fileId');
    if (fileId) form.setFieldsValue({ hardshipFileId: fileId });
  }, [form, params]);

  const submit = async (values: NewApplication) => {
    if (!values.hardshipFileId && !values.memberId) return setError(t.aidMemberOrFile);
    setBusy(true);
    setError(null);
    const body: Schemas['aid.SubmitApplicationRequest'] = {
      ...(values.hardshipFileId ? { hardshipFileId: values.hardshipFileId } : { memberId: values.memberId!.trim() }),
      kind: values.kind,
      requestedAmountFen: toFen(values.requestedAmountYuan)!,
      reason: values.reason,
      documents: values.documents ?? [],
      ...(values.kind === 'emergency' ? { fastTrack: Boolean(values.fastTrack) } : {}),
    };
    const { data, error: problem, response } = await api.POST('/api/v1/aid/applications', { body });
    setBusy(false);
    if (response.status === 401) return; // the login page takes over; the draft is kept
    if (!data) return setError(showProblemOnForm(form, onYuanFields(problemOf(problem, response.status))));
    draft.clear();
    void message.success(t.saved);
    navigate(`/aid/applications/${data.id}`);
  };

  return (
    <Card title={t.aidNewApplication} size="small">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={draft.save} initialValues={{ documents: [] }} style={{ maxWidth: 900 }} data-testid="application-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="hardshipFileId" label={t.aidHardshipFileField}>
              <Select
                id="app-hardshipFileId"
                allowClear
                showSearch
                optionFilterProp="label"
                options={files.map((f) => ({ value: f.id, label: `${unitName(f.orgUnitId)} · ${label(f.cause)} · ${f.grade ? label(f.grade, 'grade') : t.aidUngraded} · ${memberName(f.memberId)}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="memberId" label={t.aidMemberIdField}>
              <Input id="app-memberId" maxLength={36} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t.aidKind} rules={[{ required: true }]}>
              <Select id="app-kind" options={AID_KINDS.map((v) => ({ value: v, label: label(v, 'aidKind') }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="requestedAmountYuan" label={t.aidRequested} rules={[{ required: true }]}>
              <InputNumber id="app-amount" min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {kind === 'emergency' && (
            <Col xs={24} md={12}>
              <Form.Item name="fastTrack" label={t.aidFastTrack} valuePropName="checked">
                <Switch id="app-fastTrack" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24}>
            <Form.Item name="reason" label={t.aidApplicationReason} rules={[{ required: true }]}>
              <Input.TextArea id="app-reason" rows={3} maxLength={2000} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label={t.aidDocuments}>
              <Form.List name="documents">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline" wrap>
                        <Form.Item name={[field.name, 'name']} rules={[{ required: true }]}>
                          <Input placeholder={t.aidDocumentName} maxLength={200} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]}>
                          <Select placeholder={t.aidDocumentKind} style={{ width: 140 }} options={DOCUMENT_KINDS.map((v) => ({ value: v, label: label(v, 'doc') }))} />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(field.name)} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'identity' })} data-testid="add-document">
                      {t.aidAddDocument}
                    </Button>
                  </>
                )}
              </Form.List>
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="application-submit">
          {t.submit}
        </Button>
      </Form>
    </Card>
  );
}
