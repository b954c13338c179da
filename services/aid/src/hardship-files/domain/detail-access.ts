import type { Role } from '@gonghui/auth';
import type { HouseholdVisitFacts } from './hardship-file';

/**
 * Who may see the sensitive part of a hardship file, as pure rules. The household visit's
 * income (amount and sources), health, housing and children's schooling describe a family's
 * poverty and illness: they are shown only to a hardship case worker (帮扶个案工作者) who
 * states why, and each such view is logged. Everyone else who may read the file (any aid
 * officer, the federation administrator) gets it without them, and a flag saying so.
 *
 * The role is held by name: the federation administrator, who implicitly holds every
 * programme's officer role, does not implicitly see a family's health and income, as they do
 * not implicitly reveal a resident ID (`personal-data-viewer`).
 */
export const HARDSHIP_DETAILS_ROLE: Role = 'hardship-case-worker';

/** Roles that may read the log of who viewed a file's details: the aid desk's officers (the federation administrator holds that role implicitly). */
export const DETAIL_ACCESS_LOG_ROLES: readonly Role[] = ['aid-officer'];

export const MAX_REASON_LENGTH = 500;

/** The sensitive part of a household visit: encrypted at rest, shown only through a logged view. */
export interface HardshipDetails {
  monthlyHouseholdIncomeFen: number;
  incomeSources: string;
  housing: string;
  health: string;
  childrenSchooling: string;
}

/** What any reader of the file sees of the visit: when it took place and how many people the household has. */
export interface VisitSummary {
  visitedOn: string;
  householdSize: number;
}

export const DETAIL_FIELDS = ['monthlyHouseholdIncomeFen', 'incomeSources', 'housing', 'health', 'childrenSchooling'] as const satisfies readonly (keyof HardshipDetails)[];

export interface Viewer {
  roles: readonly Role[];
}

export interface ReasonError {
  field: 'reason';
  message: string;
}

/**
 * What one read of one file shows:
 * - `show`: the details, after the view is logged with the (trimmed) reason;
 * - `withhold`: the file without its details; nothing was seen, nothing is logged;
 * - `refuse`: a case worker who gave no usable reason (a 400): no view without a why.
 */
export type DetailAccess = { outcome: 'show'; reason: string } | { outcome: 'withhold' } | { outcome: 'refuse'; error: ReasonError };

/** True when the viewer holds the case-worker role by name (the administrator's implicit roles do not count). */
export function mayViewHardshipDetails(viewer: Viewer): boolean {
  return viewer.roles.includes(HARDSHIP_DETAILS_ROLE);
}

/** True when the viewer may read who viewed a file's details and why. */
export function mayReadDetailAccessLog(viewer: Viewer): boolean {
  return viewer.roles.includes('federation-admin') || viewer.roles.some((r) => DETAIL_ACCESS_LOG_ROLES.includes(r));
}

/** The decision for one read of a file by `viewer`, who gave `reason` (or none). */
export function decideDetailAccess(viewer: Viewer, reason: string | undefined): DetailAccess {
  if (!mayViewHardshipDetails(viewer)) return { outcome: 'withhold' };
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed === '') {
    return { outcome: 'refuse', error: { field: 'reason', message: '查看困难档案详情须说明理由 / Viewing the details of a hardship file needs a reason' } };
  }
  if (trimmed.length > MAX_REASON_LENGTH || hasControlCharacter(trimmed)) {
    return { outcome: 'refuse', error: { field: 'reason', message: `理由须为不超过 ${MAX_REASON_LENGTH} 字的文本 / reason must be text of at most ${MAX_REASON_LENGTH} characters` } };
  }
  return { outcome: 'show', reason: trimmed };
}

/** A control character other than tab and line breaks (NUL included, which Postgres text cannot hold). */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/** Split a visit into what anyone reading the file sees and what only a logged view shows. */
export function splitVisit(visit: HouseholdVisitFacts): { summary: VisitSummary; details: HardshipDetails } {
  return {
    summary: { visitedOn: visit.visitedOn, householdSize: visit.householdSize },
    details: {
      monthlyHouseholdIncomeFen: visit.monthlyHouseholdIncomeFen,
      incomeSources: visit.incomeSources,
      housing: visit.housing,
      health: visit.health,
      childrenSchooling: visit.childrenSchooling,
    },
  };
}
