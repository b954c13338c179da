import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { OrgUnitCreatedV1, OrgUnitMovedV1, OrgUnitRenamedV1 } from '@gonghui/contracts';
import { CloudEvent, EventHandlerOptions, EventTransaction, OnEvent } from '@gonghui/messaging';
import { applyOrgUnitMove } from '@gonghui/service-kit';
import { OrgUnitDirectoryEntry } from './org-unit-directory.entity';

const directory: EventHandlerOptions = { group: 'org-unit-directory' };

/**
 * The gateway learns units from membership's events, to turn a user's unit into a data scope
 * (consumer group `gateway.org-unit-directory`).
 */
@Controller()
export class OrgUnitDirectoryEvents {
  @OnEvent(OrgUnitCreatedV1, directory)
  async created(@Payload() event: CloudEvent<OrgUnitCreatedV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    const u = event.data;
    // Hand-written: the unit may have moved (with an ancestor) since this event was produced; current_org_path in the upsert.
    await manager.query(
      `INSERT INTO org_unit_directory (org_unit_id, path, name, kind) VALUES ($1, current_org_path($2, $5), $3, $4)
       ON CONFLICT (org_unit_id) DO UPDATE SET path = EXCLUDED.path, name = EXCLUDED.name, kind = EXCLUDED.kind`,
      [u.orgUnitId, u.path, u.name, u.kind, u.createdAt],
    );
  }

  /** Users of a moved unit keep seeing the same subtree, at its new place. */
  @OnEvent(OrgUnitMovedV1, directory)
  async moved(@Payload() event: CloudEvent<OrgUnitMovedV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    await applyOrgUnitMove(manager, event.data, [
      { table: 'org_unit_directory', column: 'path' },
      { table: 'users', column: 'scope_path' },
    ]);
  }

  @OnEvent(OrgUnitRenamedV1, directory)
  async renamed(@Payload() event: CloudEvent<OrgUnitRenamedV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    await manager.update(OrgUnitDirectoryEntry, { orgUnitId: event.data.orgUnitId }, { name: event.data.name });
  }
}
