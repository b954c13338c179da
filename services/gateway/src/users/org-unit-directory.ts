import { OrgUnitCreatedV1, OrgUnitMovedV1, OrgUnitRenamedV1 } from '@gonghui/contracts';
import { applyOrgUnitMove } from '@gonghui/service-kit';
import { on, Subscription } from '@gonghui/messaging';

/** The gateway learns units from membership's events, to turn a user's unit into a data scope. */
export function orgUnitDirectorySubscriptions(): Subscription[] {
  return [
    on(OrgUnitCreatedV1, async (tx, event) => {
      const u = event.data;
      // The unit may have moved (with an ancestor) since this event was produced: current_org_path.
      await tx.query(
        `INSERT INTO org_unit_directory (org_unit_id, path, name, kind) VALUES ($1, current_org_path($2, $5), $3, $4)
         ON CONFLICT (org_unit_id) DO UPDATE SET path = EXCLUDED.path, name = EXCLUDED.name, kind = EXCLUDED.kind`,
        [u.orgUnitId, u.path, u.name, u.kind, u.createdAt],
      );
    }),
    // Users of a moved unit keep seeing the same subtree, at its new place.
    on(OrgUnitMovedV1, async (tx, event) => {
      await applyOrgUnitMove(tx, event.data, [
        { table: 'org_unit_directory', column: 'path' },
        { table: 'users', column: 'scope_path' },
      ]);
    }),
    on(OrgUnitRenamedV1, async (tx, event) => {
      await tx.query('UPDATE org_unit_directory SET name = $2 WHERE org_unit_id = $1', [event.data.orgUnitId, event.data.name]);
    }),
  ];
}
