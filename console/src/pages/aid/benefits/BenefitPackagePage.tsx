import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Form, InputNumber, Modal, Progress, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { api, type Schemas } from '../../../api/client';
import { ActionModal } from '../../../components/ActionModal';
import { CursorTable } from '../../../components/CursorTable';
import { useUnitName } from '../../../components/UnitSelect';
import { chinaDateTime } from '../../../format';
import { useI18n } from '../../../i18n';
import { PACKAGE_STATUS_COLOURS, type BenefitPackage, type Entitlement } from './benefits-kit';
import { MemberName } from '../../../components/MemberName';

type Code = Schemas['aid.CodeView'];
type Redemption = Schemas['aid.RedemptionItemView'];

/** One package: its entitlements with this period's quota used and left, its redemptions, and a one-time code for the member. */
export function BenefitPackagePage() {
  const { id = '' } = useParams();
  const { t, label } = useI18n();
  const unitName = useUnitName();
  const [pkg, setPkg] = useState<BenefitPackage | null>(null);
  const [status, setStatus] = useState<number | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [code, setCode] = useState<Code | null>(null);

  const load = useCallback(async () => {
    const { data, response } = await api.GET('/api/v1/aid/benefit-packages/{id}', { params: { path: { id } } });
    setStatus(response.status);
    setPkg(data ?? null);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  const loadRedemptions = useCallback(
    async (cursor?: string) =>
      (await api.GET('/api/v1/aid/benefit-packages/{id}/redemptions', { params: { path: { id }, query: { limit: 20, cursor } } })).data,
    [id],
  );

  if (status === null) return <Spin />;
  if (!pkg) return <Result status="404" title="404" subTitle={t.notFound} data-testid="not-found" />;
  const active = pkg.status === 'active';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={
          <span data-testid="package-title">
            {pkg.name} <Tag color={PACKAGE_STATUS_COLOURS[pkg.status]}>{label(pkg.status, 'packageStatus')}</Tag>
          </span>
        }
        extra={
          active && (
            <Button type="primary" icon={<QrcodeOutlined />} onClick={() => setIssuing(true)} data-testid="issue-code">
              {t.benIssueCode}
            </Button>
          )
        }
      >
        <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t.orgUnit}>{unitName(pkg.orgUnitId)}</Descriptions.Item>
          <Descriptions.Item label={t.benFile}>
            <Link to={`/aid/hardship-files/${pkg.hardshipFileId}`}>{pkg.hardshipFileId.slice(0, 8)}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t.benMember}><MemberName id={pkg.memberId} /></Descriptions.Item>
          <Descriptions.Item label={t.benPeriodOfPackage}>
            {pkg.startsOn} ~ {pkg.endsOn}
          </Descriptions.Item>
          <Descriptions.Item label={t.benCreatedBy}>
            {pkg.createdBy} · {chinaDateTime(pkg.createdAt)}
          </Descriptions.Item>
          {pkg.endedAt && <Descriptions.Item label={t.benEndedAt}>{chinaDateTime(pkg.endedAt)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t.benEntitlements}>
        <Table<Entitlement>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={pkg.entitlements}
          scroll={{ x: 700 }}
          data-testid="entitlements"
          columns={[
            { title: t.benItemKind, dataIndex: 'itemKind', render: (v: string) => label(v, 'benefitItem') },
            { title: t.benServicePoint, dataIndex: 'servicePoint' },
            { title: t.benQuantityPerPeriod, render: (_: unknown, e) => `${label(e.period, 'benefitPeriod')} ${e.quantityPerPeriod}` },
            { title: t.benCurrentPeriod, render: (_: unknown, e) => `${e.periodStart} ~ ${e.periodEnd}`, width: 190 },
            {
              title: t.benUsage,
              width: 220,
              render: (_: unknown, e) => (
                <Space size={8}>
                  <Progress
                    percent={Math.round((e.used / e.quantityPerPeriod) * 100)}
                    showInfo={false}
                    strokeColor={e.remaining === 0 ? '#c8102e' : undefined}
                    size="small"
                    style={{ width: 80, margin: 0 }}
                  />
                  <span data-testid={`usage-${e.itemKind}`}>
                    {t.benUsed} {e.used} · {t.benRemaining} {e.remaining}
                  </span>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t.benRedemptions}>
        <CursorTable<Redemption>
          load={loadRedemptions}
          reloadKey={pkg}
          empty={t.benNoRedemptions}
          testId="redemptions"
          columns={[
            { title: t.benRedeemedAt, dataIndex: 'redeemedAt', render: chinaDateTime, width: 150 },
            { title: t.benItemKind, dataIndex: 'itemKind', render: (v: string) => label(v, 'benefitItem') },
            { title: t.benQuantity, dataIndex: 'quantity' },
            { title: t.benServicePoint, dataIndex: 'servicePoint' },
            { title: t.benPeriodFrom, dataIndex: 'periodStart' },
            { title: t.benRecordedBy, dataIndex: 'recordedBy' },
          ]}
        />
      </Card>

      <ActionModal<Schemas['aid.IssueCodeRequest']>
        title={t.benIssueCode}
        open={issuing}
        onClose={() => setIssuing(false)}
        onDone={() => setIssuing(false)}
        testId="issue-code-modal"
        send={async (body) => {
          const result = await api.POST('/api/v1/aid/benefit-packages/{id}/codes', {
            params: { path: { id } },
            body: { validMinutes: body.validMinutes ?? undefined },
          });
          if (result.data) setCode(result.data);
          return result;
        }}
      >
        {() => (
          <Form.Item name="validMinutes" label={t.benValidMinutes} initialValue={30}>
            <InputNumber id="code-validMinutes" min={1} max={1440} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
      </ActionModal>
      <IssuedCode code={code} onClose={() => setCode(null)} />
    </Space>
  );
}

/** The code, shown once: large text and a QR code of it, with its expiry. */
function IssuedCode({ code, onClose }: { code: Code | null; onClose: () => void }) {
  const { t } = useI18n();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    setImage(null);
    if (code) void QRCode.toDataURL(code.code, { width: 320, margin: 1, errorCorrectionLevel: 'M' }).then(setImage);
  }, [code]);
  return (
    <Modal
      title={t.benCodeTitle}
      open={Boolean(code)}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="code-close">
          {t.benCodeClose}
        </Button>
      }
    >
      {code && (
        <Space direction="vertical" align="center" style={{ width: '100%' }}>
          <Typography.Title level={2} copyable={{ text: code.code }} style={{ fontFamily: 'monospace', letterSpacing: 2, margin: 0 }}>
            <span data-testid="issued-code">{code.code}</span>
          </Typography.Title>
          {image && <img src={image} alt={code.code} style={{ width: 200, height: 200 }} />}
          <span>
            {t.benCodeExpires} {chinaDateTime(code.expiresAt)}
          </span>
          <Alert type="info" showIcon message={t.benCodeHint} />
        </Space>
      )}
    </Modal>
  );
}
