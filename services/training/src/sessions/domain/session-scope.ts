/**
 * Where a session belongs, without I/O. A session belongs to a unit and carries its path. An
 * officer sees the sessions of their subtree and those of the units above them (a course the
 * federation or their district runs is open to their members too), never another district's.
 * An officer opens sessions only in their own subtree.
 */
export interface Scope {
  /** The officer's unit; null for the federation-wide administrator. */
  orgUnitId: string | null;
  /** The officer's subtree, `/<unit>/…/<unit>/`, or `/` for the whole federation. */
  scopePath: string;
}

export interface SessionUnit {
  orgUnitId: string | null;
  orgUnitPath: string;
}

/** Inside the officer's subtree, or on the path from the root down to the officer's unit. */
export function sessionVisibleTo(scope: Pick<Scope, 'scopePath'>, sessionPath: string): boolean {
  return sessionPath.startsWith(scope.scopePath) || scope.scopePath.startsWith(sessionPath);
}

const segment = (id: string) => id.replace(/-/g, '').toLowerCase();

/** The officer's own unit id as their scope path names it (its last segment); null for `/`. */
export function ownUnitSegment(scopePath: string): string | null {
  const parts = scopePath.split('/').filter(Boolean);
  return parts.length > 0 ? parts[parts.length - 1] : null;
}

export type UnitRefusal = { reason: 'unknown-org-unit' };

/**
 * The unit a new session belongs to. Without `requested`, the officer's own unit (the whole
 * federation for the administrator). With it: the officer's own unit, or a unit below it whose
 * path training knows (`knownPath`, from its member directory) and which lies in the subtree.
 * A unit above the officer, in another district, or unknown here is refused alike.
 */
export function unitForNewSession(scope: Scope, requested?: { orgUnitId: string; knownPath: string | null }): SessionUnit | UnitRefusal {
  if (!requested) return { orgUnitId: scope.orgUnitId, orgUnitPath: scope.scopePath };
  if (requested.orgUnitId === scope.orgUnitId || segment(requested.orgUnitId) === ownUnitSegment(scope.scopePath)) {
    return { orgUnitId: requested.orgUnitId, orgUnitPath: scope.scopePath };
  }
  const path = requested.knownPath;
  if (path && path.startsWith(scope.scopePath) && path.endsWith(`/${segment(requested.orgUnitId)}/`)) return { orgUnitId: requested.orgUnitId, orgUnitPath: path };
  return { reason: 'unknown-org-unit' };
}

export const isUnitRefusal = (outcome: SessionUnit | UnitRefusal): outcome is UnitRefusal => 'reason' in outcome;

export type RecordUnitRefusal = UnitRefusal | { reason: 'org-unit-required' };

/**
 * The unit a programme record (training order, competition, childcare class, job fair) belongs to:
 * as for a session, the officer's own unit or a known unit below it; but a record needs a unit, so
 * the federation administrator, who has none, must name one.
 */
export function unitForNewRecord(scope: Scope, requested?: { orgUnitId: string; knownPath: string | null }): { orgUnitId: string; orgUnitPath: string } | RecordUnitRefusal {
  if (!requested && scope.orgUnitId === null) return { reason: 'org-unit-required' };
  const unit = unitForNewSession(scope, requested);
  if (isUnitRefusal(unit)) return unit;
  return unit.orgUnitId === null ? { reason: 'org-unit-required' } : { orgUnitId: unit.orgUnitId, orgUnitPath: unit.orgUnitPath };
}
