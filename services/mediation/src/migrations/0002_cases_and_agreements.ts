import { MigrationInterface, QueryRunner } from 'typeorm';

export class CasesAndAgreements1764000002000 implements MigrationInterface {
  static readonly legacyName = '0002_cases_and_agreements';
  name = 'CasesAndAgreements1764000002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    CREATE TABLE cases (
      id            uuid PRIMARY KEY,
      member_id     uuid NOT NULL REFERENCES member_directory (member_id),
      org_unit_path text NOT NULL,
      source        text NOT NULL CHECK (source IN ('screening', 'complaint', 'referral')),
      summary       text NOT NULL,
      employer_name text NOT NULL,
      status        text NOT NULL CHECK (status IN ('open', 'settled')),
      opened_by     text NOT NULL,
      opened_at     timestamptz(3) NOT NULL DEFAULT now(),
      closed_at     timestamptz(3)
    );
    CREATE INDEX cases_scope_page ON cases (org_unit_path text_pattern_ops, opened_at, id);

    CREATE TABLE agreements (
      id               uuid PRIMARY KEY,
      case_id          uuid NOT NULL UNIQUE REFERENCES cases (id),
      obligations      jsonb NOT NULL,
      total_amount_fen bigint NOT NULL CHECK (total_amount_fen >= 0),
      signed_at        timestamptz(3) NOT NULL DEFAULT now()
    );
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE agreements; DROP TABLE cases;');
  }
}
