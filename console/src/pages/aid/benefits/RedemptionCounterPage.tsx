import { useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  AutoComplete,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
  type InputRef,
} from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { api, problemOf, type Problem, type Schemas } from '../../../api/client';
import { chinaDateTime } from '../../../format';
import { useI18n } from '../../../i18n';
import { showProblemOnForm } from '../../../problems';
import { counterServicePoint, ITEM_KINDS } from './benefits-kit';
import { useKnownServicePoints } from './BenefitPackagesPage';

type Redeem = Schemas['aid.RedeemRequest'];
type Redemption = Schemas['aid.RedemptionView'];
type Outcome = { at: string; code: string; request: Redeem } & (
  { ok: true; redemption: Redemption; packageName?: string } | { ok: false; problem: Problem }
);

/**
 * 帮扶核销 at a service point: the officer types (or scans) the member's one-time code and sees it
 * accepted — what was redeemed and what is left of the period's quota — or refused with the API's
 * reason (unknown, expired, used, quota used up, wrong service point…). The service point is remembered.
 */
export function RedemptionCounterPage() {
  const { t, label } = useI18n();
  const [form] = Form.useForm<Redeem>();
  const codeInput = useRef<InputRef>(null);
  const servicePoints = useKnownServicePoints();
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const last = outcomes[0];
  /** The API's title, except where it is the generic one of its status: then the counter's own words for the rule. */
  const refusalHeadline = (problem: Problem) => {
    const slug = problem.type?.split('/').pop();
    if (slug === 'quota-used-up') return t.benQuotaUsedUp;
    if (slug === 'package-not-in-force') return t.benNotInForce;
    return problem.title ?? String(problem.status);
  };

  const redeem = async (values: Redeem) => {
    setBusy(true);
    const request: Redeem = {
      ...values,
      servicePoint: values.servicePoint.trim(),
      code: values.code.trim(),
      quantity: values.quantity ?? 1,
    };
    counterServicePoint.set(request.servicePoint);
    const { data, error, response } = await api.POST('/api/v1/aid/benefit-redemptions', { body: request });
    if (response.status === 401) return setBusy(false);
    // A refusal carries no time of its own: the browser's clock, as China wall-clock time (an acceptance has redeemedAt).
    const at = new Date(Date.now() + 8 * 3600_000).toISOString();
    let outcome: Outcome;
    if (data) {
      const pkg = await api.GET('/api/v1/aid/benefit-packages/{id}', { params: { path: { id: data.packageId } } });
      outcome = { at: data.redeemedAt, code: request.code, request, ok: true, redemption: data, packageName: pkg.data?.name };
      form.setFieldsValue({ code: '' });
    } else {
      const problem = problemOf(error, response.status);
      showProblemOnForm(form, problem);
      outcome = { at, code: request.code, request, ok: false, problem };
    }
    setBusy(false);
    setOutcomes((list) => [outcome, ...list].slice(0, 20));
    codeInput.current?.focus({ cursor: 'all' });
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card title={t.benCounter} size="small">
          <Typography.Paragraph type="secondary">{t.benCounterHint}</Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) => void redeem(v)}
            initialValues={{ servicePoint: counterServicePoint.get(), itemKind: 'charity-shop-item', quantity: 1 }}
            data-testid="counter-form"
          >
            <Form.Item name="servicePoint" label={t.benServicePoint} rules={[{ required: true, whitespace: true }]}>
              <AutoComplete
                id="counter-servicePoint"
                options={servicePoints.map((p) => ({ value: p }))}
                filterOption={(input, option) => String(option?.value ?? '').includes(input)}
                maxLength={100}
              />
            </Form.Item>
            <Row gutter={8}>
              <Col span={16}>
                <Form.Item name="itemKind" label={t.benItemKind} rules={[{ required: true }]}>
                  <Select id="counter-itemKind" options={ITEM_KINDS.map((v) => ({ value: v, label: label(v, 'benefitItem') }))} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="quantity" label={t.benQuantity}>
                  <InputNumber id="counter-quantity" min={1} max={1000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="code" label={t.benCode} rules={[{ required: true, whitespace: true }]}>
              <Input
                id="counter-code"
                ref={codeInput}
                size="large"
                autoFocus
                autoComplete="off"
                placeholder={t.benCodePlaceholder}
                maxLength={40}
                style={{ fontFamily: 'monospace', letterSpacing: 1, textTransform: 'uppercase' }}
                onChange={() => form.setFields([{ name: 'code', errors: [] }])}
              />
            </Form.Item>
            <Button type="primary" size="large" htmlType="submit" block loading={busy} data-testid="counter-redeem">
              {t.benRedeem}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        {last && (
          <Card size="small" data-testid="counter-outcome">
            {last.ok ? (
              <Result
                status="success"
                icon={<CheckCircleOutlined />}
                title={<span data-testid="redemption-accepted">{t.benAccepted}</span>}
                subTitle={
                  <span data-testid="redemption-what">
                    {label(last.redemption.itemKind, 'benefitItem')} × {last.redemption.quantity} · {last.redemption.servicePoint}
                    {last.packageName && (
                      <>
                        {' · '}
                        <Link to={`/aid/benefit-packages/${last.redemption.packageId}`}>{last.packageName}</Link>
                      </>
                    )}
                  </span>
                }
                extra={
                  <Row gutter={16} justify="center">
                    <Col>
                      <div data-testid="redemption-remaining">
                        <Statistic
                          title={t.benLeftInPeriod}
                          value={last.redemption.remaining}
                          valueStyle={{ color: last.redemption.remaining === 0 ? '#c8102e' : undefined }}
                        />
                      </div>
                    </Col>
                    <Col>
                      <Statistic title={t.benPeriodFrom} value={last.redemption.periodStart} />
                    </Col>
                  </Row>
                }
              />
            ) : (
              <Result
                status="error"
                icon={<CloseCircleOutlined />}
                title={<span data-testid="redemption-refused">{`${t.benRefused}${refusalHeadline(last.problem)}`}</span>}
                subTitle={
                  <span data-testid="redemption-reason">
                    {last.problem.detail ?? (last.problem.errors ?? []).map((e) => e.message).join('；')}
                  </span>
                }
              />
            )}
          </Card>
        )}
        {outcomes.length > 0 && (
          <Card size="small" title={t.benLastResults} style={{ marginTop: 16 }}>
            <Table<Outcome>
              size="small"
              rowKey={(o) => `${o.at}-${o.code}`}
              pagination={false}
              dataSource={outcomes}
              scroll={{ x: 560 }}
              columns={[
                { title: t.benRedeemedAt, dataIndex: 'at', render: chinaDateTime, width: 140 },
                { title: t.benCode, dataIndex: 'code', render: (v: string) => <Typography.Text code>{v.toUpperCase()}</Typography.Text> },
                {
                  title: t.benItemKind,
                  render: (_: unknown, o) => `${label(o.request.itemKind, 'benefitItem')} × ${o.request.quantity ?? 1}`,
                },
                {
                  title: t.status,
                  render: (_: unknown, o) =>
                    o.ok ? (
                      <Tag color="green">{`${t.benAccepted} · ${t.benRemaining} ${o.redemption.remaining}`}</Tag>
                    ) : (
                      <Tag color="red">{refusalHeadline(o.problem)}</Tag>
                    ),
                },
              ]}
            />
          </Card>
        )}
      </Col>
    </Row>
  );
}
