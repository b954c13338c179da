import { useCallback, useState } from 'react';
import { Button, Card, Form, Input, Select, Space, Tag } from 'antd';
import { api, type Schemas } from '../../api/client';
import { CursorTable } from '../../components/CursorTable';
import { chinaDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { FormModal, MemberSelect, yuan } from '../training/shared';

type Report = Schemas['mediation.HazardReportView'];

/** 隐患举报: real-name reports by members (the name is never listed), verified with a reward level or rejected. */
export function HazardReportsPage() {
  const { t, label } = useI18n();
  const [modal, setModal] = useState<'submit' | { verify: Report } | { reject: Report } | null>(null);
  const [reload, setReload] = useState(0);
  const load = useCallback(
    async (cursor?: string) => (await api.GET('/api/v1/mediation/hazard-reports', { params: { query: { limit: 20, cursor } } })).data,
    [],
  );
  const done = () => {
    setModal(null);
    setReload((n) => n + 1);
  };
  const target = modal && typeof modal === 'object' ? ('verify' in modal ? modal.verify : modal.reject) : null;
  return (
    <Card
      size="small"
      title={t.mdHazardReports}
      extra={
        <Button type="primary" onClick={() => setModal('submit')}>
          {t.mdSubmitReport}
        </Button>
      }
    >
      <CursorTable<Report>
        load={load}
        reloadKey={reload}
        empty={t.mdNoReports}
        testId="hazard-reports"
        columns={[
          { title: t.mdEnterprise, dataIndex: 'enterpriseName' },
          { title: t.mdHazard, dataIndex: 'description', ellipsis: true },
          { title: t.mdReportedAt, dataIndex: 'reportedAt', render: chinaDateTime },
          {
            title: t.status,
            dataIndex: 'status',
            render: (v: string) => (
              <Tag color={v === 'verified' ? 'green' : v === 'rejected' ? 'default' : 'orange'}>{label(v, 'hazard')}</Tag>
            ),
          },
          {
            title: t.mdReward,
            render: (_: unknown, r: Report) =>
              r.rewardFen ? `${t.mdLevel} ${r.rewardLevel} · ${yuan(r.rewardFen)}` : (r.rejectionReason ?? '—'),
          },
          {
            title: t.actions,
            render: (_: unknown, r: Report) =>
              r.status === 'submitted' && (
                <Space size={4}>
                  <Button size="small" type="primary" onClick={() => setModal({ verify: r })}>
                    {t.mdVerify}
                  </Button>
                  <Button size="small" onClick={() => setModal({ reject: r })}>
                    {t.mdReject}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <FormModal<Schemas['mediation.SubmitHazardReportRequest']>
        title={t.mdSubmitReport}
        open={modal === 'submit'}
        draftKey="mediation.hazard"
        onClose={() => setModal(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/mediation/hazard-reports', { body })}
      >
        {() => (
          <>
            <Form.Item name="memberId" label={t.mdReporter} rules={[{ required: true }]}>
              <MemberSelect status="active" />
            </Form.Item>
            <Form.Item name="reporterName" label={t.mdReporterName} rules={[{ required: true }]} extra={t.mdReporterSealed}>
              <Input />
            </Form.Item>
            <Form.Item name="enterpriseName" label={t.mdEnterprise} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="description" label={t.mdHazard} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
      </FormModal>
      <FormModal<Schemas['mediation.VerifyHazardReportRequest']>
        title={`${t.mdVerify} · ${target?.enterpriseName ?? ''}`}
        open={Boolean(modal && typeof modal === 'object' && 'verify' in modal)}
        initialValues={{ rewardLevel: 1 }}
        onClose={() => setModal(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/mediation/hazard-reports/{id}/verify', { params: { path: { id: target?.id ?? '' } }, body })}
      >
        {() => (
          <Form.Item name="rewardLevel" label={t.mdLevel}>
            <Select
              options={[
                { value: 1, label: `1 · ${yuan(200000)}` },
                { value: 2, label: `2 · ${yuan(300000)}` },
              ]}
            />
          </Form.Item>
        )}
      </FormModal>
      <FormModal<Schemas['mediation.RejectHazardReportRequest']>
        title={`${t.mdReject} · ${target?.enterpriseName ?? ''}`}
        open={Boolean(modal && typeof modal === 'object' && 'reject' in modal)}
        onClose={() => setModal(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/mediation/hazard-reports/{id}/reject', { params: { path: { id: target?.id ?? '' } }, body })}
      >
        {() => (
          <Form.Item name="reason" label={t.reason} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </FormModal>
    </Card>
  );
}
