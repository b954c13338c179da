import { OrgUnitCreatedV1, OrgUnitRenamedV1 } from '@gonghui/contracts';
import { on, Subscription } from '@gonghui/messaging';

/** The gateway learns units from membership's events, to turn a user's unit into a data scope. */
export function orgUnitDirectorySubscriptions(): Subscription[] {
  return [
    on(OrgUnitCreatedV1, async (tx, event) => {
      const u = event.data;
      await tx.query(
        `INSERT INTO org_unit_directory (org_unit_id, path, name, kind) VALUES ($1, $2, $3, $4)
         ON CONFLICT (org_unit_id) DO UPDATE SET path = EXCLUDED.path, name = EXCLUDED.name, kind = EXCLUDED.kind`,
        [u.orgUnitId, u.path, u.name, u.kind],
      );
    }),
    on(OrgUnitRenamedV1, async (tx, event) => {
      await tx.query('UPDATE org_unit_directory SET name = $2 WHERE org_unit_id = $1', [event.data.orgUnitId, event.data.name]);
    }),
  ];
}
