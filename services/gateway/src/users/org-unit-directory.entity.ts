import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Units learned from membership's org-unit events: a user's data scope is their unit's path. */
@Entity({ name: 'org_unit_directory' })
export class OrgUnitDirectoryEntry {
  @PrimaryColumn({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ type: 'text' }) path!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: string;
}
