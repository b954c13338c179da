import { MigrationInterface, QueryRunner } from 'typeorm';

/** The figures of a period read a subtree's cases by received date: one range scan. */
export class FiguresIndex1764000015000 implements MigrationInterface {
  name = 'FiguresIndex1764000015000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX cases_scope_received ON cases (org_unit_path text_pattern_ops, received_at) INCLUDE (status, source)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX cases_scope_received;');
  }
}
