import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { api, problemOf, type Schemas } from '../../api/client';
import { UnitSelect } from '../../components/UnitSelect';
import { useDraft } from '../../drafts';
import { useI18n } from '../../i18n';
import { showProblemOnForm } from '../../problems';

type Enrolment = Schemas['membership.EnrolMemberRequest'];
const EMPLOYMENT_FORMS = ['regular', 'gig-delivery', 'gig-ride-hailing', 'gig-courier', 'gig-domestic-service', 'gig-other'];

/** Real-name enrolment (入会): the API checks the resident ID and mobile; its field errors show on the fields. */
export function EnrolPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Enrolment>();
  const draft = useDraft('enrol', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Enrolment) => {
    setBusy(true);
    setError(null);
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) as Enrolment;
    const { data, error: problem, response } = await api.POST('/api/v1/membership/members', { body });
    setBusy(false);
    if (response.status === 401) return; // the login page takes over; the draft is kept
    if (!data) return setError(showProblemOnForm(form, problemOf(problem, response.status)));
    draft.clear();
    void message.success(`${t.enrolSuccess} ${data.memberNo}`);
    navigate(`/membership/members/${data.id}`);
  };

  return (
    <Card title={t.enrol} size="small">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={draft.save} data-testid="enrol-form" style={{ maxWidth: 900 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t.name} rules={[{ required: true }]}>
              <Input id="enrol-name" maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nationalId" label={t.nationalId} rules={[{ required: true }]}>
              <Input id="enrol-nationalId" maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="mobile" label={t.mobile} rules={[{ required: true }]}>
              <Input id="enrol-mobile" maxLength={11} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="orgUnitId" label={t.orgUnit} rules={[{ required: true }]}>
              <UnitSelect id="enrol-orgUnitId" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="employmentForm" label={t.employmentForm} rules={[{ required: true }]}>
              <Select id="enrol-employmentForm" options={EMPLOYMENT_FORMS.map((v) => ({ value: v, label: label(v) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="skillLevel" label={t.skillLevel}>
              <Select allowClear options={['novice', 'skilled', 'master'].map((v) => ({ value: v, label: label(v) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="employerName" label={t.employerName}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="employerCreditCode" label={t.employerCreditCode}>
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="industry" label={t.industry}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="enrol-submit">
          {t.submit}
        </Button>
      </Form>
    </Card>
  );
}
