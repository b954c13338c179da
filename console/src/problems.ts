import type { FormInstance } from 'antd';
import type { Problem } from './api/client';

/**
 * Put a problem's field errors (errors[].field, e.g. "nationalId") on the form's fields; what does
 * not match a field comes back as one line for a message.
 */
export function showProblemOnForm(form: FormInstance, problem: Problem): string | null {
  const known = new Set(Object.keys(form.getFieldsValue(true)));
  const onFields = (problem.errors ?? []).filter((e) => known.has(e.field.split('.')[0]));
  const byField = new Map<string, string[]>();
  for (const e of onFields) byField.set(e.field.split('.')[0], [...(byField.get(e.field.split('.')[0]) ?? []), e.message]);
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  const rest = (problem.errors ?? []).filter((e) => !onFields.includes(e));
  if (onFields.length > 0 && rest.length === 0) return null;
  return [problem.detail ?? problem.title, ...rest.map((e) => `${e.field}: ${e.message}`)].filter(Boolean).join('；');
}
