/**
 * Budget arithmetic (资金): a budget's figures are derived from its immutable ledger entries, and
 * nothing may take more than is available. Pure: no Nest, TypeORM or I/O.
 */

/**
 * One movement of money on one budget. `allocation`: money received (a fund set up, or allocated
 * from the parent); `sub-allocation`: money passed down to a child budget; `reservation`: an
 * approval holds money; `release`: a cancelled approval gives it back; `spend`: a payment spent it.
 */
export type LedgerEntryKind = 'allocation' | 'sub-allocation' | 'reservation' | 'release' | 'spend';
export const LEDGER_ENTRY_KINDS: readonly LedgerEntryKind[] = ['allocation', 'sub-allocation', 'reservation', 'release', 'spend'];

export interface BudgetFigures {
  /** Received, from the fund or the parent. */
  allocatedFen: number;
  /** Passed down to child budgets. */
  allocatedToChildrenFen: number;
  /** Held by approvals not yet paid. */
  reservedFen: number;
  spentFen: number;
  /** allocated − allocated to children − reserved − spent; never below zero. */
  availableFen: number;
}

export const NO_MONEY: BudgetFigures = { allocatedFen: 0, allocatedToChildrenFen: 0, reservedFen: 0, spentFen: 0, availableFen: 0 };

/** What one entry does to the figures. */
export function applyEntry(figures: BudgetFigures, kind: LedgerEntryKind, amountFen: number): BudgetFigures {
  const f = { ...figures };
  switch (kind) {
    case 'allocation':
      f.allocatedFen += amountFen;
      break;
    case 'sub-allocation':
      f.allocatedToChildrenFen += amountFen;
      break;
    case 'reservation':
      f.reservedFen += amountFen;
      break;
    case 'release':
      f.reservedFen -= amountFen;
      break;
    case 'spend':
      f.reservedFen -= amountFen;
      f.spentFen += amountFen;
      break;
  }
  f.availableFen = f.allocatedFen - f.allocatedToChildrenFen - f.reservedFen - f.spentFen;
  return f;
}

/** The figures a ledger adds up to, in the ledger's order. */
export function figuresOf(entries: readonly { kind: LedgerEntryKind; amountFen: number }[]): BudgetFigures {
  return entries.reduce((f, e) => applyEntry(f, e.kind, e.amountFen), NO_MONEY);
}

/** Figures from per-kind totals (what a SUM … GROUP BY kind answers). */
export function figuresFromTotals(totals: Partial<Record<LedgerEntryKind, number>>): BudgetFigures {
  return LEDGER_ENTRY_KINDS.reduce((f, kind) => applyEntry(f, kind, totals[kind] ?? 0), NO_MONEY);
}

/** A positive whole number of fen that a JavaScript number holds exactly. */
export function isAmountFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

export type TakeRefusal = { reason: 'not-an-amount' } | { reason: 'insufficient'; availableFen: number; requestedFen: number };

/**
 * Whether `amountFen` may be taken (reserved or passed down) from a budget with these figures.
 * The database guards the same rule under concurrency (a guarded UPDATE and a CHECK); this is
 * the rule, and the answer's wording.
 */
export function canTake(figures: Pick<BudgetFigures, 'availableFen'>, amountFen: number): { ok: true } | { ok: false; refusal: TakeRefusal } {
  if (!isAmountFen(amountFen)) return { ok: false, refusal: { reason: 'not-an-amount' } };
  if (amountFen > figures.availableFen) return { ok: false, refusal: { reason: 'insufficient', availableFen: figures.availableFen, requestedFen: amountFen } };
  return { ok: true };
}

const SEGMENT = /^[0-9a-f]{32}$/;

/** The unit id a path ends with (`/<city>/<district>/` → district's id, dashed), or null for a path that is not one. */
export function unitIdOfPath(path: string): string | null {
  if (!/^\/([0-9a-f]{32}\/)+$/.test(path)) return null;
  const segments = path.split('/').filter(Boolean);
  const last = segments[segments.length - 1];
  if (!SEGMENT.test(last)) return null;
  return `${last.slice(0, 8)}-${last.slice(8, 12)}-${last.slice(12, 16)}-${last.slice(16, 20)}-${last.slice(20)}`;
}

/** A child budget belongs to a unit strictly below the parent's (city → district → street). */
export function isBelow(parentPath: string, childPath: string): boolean {
  return childPath.length > parentPath.length && childPath.startsWith(parentPath);
}

/** A budget covers an application of its own unit or of any unit below it. */
export function covers(budgetPath: string, unitPath: string): boolean {
  return unitPath.startsWith(budgetPath);
}
