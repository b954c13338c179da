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

export function hasRole(principal: Principal, ...anyOf: Role[]): boolean {
  return principal.roles.includes('federation-admin') || anyOf.some((r) => principal.roles.includes(r));
}

/** True when a record at `recordPath` lies inside the principal's subtree. */
export function inScope(principal: Pick<Principal, 'scopePath'>, recordPath: string): boolean {
  return recordPath.startsWith(principal.scopePath);
}

/** SQL LIKE pattern matching every path inside the principal's subtree. */
export function scopeLikePattern(principal: Pick<Principal, 'scopePath'>): string {
  return principal.scopePath.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}
