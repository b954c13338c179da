import type { OrgUnitKind } from '@gonghui/contracts';

/** Members belong to grassroots and industry unions; federations, districts and streets do not enrol directly. */
export function canHoldMembers(kind: OrgUnitKind): boolean {
  return kind.startsWith('grassroots') || kind === 'industry';
}
