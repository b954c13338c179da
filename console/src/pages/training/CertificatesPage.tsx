import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Form, Input, InputNumber, Select, Space, Switch, Tag, Typography } from 'antd';
import { api, type Schemas } from '../../api/client';
import { CursorTable } from '../../components/CursorTable';
import { chinaDay } from '../../format';
import { useI18n } from '../../i18n';
import { FormModal, MemberSelect } from './shared';

type Certificate = Schemas['training.CertificateView'];

/** 证书: issued on completion (attendance, assessment), the ones expiring within 30 days, and their public check. */
export function CertificatesPage() {
  const { t, label } = useI18n();
  const [expiring, setExpiring] = useState(false);
  const [modal, setModal] = useState<'issue' | 'assess' | null>(null);
  const [courses, setCourses] = useState<Schemas['training.CourseView'][]>([]);
  const [reload, setReload] = useState(0);
  const load = useCallback(
    async (cursor?: string) =>
      (
        await api.GET('/api/v1/training/certificates', {
          params: { query: { limit: 20, cursor, expiring: expiring ? 'true' : undefined } },
        })
      ).data,
    [expiring],
  );
  const open = async (which: 'issue' | 'assess') => {
    setModal(which);
    const { data } = await api.GET('/api/v1/training/courses', { params: { query: { limit: 100 } } });
    setCourses(data?.items ?? []);
  };
  const courseOptions = courses.map((c) => ({ value: c.id, label: c.title }));
  const done = () => {
    setModal(null);
    setReload((n) => n + 1);
  };
  return (
    <Card
      title={t.trCertificates}
      size="small"
      extra={
        <Space wrap>
          <span>
            {t.trExpiringSoon} <Switch size="small" checked={expiring} onChange={setExpiring} data-testid="expiring" />
          </span>
          <Button onClick={() => void open('assess')}>{t.trRecordAssessment}</Button>
          <Button type="primary" onClick={() => void open('issue')}>
            {t.trIssueCertificate}
          </Button>
        </Space>
      }
    >
      <CursorTable<Certificate>
        load={load}
        reloadKey={reload}
        empty={expiring ? t.trNoExpiring : t.trNoCertificates}
        testId="certificates"
        columns={[
          {
            title: t.trVerificationCode,
            dataIndex: 'verificationCode',
            render: (v: string) => (
              <Link to={`/verify/${v}`} target="_blank">
                <Typography.Text code>{v}</Typography.Text>
              </Link>
            ),
          },
          { title: t.trHolder, dataIndex: 'holderName' },
          { title: t.courseTitle, dataIndex: 'courseTitle' },
          { title: t.skillLevel, dataIndex: 'skillLevel', render: (v: string | null) => (v ? label(v) : '—') },
          { title: t.trAttendance, dataIndex: 'attendancePercent', render: (v: number) => `${v}%` },
          { title: t.trIssuedOn, dataIndex: 'issuedOn', render: chinaDay },
          { title: t.trExpiresOn, dataIndex: 'expiresOn', render: (v: string | null) => chinaDay(v) || t.trNoExpiry },
          {
            title: t.status,
            dataIndex: 'valid',
            render: (v: boolean) => (v ? <Tag color="green">{t.trValid}</Tag> : <Tag color="red">{t.trExpired}</Tag>),
          },
        ]}
      />
      <FormModal<Schemas['training.IssueCertificateRequest']>
        title={t.trIssueCertificate}
        open={modal === 'issue'}
        draftKey="training.certificate"
        onClose={() => setModal(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/training/certificates', { body })}
      >
        {() => (
          <>
            <Form.Item name="courseId" label={t.trCourse} rules={[{ required: true }]}>
              <Select options={courseOptions} />
            </Form.Item>
            <Form.Item name="memberId" label={t.memberId} rules={[{ required: true }]}>
              <MemberSelect />
            </Form.Item>
            <Form.Item name="holderName" label={t.trHolderName} rules={[{ required: true }]} extra={t.trHolderNameHint}>
              <Input />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<Schemas['training.RecordAssessmentRequest'] & { courseId: string }>
        title={t.trRecordAssessment}
        open={modal === 'assess'}
        initialValues={{ passed: true }}
        onClose={() => setModal(null)}
        onDone={done}
        send={({ courseId, ...body }) =>
          api.POST('/api/v1/training/courses/{id}/assessments', { params: { path: { id: courseId } }, body })
        }
      >
        {() => (
          <>
            <Form.Item name="courseId" label={t.trCourse} rules={[{ required: true }]}>
              <Select options={courseOptions.filter((o) => courses.find((c) => c.id === o.value)?.hasAssessment)} />
            </Form.Item>
            <Form.Item name="memberId" label={t.memberId} rules={[{ required: true }]}>
              <MemberSelect />
            </Form.Item>
            <Space>
              <Form.Item name="passed" label={t.trPassed} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="score" label={t.trScore}>
                <InputNumber min={0} max={100} />
              </Form.Item>
            </Space>
          </>
        )}
      </FormModal>
    </Card>
  );
}
