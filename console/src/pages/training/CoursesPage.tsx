import { useCallback, useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Switch, Tag } from 'antd';
import { api, type Schemas } from '../../api/client';
import { CursorTable } from '../../components/CursorTable';
import { UnitSelect } from '../../components/UnitSelect';
import { useI18n } from '../../i18n';
import { FormModal, yuan } from './shared';

type Course = Schemas['training.CourseView'];
type CourseForm = Omit<Schemas['training.CreateCourseRequest'], 'feeFen'> & { feeYuan?: number };

/** 课程超市: the catalogue, searchable by category and words; a course's rules for completion and its certificate. */
export function CoursesPage() {
  const { t, label } = useI18n();
  const [category, setCategory] = useState<Course['category'] | undefined>();
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const [reload, setReload] = useState(0);
  const load = useCallback(
    async (cursor?: string) =>
      (await api.GET('/api/v1/training/courses', { params: { query: { limit: 20, cursor, category, q: q || undefined } } })).data,
    [category, q],
  );
  const levels = ['novice', 'skilled', 'master'].map((v) => ({ value: v, label: label(v) }));
  return (
    <Card
      title={t.trCourses}
      size="small"
      extra={
        <Space wrap>
          <Select
            allowClear
            placeholder={t.trCategory}
            style={{ width: 140 }}
            value={category}
            onChange={setCategory}
            options={(['skills', 'culture-sport', 'certification'] as const).map((v) => ({ value: v, label: label(v, 'course') }))}
          />
          <Input.Search allowClear placeholder={t.search} onSearch={setQ} style={{ width: 180 }} />
          <Button type="primary" onClick={() => setAdding(true)}>
            {t.trAddCourse}
          </Button>
        </Space>
      }
    >
      <CursorTable<Course>
        load={load}
        reloadKey={reload}
        empty={t.trNoCourses}
        testId="courses"
        columns={[
          { title: t.courseTitle, dataIndex: 'title' },
          { title: t.trCategory, dataIndex: 'categoryLabel', render: (v: string) => <Tag>{v}</Tag> },
          { title: t.trProvider, dataIndex: 'provider' },
          { title: t.trFee, render: (_: unknown, c: Course) => (c.freeForMembers ? <Tag color="green">{t.trFree}</Tag> : yuan(c.feeFen)) },
          {
            title: t.trEligibility,
            render: (_: unknown, c: Course) =>
              [c.gigWorkersOnly && t.trGigOnly, c.minSkillLevel && `≥ ${label(c.minSkillLevel)}`].filter(Boolean).join('，') || '—',
          },
          {
            title: t.trCompletion,
            render: (_: unknown, c: Course) =>
              `${t.trAttendance} ≥ ${c.minAttendancePercent}%${c.hasAssessment ? `，${t.trAssessment}` : ''}`,
          },
          {
            title: t.trGrants,
            render: (_: unknown, c: Course) =>
              [c.grantsSkillLevel && label(c.grantsSkillLevel), c.certificateValidMonths && `${c.certificateValidMonths} ${t.trMonths}`]
                .filter(Boolean)
                .join(' · ') || '—',
          },
        ]}
      />
      <FormModal<CourseForm>
        title={t.trAddCourse}
        open={adding}
        draftKey="training.course"
        initialValues={{ freeForMembers: true, minAttendancePercent: 80 }}
        onClose={() => setAdding(false)}
        onDone={() => {
          setAdding(false);
          setReload((n) => n + 1);
        }}
        send={({ feeYuan, ...body }) =>
          api.POST('/api/v1/training/courses', {
            body: {
              ...body,
              ...(typeof feeYuan === 'number' ? { feeFen: Math.round(feeYuan * 100) } : {}),
            } as Schemas['training.CreateCourseRequest'],
          })
        }
      >
        {() => (
          <>
            <Form.Item name="title" label={t.courseTitle} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="category" label={t.trCategory} rules={[{ required: true }]}>
              <Select
                options={(['skills', 'culture-sport', 'certification'] as const).map((v) => ({ value: v, label: label(v, 'course') }))}
              />
            </Form.Item>
            <Form.Item name="description" label={t.trDescription} rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="provider" label={t.trProvider} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Space wrap>
              <Form.Item name="freeForMembers" label={t.trFreeForMembers} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Form.Item name="feeYuan" label={t.trFeeYuan}>
                <InputNumber min={0} precision={2} />
              </Form.Item>
              <Form.Item name="gigWorkersOnly" label={t.trGigOnly} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Space>
            <Space wrap>
              <Form.Item name="minSkillLevel" label={t.trMinSkillLevel}>
                <Select allowClear style={{ width: 140 }} options={levels} />
              </Form.Item>
              <Form.Item name="minAttendancePercent" label={t.trMinAttendance}>
                <InputNumber min={0} max={100} />
              </Form.Item>
              <Form.Item name="hasAssessment" label={t.trAssessment} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Space>
            <Space wrap>
              <Form.Item name="grantsSkillLevel" label={t.trGrantsSkillLevel}>
                <Select allowClear style={{ width: 140 }} options={levels} />
              </Form.Item>
              <Form.Item name="certificateValidMonths" label={t.trValidMonths}>
                <InputNumber min={1} />
              </Form.Item>
            </Space>
            <Form.Item name="orgUnitId" label={t.orgUnit}>
              <UnitSelect allowClear />
            </Form.Item>
          </>
        )}
      </FormModal>
    </Card>
  );
}
