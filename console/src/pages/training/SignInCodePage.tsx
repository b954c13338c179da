import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Result, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { api, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n';

/**
 * The classroom's sign-in QR code, full screen on the projector: the API rotates the code every 30 s,
 * so the page fetches the next one a second before the current one expires (the previous window's
 * code is still accepted, so a slow fetch never locks a trainee out).
 */
export function SignInCodePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [code, setCode] = useState<Schemas['training.AttendanceCodeView'] | null>(null);
  const [image, setImage] = useState<string | null>(null);
  const [failed, setFailed] = useState<number | null>(null);
  const [title, setTitle] = useState('');
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    void api.GET('/api/v1/training/sessions/{id}', { params: { path: { id } } }).then(({ data }) => setTitle(data?.courseTitle ?? ''));
  }, [id]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const fetchCode = async () => {
      const { data, response } = await api.GET('/api/v1/training/sessions/{id}/attendance-code', { params: { path: { id } } });
      if (stopped) return;
      if (!data) {
        setFailed(response.status);
        timer = setTimeout(() => void fetchCode(), 5_000);
        return;
      }
      setFailed(null);
      setCode(data);
      setImage(await QRCode.toDataURL(data.qrPayload, { width: 640, margin: 1, errorCorrectionLevel: 'M' }));
      // Bounded, so that a wrong clock on the classroom PC neither floods the API nor shows a stale code.
      const untilExpiry = Date.parse(data.expiresAt) - Date.now() - 1_000;
      timer = setTimeout(() => void fetchCode(), Math.min(30_000, Math.max(2_000, untilExpiry)));
    };
    void fetchCode();
    const tick = setInterval(() => setNow(Date.now()), 1_000);
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearInterval(tick);
    };
  }, [id]);

  const secondsLeft = code ? Math.max(0, Math.ceil((Date.parse(code.expiresAt) - now) / 1000)) : 0;
  return (
    <div
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 1000,
        background: '#fff',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
      }}
      data-testid="sign-in-qr"
    >
      <Button
        icon={<CloseOutlined />}
        style={{ position: 'absolute', top: 16, right: 16 }}
        onClick={() => navigate(`/training/sessions/${id}`)}
        aria-label={t.trClose}
      >
        {t.trClose}
      </Button>
      <Typography.Title level={2} style={{ margin: 0, textAlign: 'center' }}>
        {title}
      </Typography.Title>
      <Typography.Text type="secondary">{t.trScanToSignIn}</Typography.Text>
      {failed !== null ? (
        <Result status="warning" title={t.trCodeUnavailable} subTitle={String(failed)} />
      ) : (
        image && (
          <img
            src={image}
            alt={code?.qrPayload}
            data-testid="qr-image"
            style={{ width: 'min(70vh, 90vw)', height: 'min(70vh, 90vw)', imageRendering: 'pixelated' }}
          />
        )
      )}
      {code && (
        <Typography.Text style={{ fontSize: 28, letterSpacing: 8 }} data-testid="qr-code">
          {code.code}
        </Typography.Text>
      )}
      {code && (
        <Typography.Text type="secondary">
          {t.trRefreshesIn} {secondsLeft}s
        </Typography.Text>
      )}
    </div>
  );
}
