import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Member edits and a tree that stays a tree:
 * - `member_history` takes an 'updated' entry, which records the fields an edit changed (their
 *   names only: the values, a mobile among them, stay in the member row);
 * - one federation root, and no two active sibling units with the same name, enforced by the
 *   database whatever the concurrency (the use cases answer 409 before it comes to that).
 * A deployment that already holds a second root or duplicate sibling names (they used to be
 * accepted) is told which units to rename or deactivate: the migration stops rather than pick.
 */
export class MemberEdits1764000005000 implements MigrationInterface {
  name = 'MemberEdits1764000005000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    ALTER TABLE member_history DROP CONSTRAINT member_history_kind_check;
    ALTER TABLE member_history
      ADD CONSTRAINT member_history_kind_check CHECK (kind IN ('enrolled', 'transferred', 'dual-registered', 'left', 'reinstated', 'updated')),
      ADD COLUMN changed_fields text[];
    CREATE INDEX dual_registrations_by_community ON dual_registrations (community_unit_id, member_id);
  `);
    const roots: { id: string; code: string }[] = await db.query('SELECT id, code FROM org_units WHERE parent_id IS NULL ORDER BY created_at');
    const duplicates: { parent_id: string; name: string; codes: string[] }[] = await db.query(
      'SELECT parent_id, name, array_agg(code ORDER BY created_at) AS codes FROM org_units WHERE parent_id IS NOT NULL AND active GROUP BY parent_id, name HAVING count(*) > 1',
    );
    if (roots.length > 1 || duplicates.length > 0) {
      const problems = [
        ...(roots.length > 1 ? [`more than one root unit (codes ${roots.map((r) => r.code).join(', ')}): move all but one under it`] : []),
        ...duplicates.map((d) => `active sibling units named ${d.name} (codes ${d.codes.join(', ')}): rename or deactivate all but one`),
      ];
      throw new Error(`组织树须先整理 / The organisation tree needs fixing before this migration: ${problems.join('; ')}`);
    }
    await db.query(`
    CREATE UNIQUE INDEX org_units_one_root ON org_units ((true)) WHERE parent_id IS NULL;
    CREATE UNIQUE INDEX org_units_sibling_name ON org_units (parent_id, name) WHERE active;
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
    DROP INDEX org_units_sibling_name;
    DROP INDEX org_units_one_root;
    DROP INDEX dual_registrations_by_community;
    DELETE FROM member_history WHERE kind = 'updated';
    ALTER TABLE member_history DROP COLUMN changed_fields, DROP CONSTRAINT member_history_kind_check;
    ALTER TABLE member_history ADD CONSTRAINT member_history_kind_check CHECK (kind IN ('enrolled', 'transferred', 'dual-registered', 'left', 'reinstated'));
  `);
  }
}
