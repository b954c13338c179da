import type { OrgUnitKind } from '@gonghui/contracts';

/** Path of a unit: its parent's path plus its own id without dashes, e.g. `/ab12…/cd34…/`. */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id.replace(/-/g, '')}/`;
}

/**
 * Where a unit may sit: the federation is the root and the only root; districts sit under the
 * federation; streets under a district; grassroots and industry unions under any unit above
 * grassroots. Returns a bilingual reason when the placement is wrong.
 */
export function placementProblem(kind: OrgUnitKind, parentKind: OrgUnitKind | null): string | null {
  if (parentKind === null) {
    return kind === 'federation' ? null : '只有市总工会可以作为根组织 / Only a federation can be the root unit';
  }
  if (kind === 'federation') return '市总工会不能有上级组织 / A federation cannot have a parent';
  if (parentKind.startsWith('grassroots')) return '基层工会下不能再设组织 / Grassroots unions cannot have sub-units';
  if (kind === 'district' && parentKind !== 'federation') return '区县工会须隶属市总工会 / A district union must sit under the federation';
  if (kind === 'street' && parentKind !== 'district') return '街道工会须隶属区县工会 / A street union must sit under a district union';
  return null;
}
