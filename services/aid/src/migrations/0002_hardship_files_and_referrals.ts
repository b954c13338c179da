import { MigrationInterface, QueryRunner } from 'typeorm';

/** Hardship worker files (困难职工档案) with their household visit, and referrals from other programmes. */
export class HardshipFilesAndReferrals1764000002000 implements MigrationInterface {
  static readonly legacyName = '0002_hardship_files_and_referrals';
  name = 'HardshipFilesAndReferrals1764000002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    CREATE TABLE hardship_files (
      id                           uuid PRIMARY KEY,
      member_id                    uuid NOT NULL REFERENCES member_directory (member_id),
      org_unit_id                  uuid NOT NULL,
      org_unit_path                text NOT NULL,
      status                       text NOT NULL CHECK (status IN ('open', 'closed')),
      cause                        text NOT NULL,
      -- the "six clears" (六清) of the household visit
      household_size               integer NOT NULL CHECK (household_size BETWEEN 1 AND 30),
      monthly_household_income_fen bigint NOT NULL CHECK (monthly_household_income_fen >= 0),
      income_sources               text NOT NULL,
      housing                      text NOT NULL,
      health                       text NOT NULL,
      children_schooling           text NOT NULL,
      visited_on                   date NOT NULL,
      visited_by                   text NOT NULL,
      opened_at                    timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX hardship_files_one_open_per_member ON hardship_files (member_id) WHERE status = 'open';
    CREATE INDEX hardship_files_scope_page ON hardship_files (org_unit_path text_pattern_ops, opened_at, id);

    CREATE TABLE referrals (
      id                uuid PRIMARY KEY,
      member_id         uuid NOT NULL,
      source            text NOT NULL,
      source_case_id    uuid NOT NULL UNIQUE,
      agreed_amount_fen bigint NOT NULL CHECK (agreed_amount_fen >= 0),
      recorded_at       timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX referrals_member ON referrals (member_id, recorded_at, id);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE referrals; DROP TABLE hardship_files;');
  }
}
