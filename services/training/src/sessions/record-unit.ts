import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { Problem } from '@gonghui/service-kit';
import { unitForNewRecord } from './domain/session-scope';

/**
 * The unit a new programme record belongs to (`orgUnitId` of the create request, else the officer's
 * own): 422 naming the field when it is not in the officer's subtree, or when the administrator
 * (no unit) names none.
 */
export async function recordUnit(tx: Tx, principal: Principal, orgUnitId: string | undefined): Promise<{ orgUnitId: string; orgUnitPath: string }> {
  const knownPath = orgUnitId ? await knownPathOf(tx, orgUnitId) : null;
  const unit = unitForNewRecord(principal, orgUnitId ? { orgUnitId, knownPath } : undefined);
  if (!('reason' in unit)) return unit;
  if (unit.reason === 'org-unit-required') {
    throw new Problem(422, 'org-unit-required', '须指定所属组织 / An organisation unit is required', '您不属于任何组织，请用 orgUnitId 指定记录所属的组织 / You belong to no unit: name the unit this record belongs to with orgUnitId', [
      { field: 'orgUnitId', message: '须指定所属组织 / required for an officer without a unit' },
    ]);
  }
  throw new Problem(422, 'unknown-org-unit', '组织不存在 / Unknown organisation unit', `组织 ${orgUnitId} 不在您的管辖范围内 / Unit ${orgUnitId} is not one of yours`, [
    { field: 'orgUnitId', message: '须为您所在组织或其下级组织 / must be your unit or one below it' },
  ]);
}

/**
 * The path of a unit as training knows it: from any member on or below it in the member directory
 * (a district's path is the start of its members' paths), so an administrator can name a district too.
 */
async function knownPathOf(tx: Tx, orgUnitId: string): Promise<string | null> {
  const segment = orgUnitId.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(segment)) return null;
  const [row] = (await tx.query(`SELECT left(org_unit_path, strpos(org_unit_path, '/' || $1 || '/') + length($1) + 1) AS path FROM member_directory WHERE org_unit_path LIKE '%/' || $1 || '/%' LIMIT 1`, [
    segment,
  ])) as { path: string }[];
  return row?.path ?? null;
}
