import { useState } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { problemOf, type Problem } from '../api/client';
import { showProblemOnForm } from '../problems';

/**
 * An action of a record (转接, 退会, …) as a small form in a dialog: the API's field errors show on
 * the fields, any other problem (e.g. 409 naming the current state) above them; nothing typed is lost.
 */
export function ActionModal<T extends object>(props: {
  title: string;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
  send: (values: T) => Promise<{ error?: unknown; response: Response }>;
  children: (form: FormInstance<T>) => React.ReactNode;
  okText?: string;
  testId?: string;
}) {
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    const { error: problem, response } = await props.send(values);
    setBusy(false);
    if (response.ok) {
      setError(null);
      form.resetFields();
      props.onDone();
      return;
    }
    setError(showProblemOnForm(form, problemOf(problem, response.status) as Problem));
  };
  return (
    <Modal title={props.title} open={props.open} onCancel={props.onClose} onOk={() => void submit()} confirmLoading={busy} okText={props.okText} destroyOnHidden={false} data-testid={props.testId}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        {props.children(form)}
      </Form>
    </Modal>
  );
}
