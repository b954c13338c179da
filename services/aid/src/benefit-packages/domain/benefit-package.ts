import type { BenefitItemKind, BenefitPeriod } from '@gonghui/contracts';

/**
 * Rules of a recurring in-kind benefit package (常态化帮扶): which period a China date falls in,
 * whether the package is in force, and what a redemption leaves of a period's quota. Pure, no I/O.
 * Dates are China calendar dates, `YYYY-MM-DD`.
 */

export const ITEM_KIND_LABELS: Record<BenefitItemKind, { zh: string; en: string }> = {
  'nursery-place': { zh: '托育名额', en: 'nursery place' },
  'charity-shop-item': { zh: '爱心超市物品', en: 'charity-shop item' },
  laundry: { zh: '免费洗衣', en: 'laundry' },
  haircut: { zh: '免费理发', en: 'haircut' },
  counselling: { zh: '心理咨询', en: 'counselling' },
  meal: { zh: '爱心餐', en: 'meal' },
  other: { zh: '其他', en: 'other' },
};

export const PERIOD_LABELS: Record<BenefitPeriod, { zh: string; en: string }> = {
  week: { zh: '每周', en: 'a week' },
  month: { zh: '每月', en: 'a month' },
  quarter: { zh: '每季度', en: 'a quarter' },
  year: { zh: '每年', en: 'a year' },
  package: { zh: '整个帮扶期', en: 'the whole package' },
};

export interface PeriodWindow {
  /** First day of the period (YYYY-MM-DD): the key the quota is counted under. */
  start: string;
  /** Last day of the period (YYYY-MM-DD), inclusive. */
  end: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

/** A real calendar date in YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const [y, m, d] = parts(value);
  return iso(y, m, d) === value;
}

/**
 * The period of `on` for an entitlement: calendar weeks start on Monday, months, quarters and years
 * on their first day; `package` is the whole package, from `startsOn` to `endsOn`.
 */
export function periodOf(period: BenefitPeriod, on: string, pkg: { startsOn: string; endsOn: string }): PeriodWindow {
  const [y, m, d] = parts(on);
  switch (period) {
    case 'week': {
      const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
      return { start: iso(y, m, d - weekday), end: iso(y, m, d - weekday + 6) };
    }
    case 'month':
      return { start: iso(y, m, 1), end: iso(y, m + 1, 0) };
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { start: iso(y, first, 1), end: iso(y, first + 3, 0) };
    }
    case 'year':
      return { start: iso(y, 1, 1), end: iso(y, 12, 31) };
    case 'package':
      return { start: pkg.startsOn, end: pkg.endsOn };
  }
}

export type PackageState = { inForce: true } | { inForce: false; why: 'not-started' | 'expired' | 'file-closed' };

/** A package is in force from its first to its last day, and only while its hardship file is open. */
export function packageState(pkg: { startsOn: string; endsOn: string; fileOpen: boolean }, today: string): PackageState {
  if (!pkg.fileOpen) return { inForce: false, why: 'file-closed' };
  if (today < pkg.startsOn) return { inForce: false, why: 'not-started' };
  if (today > pkg.endsOn) return { inForce: false, why: 'expired' };
  return { inForce: true };
}

/**
 * What a redemption of `quantity` leaves of a period's quota; refused when it would go beyond it.
 * The database applies the same rule in one guarded UPDATE, which is what holds under concurrency.
 */
export function redeem(quota: number, used: number, quantity: number): { ok: true; used: number; remaining: number } | { ok: false; remaining: number } {
  const remaining = Math.max(0, quota - used);
  if (quantity < 1 || quantity > remaining) return { ok: false, remaining };
  return { ok: true, used: used + quantity, remaining: remaining - quantity };
}

export interface EntitlementInput {
  itemKind: BenefitItemKind;
  period: BenefitPeriod;
  servicePoint: string;
}

/** One entitlement per item kind and service point: two lines for the same would split one quota in two. */
export function duplicateEntitlements(entitlements: EntitlementInput[]): number[] {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  entitlements.forEach((e, i) => {
    const key = `${e.itemKind}\u0000${e.servicePoint.trim()}`;
    if (seen.has(key)) duplicates.push(i);
    seen.add(key);
  });
  return duplicates;
}
