import { useEffect, useRef, useState } from 'react';
import { Alert, App, Form, Modal, Select, type FormInstance } from 'antd';
import { api, problemOf, type Member } from '../../api/client';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n';
import { showProblemOnForm } from '../../problems';

/** Money is integer fen in the API: shown as yuan with two decimals. */
export function yuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined
    ? '—'
    : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/**
 * A form in a dialog that keeps what the officer typed (sessionStorage draft under `draftKey`) until
 * the API accepts it: field errors land on their fields, any other problem above them.
 */
export function FormModal<T extends object>(props: {
  title: string;
  open: boolean;
  onClose: () => void;
  onDone: (answer: unknown) => void;
  send: (values: T) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  children: (form: FormInstance<T>) => React.ReactNode;
  draftKey?: string;
  initialValues?: Partial<T>;
  testId?: string;
  width?: number;
}) {
  const [form] = Form.useForm<T>();
  const draft = useDatedDraft(props.draftKey, form, props.open);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    const { data, error: problem, response } = await props.send(values);
    setBusy(false);
    if (response.ok) {
      setError(null);
      if (props.draftKey) draft.clear();
      form.resetFields();
      props.onDone(data);
      return;
    }
    setError(showProblemOnForm(form, problemOf(problem, response.status)));
  };
  return (
    <Modal
      title={props.title}
      open={props.open}
      onCancel={props.onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      destroyOnHidden={false}
      width={props.width}
      data-testid={props.testId}
      forceRender
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="modal-problem" />}
      <Form form={form} layout="vertical" initialValues={props.initialValues} onValuesChange={() => props.draftKey && draft.save()}>
        {props.children(form)}
      </Form>
    </Modal>
  );
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const revive = (value: unknown): unknown =>
  typeof value === 'string' && INSTANT.test(value)
    ? dayjs(value)
    : Array.isArray(value)
      ? value.map(revive)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]))
        : value;

/** The drafts of `drafts.ts`, in sessionStorage too, but date pickers get their dates back as dates. */
function useDatedDraft(key: string | undefined, form: FormInstance, open: boolean) {
  const storageKey = `gonghui.draft.${key}`;
  useEffect(() => {
    if (!key || !open) return;
    const saved = sessionStorage.getItem(storageKey);
    if (!saved) return;
    try {
      form.setFieldsValue(revive(JSON.parse(saved)) as object);
    } catch {
      sessionStorage.removeItem(storageKey);
    }
  }, [form, key, open, storageKey]);
  return {
    save: () => key && sessionStorage.setItem(storageKey, JSON.stringify(form.getFieldsValue())),
    clear: () => sessionStorage.removeItem(storageKey),
  };
}

/** Runs an action without a form (accept an offer, cancel a booking): its problem as a message. */
export function useAction() {
  const { message } = App.useApp();
  const { t } = useI18n();
  return async (call: () => Promise<{ error?: unknown; response: Response }>, after?: () => void) => {
    const { error, response } = await call();
    if (response.ok) {
      void message.success(t.saved);
      after?.();
    } else {
      const problem = problemOf(error, response.status);
      void message.error(problem.detail ?? problem.title ?? String(response.status));
    }
    return response.ok;
  };
}

/** Pick a member of the officer's subtree by typing part of the name. */
export function MemberSelect(props: { value?: string; onChange?: (value: string) => void; id?: string; status?: 'active' }) {
  const { t } = useI18n();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const search = (name: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const { data } = await api.GET('/api/v1/membership/members', {
        params: { query: { limit: 20, name: name || undefined, status: props.status } },
      });
      const found = (data?.items ?? []).map((m: Member) => ({ value: m.id, label: `${m.name} · ${m.memberNo}` }));
      // An officer without the membership role cannot search: a pasted member id still works.
      const pasted = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(name.trim())
        ? [{ value: name.trim(), label: name.trim() }]
        : [];
      setOptions([...pasted, ...found]);
    }, 250);
  };
  useEffect(() => {
    search('');
    return () => clearTimeout(timer.current);
  }, []);
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      showSearch
      filterOption={false}
      onSearch={search}
      options={options}
      placeholder={t.trMemberSearchHint}
      notFoundContent={t.trNoMemberFound}
    />
  );
}
