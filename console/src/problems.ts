import type { FormInstance } from 'antd';
import type { Problem } from './api/client';

export type FieldPath = (string | number)[];

/** An API field name as a form's name path: `scores[0].score` → ['scores', 0, 'score'], `entitlements[1]` → ['entitlements', 1]. */
export function fieldPath(field: string): FieldPath {
  return field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Which of the form's inputs (their name paths) shows an API field error: the input of that name; else, for a
 * list line (`entitlements[1]`) or a part of one the form has no input for (`scores[0].criterion`), the line's
 * last input; else the nearest enclosing input (`address.city` on `address`). Null when none fits.
 */
export function inputFor(field: string, inputs: readonly FieldPath[]): FieldPath | null {
  const path = fieldPath(field);
  const within = (input: FieldPath, prefix: FieldPath) => prefix.every((part, i) => input[i] === part);
  for (let n = path.length; n > 0; n--) {
    const prefix = path.slice(0, n);
    const exact = inputs.find((input) => input.length === n && within(input, prefix));
    if (exact) return exact;
    const inLine = typeof prefix[n - 1] === 'number' ? inputs.filter((input) => within(input, prefix)) : [];
    if (inLine.length > 0) return inLine[inLine.length - 1];
  }
  return null;
}

/**
 * Put a problem's field errors (errors[].field, e.g. "nationalId" or "scores[0].score") on the form's inputs;
 * what does not match an input comes back as one line for a message (null when every error found its input).
 */
export function showProblemOnForm(form: FormInstance, problem: Problem): string | null {
  const registered = form.getFieldsError().map((f) => f.name);
  // A list (Form.List) is registered too, with its lines' inputs under it: only the inputs themselves show errors.
  const inputs = registered.filter(
    (name) => !registered.some((other) => other.length > name.length && name.every((p, i) => other[i] === p)),
  );
  const byInput = new Map<string, { name: FieldPath; errors: string[] }>();
  const rest: NonNullable<Problem['errors']> = [];
  for (const e of problem.errors ?? []) {
    const name = inputFor(e.field, inputs);
    if (!name) {
      rest.push(e);
      continue;
    }
    const key = JSON.stringify(name);
    byInput.set(key, { name, errors: [...(byInput.get(key)?.errors ?? []), e.message] });
  }
  form.setFields([...byInput.values()]);
  if (byInput.size > 0 && rest.length === 0) return null;
  return [problem.detail ?? problem.title, ...rest.map((e) => `${e.field}: ${e.message}`)].filter(Boolean).join('；');
}
