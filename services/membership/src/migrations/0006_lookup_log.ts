import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who looked a person up by resident ID, when and why, and every enrolment refused because the
 * person is an active member outside the officer's subtree: one log for the federation. It keeps
 * the keyed lookup hash, never the resident ID itself.
 */
export class LookupLog1764000006000 implements MigrationInterface {
  name = 'LookupLog1764000006000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    CREATE TABLE personal_data_lookup_log (
      id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('lookup', 'enrolment-refused')),
      actor_id uuid NOT NULL,
      actor text NOT NULL,
      actor_scope_path text NOT NULL,
      reason text,
      national_id_hash text NOT NULL,
      found integer,
      org_unit_id uuid,
      occurred_at timestamptz(3) NOT NULL
    );
    CREATE INDEX personal_data_lookup_log_by_time ON personal_data_lookup_log (occurred_at, id);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE personal_data_lookup_log');
  }
}
