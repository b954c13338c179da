import { Role } from './roles';

/** What a verified token says about the caller. */
export interface Principal {
  userId: string;
  username: string;
  roles: Role[];
  /** The organisation unit the user belongs to; null for the federation-wide administrator. */
  orgUnitId: string | null;
  /**
   * The subtree the user may see and change: the materialised path of their unit
   * (`/<unit>/<unit>/`), or `/` for the whole federation.
   */
  scopePath: string;
}

/**
 * Roles that nobody holds implicitly, not even the federation administrator: they must be
 * granted by name. Seeing a member's full resident ID is a personal duty, logged per person.
 */
export const EXPLICIT_ONLY_ROLES: readonly Role[] = ['personal-data-viewer', 'hardship-case-worker'];

/** True when the principal holds one of the roles; a federation administrator holds every role except the explicit-only ones. */
export function hasRole(principal: Pick<Principal, 'roles'>, ...anyOf: Role[]): boolean {
  const admin = principal.roles.includes('federation-admin');
  return anyOf.some((r) => principal.roles.includes(r) || (admin && !EXPLICIT_ONLY_ROLES.includes(r)));
}

/** True when a record at `recordPath` lies inside the principal's subtree. */
export function inScope(principal: Pick<Principal, 'scopePath'>, recordPath: string): boolean {
  return recordPath.startsWith(principal.scopePath);
}

/** SQL LIKE pattern matching every path inside the principal's subtree. */
export function scopeLikePattern(principal: Pick<Principal, 'scopePath'>): string {
  return principal.scopePath.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}
