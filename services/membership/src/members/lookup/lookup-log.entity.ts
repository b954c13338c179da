import { Column, Entity, PrimaryColumn } from 'typeorm';

export const LOOKUP_LOG_KINDS = ['lookup', 'enrolment-refused'] as const;
export type LookupLogKind = (typeof LOOKUP_LOG_KINDS)[number];

/** One lookup by resident ID, or one enrolment refused for a membership outside the officer's subtree; the keyed hash only, never the ID. */
@Entity({ name: 'personal_data_lookup_log' })
export class LookupLogEntry {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) kind!: LookupLogKind;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId!: string;
  @Column({ type: 'text' }) actor!: string;
  @Column({ name: 'actor_scope_path', type: 'text' }) actorScopePath!: string;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'national_id_hash', type: 'text' }) nationalIdHash!: string;
  /** Lookups: how many memberships were found in the caller's subtree. */
  @Column({ type: 'integer', nullable: true }) found!: number | null;
  /** Refused enrolments: the unit the officer tried to enrol into. */
  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true }) orgUnitId!: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3 }) occurredAt!: Date;
}
