import type { Schemas } from '../../../api/client';

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

/** Where this counter stands (remembered in this browser, so a service point's officer picks it once). */
const SERVICE_POINT_KEY = 'gonghui.benefit-counter.service-point';
export const counterServicePoint = {
  get: () => localStorage.getItem(SERVICE_POINT_KEY) ?? undefined,
  set: (value: string) => localStorage.setItem(SERVICE_POINT_KEY, value),
};
