import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case board reads one stage at a time, keyset-paged. Open cases come from the partial index
 * cases_open_by_received (subtree, received_at, id); every other stage from this one: equality on
 * the stage, the subtree as a prefix range, then (opened_at, id) for the page.
 */
export class CasesByStage1764000040000 implements MigrationInterface {
  name = 'CasesByStage1764000040000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX cases_by_stage ON cases (status, org_unit_path text_pattern_ops, opened_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX cases_by_stage;');
  }
}
