import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Card, Descriptions, Input, Result, Space, Spin, Tag, Typography } from 'antd';
import { BankOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { api, type Schemas } from '../../api/client';
import { chinaDay } from '../../format';
import { useI18n } from '../../i18n';

/**
 * 证书查验: anyone (an employer, the holder) checks a training certificate by its code, without
 * logging in. The API answers only the masked name, course, provider, level, dates and validity.
 */
export function VerifyCertificatePage() {
  const { code = '' } = useParams();
  const { t, label, language, setLanguage } = useI18n();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(code);
  const [answer, setAnswer] = useState<{ status: number; data?: Schemas['training.CertificateVerification'] } | null>(null);
  useEffect(() => {
    setTyped(code);
    setAnswer(null);
    if (!code) return;
    void api
      .GET('/api/v1/training/certificates/verify/{code}', { params: { path: { code: code.trim().toUpperCase() } } })
      .then(({ data, response }) => setAnswer({ status: response.status, data }));
  }, [code]);
  return (
    <div
      style={{
        minHeight: '100vh',
        background: '#f5f5f5',
        display: 'flex',
        justifyContent: 'center',
        alignItems: 'flex-start',
        padding: '48px 12px',
      }}
    >
      <Card
        style={{ width: '100%', maxWidth: 560 }}
        title={
          <span>
            <BankOutlined /> {t.trVerifyTitle}
          </span>
        }
        extra={
          <Button size="small" onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}>
            {t.language}
          </Button>
        }
      >
        <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
          <Input
            id="verify-code"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder="GH…"
            onPressEnter={() => typed.trim() && navigate(`/verify/${typed.trim()}`)}
          />
          <Button type="primary" onClick={() => typed.trim() && navigate(`/verify/${typed.trim()}`)} data-testid="verify-submit">
            {t.trVerify}
          </Button>
        </Space.Compact>
        {!code && <Typography.Paragraph type="secondary">{t.trVerifyHint}</Typography.Paragraph>}
        {code && !answer && <Spin />}
        {answer && !answer.data && (
          <Result
            status="warning"
            title={t.trVerifyNotFound}
            subTitle={answer.status === 404 ? t.trVerifyNotFoundHint : String(answer.status)}
            data-testid="verify-not-found"
          />
        )}
        {answer?.data && (
          <div data-testid="verify-result">
            <Result
              style={{ padding: '8px 0 16px' }}
              icon={<SafetyCertificateOutlined style={{ color: answer.data.valid ? '#52c41a' : '#ff4d4f' }} />}
              title={
                answer.data.valid ? (
                  <Tag color="green" style={{ fontSize: 18, padding: '4px 12px' }}>
                    {t.trValid}
                  </Tag>
                ) : (
                  <Tag color="red" style={{ fontSize: 18, padding: '4px 12px' }}>
                    {t.trExpired}
                  </Tag>
                )
              }
            />
            <Descriptions size="small" bordered column={1}>
              <Descriptions.Item label={t.trVerificationCode}>{answer.data.verificationCode}</Descriptions.Item>
              <Descriptions.Item label={t.trHolder}>{answer.data.holderName}</Descriptions.Item>
              <Descriptions.Item label={t.courseTitle}>{answer.data.courseTitle}</Descriptions.Item>
              <Descriptions.Item label={t.trProvider}>{answer.data.provider}</Descriptions.Item>
              <Descriptions.Item label={t.skillLevel}>{answer.data.skillLevel ? label(answer.data.skillLevel) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t.trIssuedOn}>{chinaDay(answer.data.issuedOn)}</Descriptions.Item>
              <Descriptions.Item label={t.trExpiresOn}>{chinaDay(answer.data.expiresOn) || t.trNoExpiry}</Descriptions.Item>
            </Descriptions>
          </div>
        )}
      </Card>
    </div>
  );
}
