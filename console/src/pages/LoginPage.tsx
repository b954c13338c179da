import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { api, tokenStore } from '../api/client';
import { useI18n } from '../i18n';

export function LoginPage({ expired, onLoggedIn }: { expired: boolean; onLoggedIn: () => Promise<void> }) {
  const { t, language, setLanguage } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    const { data, error: problem } = await api.POST('/api/v1/auth/token', { body: values });
    setBusy(false);
    if (!data) return setError((problem as { detail?: string; title?: string })?.detail ?? (problem as { title?: string })?.title ?? 'error');
    tokenStore.set(data.accessToken);
    await onLoggedIn();
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(135deg,#c8102e 0%,#7a0a1c 100%)', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={4} style={{ textAlign: 'center' }}>
          {t.loginTitle}
        </Typography.Title>
        {expired && <Alert type="warning" showIcon message={t.sessionEnded} style={{ marginBottom: 16 }} data-testid="session-ended" />}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t.username} rules={[{ required: true }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" id="username" />
          </Form.Item>
          <Form.Item name="password" label={t.password} rules={[{ required: true }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t.login}
          </Button>
        </Form>
        <Button type="link" block onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')} style={{ marginTop: 8 }}>
          {t.language}
        </Button>
      </Card>
    </div>
  );
}
