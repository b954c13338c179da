import { useEffect, useState } from 'react';
import { Input, Select } from 'antd';
import { api, type Problem, type Schemas } from '../../api/client';
import { useUnitName } from '../../components/UnitSelect';
import { useI18n } from '../../i18n';

export type Application = Schemas['aid.ApplicationView'];
export type Stage = Application['stage'];
export type Budget = Schemas['aid.BudgetView'];

export const STAGES: Stage[] = ['submitted', 'reviewed', 'investigated', 'in-public-notice', 'notice-completed', 'decided', 'approved', 'disbursed', 'followed-up', 'rejected', 'cancelled'];
export const AID_KINDS = ['living', 'medical', 'education', 'emergency'] as const;
export const DOCUMENT_KINDS = ['identity', 'household', 'medical', 'income', 'schooling', 'other'] as const;
export const GRADES = ['deep', 'relative', 'sudden-accident'] as const;

/** An action an officer takes on an application; the API's `allowedActions` says which ones its stage allows now. */
export type StageAction = Application['allowedActions'][number];

/** Integer fen as yuan, e.g. 2650000 → ¥26,500.00. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
/** A yuan amount typed by the officer as integer fen (no float drift: 0.1 + 0.2 yuan is 30 fen). */
export function toFen(yuanValue: number | string | null | undefined): number | undefined {
  if (yuanValue === null || yuanValue === undefined || yuanValue === '') return undefined;
  return Math.round(Number(yuanValue) * 100);
}

/** The forms take yuan (`…Yuan`); the API names the field in fen (`…Fen`): put its errors on the yuan field. */
export function onYuanFields(problem: Problem): Problem {
  return { ...problem, errors: problem.errors?.map((e) => ({ ...e, field: e.field.replace(/Fen$/, 'Yuan') })) };
}

/** A China date typed in the browser's own date field (yyyy-mm-dd, on phones too). */
export function DateInput(props: { value?: string; onChange?: (value: string) => void; id?: string }) {
  return <Input type="date" id={props.id} value={props.value} onChange={(e) => props.onChange?.(e.target.value)} />;
}

export function todayInChina(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The budgets the officer can reserve from (this year's and last year's, with what each has available). */
export function useBudgets(): Budget[] {
  const [budgets, setBudgets] = useState<Budget[]>([]);
  useEffect(() => {
    void api.GET('/api/v1/aid/budgets', { params: { query: { limit: 100 } } }).then(({ data }) => setBudgets(data?.items ?? []));
  }, []);
  return budgets;
}

export function BudgetSelect(props: { value?: string; onChange?: (value: string) => void; id?: string }) {
  const budgets = useBudgets();
  const unitName = useUnitName();
  const { t } = useI18n();
  return (
    <Select
      {...props}
      showSearch
      optionFilterProp="label"
      options={budgets.map((b) => ({ value: b.id, label: `${b.name} · ${unitName(b.orgUnitId)} · ${t.aidAvailable} ${yuan(b.availableFen)}` }))}
    />
  );
}

