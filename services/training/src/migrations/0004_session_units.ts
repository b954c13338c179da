import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions belong to a unit and are scoped by its path, like every other record. Sessions
 * created before had no unit and were open to every officer; training cannot tell whose they
 * were (it keeps only the creator's username), so they become federation-wide ('/', no unit):
 * every district still sees them and books its members onto them, as before, while a district's
 * own sessions are now its own.
 */
export class SessionUnits1764000004000 implements MigrationInterface {
  name = 'SessionUnits1764000004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    ALTER TABLE sessions
      ADD COLUMN org_unit_id   uuid,
      ADD COLUMN org_unit_path text NOT NULL DEFAULT '/';
    ALTER TABLE sessions ALTER COLUMN org_unit_path DROP DEFAULT;
    CREATE INDEX sessions_scope_page ON sessions (org_unit_path text_pattern_ops, created_at, id);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX sessions_scope_page; ALTER TABLE sessions DROP COLUMN org_unit_path, DROP COLUMN org_unit_id;');
  }
}
