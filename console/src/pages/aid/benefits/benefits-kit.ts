import type { FormInstance } from 'antd';
import type { Problem, Schemas } from '../../../api/client';
import { showProblemOnForm } from '../../../problems';

export type BenefitPackage = Schemas['aid.PackageView'];
export type Entitlement = Schemas['aid.EntitlementView'];
export type ItemKind = Entitlement['itemKind'];
export type BenefitPeriod = Entitlement['period'];
export type PackageStatus = BenefitPackage['status'];

/** The aid service's item kinds and periods (libs/contracts BENEFIT_ITEM_KINDS, BENEFIT_PERIODS), in the order the forms offer them. */
export const ITEM_KINDS: ItemKind[] = ['charity-shop-item', 'nursery-place', 'laundry', 'haircut', 'counselling', 'meal', 'other'];
export const PERIODS: BenefitPeriod[] = ['week', 'month', 'quarter', 'year', 'package'];
export const PACKAGE_STATUS_COLOURS: Record<PackageStatus, string> = {
  active: 'green',
  'not-started': 'blue',
  expired: 'default',
  'file-closed': 'default',
};

/**
 * The API names an entitlement's field `entitlements[1].servicePoint` (and a duplicate line as
 * `entitlements[1]`): put those on the line's own field in the form, the rest as usual (top-level
 * fields, or one line above the form). Returns that line, or null when every error found its field.
 */
export function showPackageProblem(form: FormInstance, problem: Problem): string | null {
  const nested: { name: (string | number)[]; message: string }[] = [];
  const rest = (problem.errors ?? []).filter((e) => {
    const m = /^entitlements\[(\d+)\](?:\.(\w+))?$/.exec(e.field);
    if (!m) return true;
    nested.push({ name: ['entitlements', Number(m[1]), m[2] ?? 'servicePoint'], message: e.message });
    return false;
  });
  form.setFields(nested.map((n) => ({ name: n.name, errors: [n.message] })));
  if (nested.length > 0 && rest.length === 0) return null;
  return showProblemOnForm(form, { ...problem, errors: rest });
}

/** Where this counter stands (remembered in this browser, so a service point's officer picks it once). */
const SERVICE_POINT_KEY = 'gonghui.benefit-counter.service-point';
export const counterServicePoint = {
  get: () => localStorage.getItem(SERVICE_POINT_KEY) ?? undefined,
  set: (value: string) => localStorage.setItem(SERVICE_POINT_KEY, value),
};
