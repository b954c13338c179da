import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, AutoComplete, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api, problemOf, type Schemas } from '../../../api/client';
import { CursorTable } from '../../../components/CursorTable';
import { MemberName } from '../../../components/MemberName';
import { useMemberNames } from '../../../components/memberNames';
import { useUnitName } from '../../../components/UnitSelect';
import { chinaDateTime } from '../../../format';
import { useI18n } from '../../../i18n';
import { showProblemOnForm } from '../../../problems';
import { DateInput, todayInChina } from '../aid-kit';
import { ITEM_KINDS, PACKAGE_STATUS_COLOURS, PERIODS, type BenefitPackage } from './benefits-kit';

type HardshipFile = Schemas['aid.HardshipFileView'];
type NewPackage = Schemas['aid.GrantPackageRequest'];

/** 常态化帮扶: the packages of the officer's subtree with this period's use, and a new package for a hardship file. */
export function BenefitPackagesPage() {
  const { t, label } = useI18n();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const [params, setParams] = useSearchParams();
  const fileId = params.get('fileId') ?? undefined;
  const [creating, setCreating] = useState(Boolean(fileId));
  const load = useCallback(
    async (cursor?: string) => (await api.GET('/api/v1/aid/benefit-packages', { params: { query: { limit: 20, cursor } } })).data,
    [],
  );
  return (
    <Card
      title={t.benPackages}
      size="small"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-package">
          {t.benNewPackage}
        </Button>
      }
    >
      <CursorTable<BenefitPackage>
        load={load}
        empty={t.benNoPackages}
        testId="packages"
        onRow={(p) => ({ onClick: () => navigate(`/aid/benefit-packages/${p.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t.benName, dataIndex: 'name' },
          { title: t.orgUnit, dataIndex: 'orgUnitId', render: (v: string) => unitName(v) },
          { title: t.benMember, dataIndex: 'memberId', render: (v: string) => <MemberName id={v} /> },
          { title: t.benPeriodOfPackage, render: (_: unknown, p) => `${p.startsOn} ~ ${p.endsOn}`, width: 190 },
          {
            title: t.benStatus,
            dataIndex: 'status',
            render: (v: BenefitPackage['status']) => <Tag color={PACKAGE_STATUS_COLOURS[v]}>{label(v, 'packageStatus')}</Tag>,
          },
          {
            title: t.benUsage,
            render: (_: unknown, p) => (
              <Space size={[4, 4]} wrap>
                {p.entitlements.map((e) => (
                  <Tag key={e.id} color={e.remaining === 0 ? 'red' : undefined}>
                    {label(e.itemKind, 'benefitItem')} {e.used}/{e.quantityPerPeriod}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t.benCreatedAt, dataIndex: 'createdAt', render: chinaDateTime, width: 150 },
        ]}
      />
      <NewPackageModal
        open={creating}
        fileId={fileId}
        onClose={() => {
          setCreating(false);
          if (fileId) setParams({});
        }}
        onCreated={(id) => navigate(`/aid/benefit-packages/${id}`)}
      />
    </Card>
  );
}

/** The service points already named in the subtree's packages, offered as the officer types one. */
export function useKnownServicePoints(): string[] {
  const [points, setPoints] = useState<string[]>([]);
  useEffect(() => {
    void api
      .GET('/api/v1/aid/benefit-packages', { params: { query: { limit: 200 } } })
      .then(({ data }) => setPoints([...new Set((data?.items ?? []).flatMap((p) => p.entitlements.map((e) => e.servicePoint)))].sort()));
  }, []);
  return points;
}

/** Set up a package: the file, the dates and one line per entitlement; the API's errors on their fields (a line's on that line). */
function NewPackageModal(props: { open: boolean; fileId?: string; onClose: () => void; onCreated: (id: string) => void }) {
  const { t, label } = useI18n();
  const unitName = useUnitName();
  const [form] = Form.useForm<NewPackage>();
  const [files, setFiles] = useState<HardshipFile[]>([]);
  const memberName = useMemberNames(files.map((f) => f.memberId));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const servicePoints = useKnownServicePoints();
  useEffect(() => {
    if (!props.open) return;
    void api
      .GET('/api/v1/aid/hardship-files', { params: { query: { status: 'open', limit: 500 } } })
      .then(({ data }) => setFiles(data?.items ?? []));
    if (props.fileId) form.setFieldsValue({ hardshipFileId: props.fileId });
  }, [props.open, props.fileId, form]);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    const body: NewPackage = { ...values, name: values.name?.trim(), entitlements: values.entitlements ?? [] };
    const { data, error: problem, response } = await api.POST('/api/v1/aid/benefit-packages', { body });
    setBusy(false);
    if (response.status === 401) return;
    if (!data) return setError(showProblemOnForm(form, problemOf(problem, response.status)));
    form.resetFields();
    props.onCreated(data.id);
  };

  return (
    <Modal
      title={t.benNewPackage}
      open={props.open}
      onCancel={props.onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      width={760}
      data-testid="package-modal"
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="package-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          startsOn: todayInChina(),
          entitlements: [{ itemKind: 'charity-shop-item', quantityPerPeriod: 1, period: 'month', servicePoint: '' }],
        }}
      >
        <Form.Item name="hardshipFileId" label={t.benFile} rules={[{ required: true }]}>
          <Select
            id="package-file"
            showSearch
            optionFilterProp="label"
            options={files.map((f) => ({
              value: f.id,
              label: `${unitName(f.orgUnitId)} · ${label(f.cause)} · ${f.grade ? label(f.grade, 'grade') : t.aidUngraded} · ${memberName(f.memberId)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t.benName} rules={[{ required: true }]}>
          <Input id="package-name" maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startsOn" label={t.benStartsOn} rules={[{ required: true }]}>
            <DateInput id="package-startsOn" />
          </Form.Item>
          <Form.Item name="endsOn" label={t.benEndsOn} rules={[{ required: true }]}>
            <DateInput id="package-endsOn" />
          </Form.Item>
        </Space>
        <Form.Item label={t.benEntitlements} required>
          <Form.List name="entitlements">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Row key={field.key} gutter={8} align="top" data-testid={`entitlement-${field.name}`}>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[field.name, 'itemKind']} rules={[{ required: true }]}>
                        <Select
                          id={`ent-${field.name}-itemKind`}
                          aria-label={t.benItemKind}
                          options={ITEM_KINDS.map((v) => ({ value: v, label: label(v, 'benefitItem') }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={5} sm={3}>
                      <Form.Item name={[field.name, 'quantityPerPeriod']} rules={[{ required: true }]}>
                        <InputNumber
                          id={`ent-${field.name}-quantity`}
                          aria-label={t.benQuantityPerPeriod}
                          min={1}
                          max={1000}
                          precision={0}
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={7} sm={5}>
                      <Form.Item name={[field.name, 'period']} rules={[{ required: true }]}>
                        <Select
                          id={`ent-${field.name}-period`}
                          aria-label={t.benPeriod}
                          options={PERIODS.map((v) => ({ value: v, label: label(v, 'benefitPeriod') }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={21} sm={9}>
                      <Form.Item name={[field.name, 'servicePoint']} rules={[{ required: true, whitespace: true }]}>
                        <AutoComplete
                          id={`ent-${field.name}-servicePoint`}
                          placeholder={t.benServicePoint}
                          options={servicePoints.map((p) => ({ value: p }))}
                          filterOption={(input, option) => String(option?.value ?? '').includes(input)}
                          maxLength={100}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={3} sm={1} style={{ paddingTop: 6 }}>
                      {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="remove" />}
                    </Col>
                  </Row>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ quantityPerPeriod: 1, period: 'month' })}
                  data-testid="add-entitlement"
                >
                  {t.benAddEntitlement}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
