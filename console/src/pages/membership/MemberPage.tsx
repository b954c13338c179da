import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Form, Input, Result, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { allPages, api, type Member, type Schemas } from '../../api/client';
import { ActionModal } from '../../components/ActionModal';
import { UnitSelect, useUnitName } from '../../components/UnitSelect';
import { chinaDateTime, chinaDay } from '../../format';
import { useI18n } from '../../i18n';
import { hasRole, useSession } from '../../session';

type History = Schemas['membership.HistoryEntryView'];
type Action = 'transfer' | 'dual' | 'leave' | 'reinstate' | 'edit' | 'reveal' | null;

/** One member: details, history, and the actions of the membership (a member outside the scope is "not found"). */
export function MemberPage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const unitName = useUnitName();
  const [member, setMember] = useState<Member | null>(null);
  const [history, setHistory] = useState<History[]>([]);
  const [status, setStatus] = useState<number | null>(null);
  const [action, setAction] = useState<Action>(null);
  const [revealed, setRevealed] = useState<Schemas['membership.RevealedIdentityView'] | null>(null);

  const load = useCallback(async () => {
    const { data, response } = await api.GET('/api/v1/membership/members/{id}', { params: { path: { id } } });
    setStatus(response.status);
    setMember(data ?? null);
    if (data) setHistory(await allPages(async (cursor) => (await api.GET('/api/v1/membership/members/{id}/history', { params: { path: { id }, query: { limit: 500, cursor } } })).data));
  }, [id]);
  useEffect(() => {
    setRevealed(null);
    void load();
  }, [load]);

  if (status === null) return <Spin />;
  if (!member) return <Result status="404" title="404" subTitle={t.notFound} data-testid="not-found" />;
  const path = { params: { path: { id } } };
  const done = () => {
    setAction(null);
    void message.success(t.saved);
    void load();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={
          <span data-testid="member-title">
            {member.name} <Tag color={member.status === 'active' ? 'green' : 'default'}>{label(member.status)}</Tag>
          </span>
        }
        extra={
          <Space wrap>
            {member.status === 'active' && (
              <>
                <Button onClick={() => setAction('edit')}>{t.edit}</Button>
                <Button onClick={() => setAction('transfer')}>{t.transfer}</Button>
                <Button onClick={() => setAction('dual')}>{t.dualRegistration}</Button>
                <Button danger onClick={() => setAction('leave')}>
                  {t.leave}
                </Button>
              </>
            )}
            {member.status === 'left' && <Button onClick={() => setAction('reinstate')}>{t.reinstate}</Button>}
            {hasRole(user, 'personal-data-viewer') && <Button onClick={() => setAction('reveal')}>{t.reveal}</Button>}
          </Space>
        }
      >
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t.memberNo}>{member.memberNo}</Descriptions.Item>
          <Descriptions.Item label={t.nationalId}>
            <span data-testid="national-id">{revealed?.nationalId ?? member.maskedNationalId}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t.mobile}>{revealed?.mobile ?? member.maskedMobile}</Descriptions.Item>
          <Descriptions.Item label={t.gender}>{label(member.gender)}</Descriptions.Item>
          <Descriptions.Item label={t.birthDate}>{member.birthDate}</Descriptions.Item>
          <Descriptions.Item label={t.orgUnit}>{unitName(member.orgUnitId)}</Descriptions.Item>
          <Descriptions.Item label={t.employmentForm}>{label(member.employmentForm)}</Descriptions.Item>
          <Descriptions.Item label={t.skillLevel}>{label(member.skillLevel)}</Descriptions.Item>
          <Descriptions.Item label={t.employerName}>{member.employerName}</Descriptions.Item>
          <Descriptions.Item label={t.enrolledAt}>{chinaDay(member.enrolledAt)}</Descriptions.Item>
          <Descriptions.Item label={t.dualRegistration}>{member.dualRegistrations.map((d) => d.communityName).join('、')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t.history}>
        <Timeline
          items={history.map((h) => ({
            children: (
              <div>
                <Typography.Text strong>{label(h.kind)}</Typography.Text> · {chinaDateTime(h.occurredAt)}
                <div style={{ color: '#666' }}>
                  {[h.fromOrgUnitId && unitName(h.fromOrgUnitId), h.toOrgUnitId && unitName(h.toOrgUnitId)].filter(Boolean).join(' → ')} {h.reason && label(h.reason)}{' '}
                  {h.changedFields?.join(', ')}
                </div>
              </div>
            ),
          }))}
        />
      </Card>

      <ActionModal<Schemas['membership.TransferMemberRequest']>
        title={t.transfer}
        open={action === 'transfer'}
        onClose={() => setAction(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/membership/members/{id}/transfer', { ...path, body })}
      >
        {() => (
          <>
            <Form.Item name="toOrgUnitId" label={t.toOrgUnit} rules={[{ required: true }]}>
              <UnitSelect />
            </Form.Item>
            <Form.Item name="reason" label={t.reason}>
              <Input />
            </Form.Item>
          </>
        )}
      </ActionModal>
      <ActionModal<Schemas['membership.DualRegistrationRequest']>
        title={t.dualRegistration}
        open={action === 'dual'}
        onClose={() => setAction(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/membership/members/{id}/dual-registrations', { ...path, body })}
      >
        {() => (
          <Form.Item name="communityOrgUnitId" label={t.community} rules={[{ required: true }]}>
            <UnitSelect />
          </Form.Item>
        )}
      </ActionModal>
      <ActionModal<Schemas['membership.LeaveRequest']>
        title={t.leave}
        open={action === 'leave'}
        onClose={() => setAction(null)}
        onDone={done}
        send={(body) => api.POST('/api/v1/membership/members/{id}/leave', { ...path, body })}
      >
        {() => (
          <Form.Item name="reason" label={t.reason} rules={[{ required: true }]}>
            <Select options={['changed-job', 'retired', 'withdrew', 'deceased', 'other'].map((v) => ({ value: v, label: label(v) }))} />
          </Form.Item>
        )}
      </ActionModal>
      <ActionModal<object>
        title={t.reinstate}
        open={action === 'reinstate'}
        onClose={() => setAction(null)}
        onDone={done}
        send={() => api.POST('/api/v1/membership/members/{id}/reinstate', path)}
      >
        {() => <Alert type="info" message={`${member.name} · ${member.memberNo}`} />}
      </ActionModal>
      <ActionModal<Schemas['membership.UpdateMemberRequest']>
        title={t.edit}
        open={action === 'edit'}
        onClose={() => setAction(null)}
        onDone={done}
        send={(values) => api.PATCH('/api/v1/membership/members/{id}', { ...path, body: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== '')) })}
      >
        {() => (
          <>
            <Form.Item name="mobile" label={t.mobile}>
              <Input maxLength={11} />
            </Form.Item>
            <Form.Item name="employerName" label={t.employerName}>
              <Input />
            </Form.Item>
            <Form.Item name="employerCreditCode" label={t.employerCreditCode}>
              <Input maxLength={18} />
            </Form.Item>
            <Form.Item name="industry" label={t.industry}>
              <Input />
            </Form.Item>
            <Form.Item name="skillLevel" label={t.skillLevel}>
              <Select allowClear options={['novice', 'skilled', 'master'].map((v) => ({ value: v, label: label(v) }))} />
            </Form.Item>
          </>
        )}
      </ActionModal>
      <ActionModal<Schemas['membership.RevealRequest']>
        title={t.reveal}
        open={action === 'reveal'}
        onClose={() => setAction(null)}
        onDone={() => setAction(null)}
        send={async (body) => {
          const result = await api.POST('/api/v1/membership/members/{id}/reveal-identity', { ...path, body });
          if (result.data) setRevealed(result.data);
          return result;
        }}
      >
        {() => (
          <Form.Item name="reason" label={t.revealReason} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </ActionModal>
    </Space>
  );
}
