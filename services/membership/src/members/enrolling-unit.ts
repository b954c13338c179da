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
