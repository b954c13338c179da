import { inScope, Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { Problem } from '@gonghui/service-kit';
import { OrgUnitRow, OrgUnitsRepository } from '../org-units/org-units.repository';
import { canHoldMembers } from './lifecycle/member-unit-rules';

/**
 * The unit a member joins (by enrolment, roster or transfer) must exist in the user's subtree,
 * be active, and be a grassroots or industry union. Otherwise a 422 problem on `field`.
 */
export async function requireEnrollingUnit(units: OrgUnitsRepository, id: string, principal: Principal, field: string, tx?: Tx): Promise<OrgUnitRow> {
  const unit = await units.findById(id, tx);
  if (!unit || !inScope(principal, unit.path)) {
    throw new Problem(422, 'unknown-org-unit', '组织不存在 / Unknown organisation unit', `组织 ${id} 不存在 / Unit ${id} does not exist`, [
      { field, message: '组织不存在 / unknown organisation unit' },
    ]);
  }
  if (!unit.active) {
    throw new Problem(422, 'org-unit-inactive', '该组织已撤销 / The unit is deactivated', '已撤销的组织不能接收会员 / A deactivated unit cannot take members', [
      { field, message: '组织已撤销 / the unit is deactivated' },
    ]);
  }
  if (!canHoldMembers(unit.kind)) {
    throw new Problem(422, 'unit-cannot-enrol', '该组织不直接发展会员 / This unit does not hold members directly', '会员须加入基层工会或行业工会 / Members join a grassroots or industry union', [
      { field, message: '须为基层工会或行业工会 / must be a grassroots or industry union' },
    ]);
  }
  return unit;
}

/**
 * Units that passed `requireEnrollingUnit` lately, so that a run of enrolments into the same unions
 * does not read each unit every time. Safe because the enrolment's insert checks the unit again
 * (same path, still active) and writes nothing otherwise: a stale entry costs a retry with a fresh
 * read, never a member in a moved or deactivated unit.
 */
export class RecentEnrollingUnits {
  private readonly recent = new Map<string, { unit: OrgUnitRow; until: number }>();

  constructor(
    private readonly units: OrgUnitsRepository,
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {}

  async require(id: string, principal: Principal, field: string, tx?: Tx): Promise<OrgUnitRow> {
    const hit = this.recent.get(id);
    if (hit && hit.until > Date.now() && inScope(principal, hit.unit.path)) return hit.unit;
    const unit = await requireEnrollingUnit(this.units, id, principal, field, tx);
    if (this.recent.size >= this.maxEntries) this.recent.clear();
    this.recent.set(id, { unit, until: Date.now() + this.ttlMs });
    return unit;
  }

  forget(id: string): void {
    this.recent.delete(id);
  }
}
