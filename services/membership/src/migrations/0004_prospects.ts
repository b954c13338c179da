import { MigrationInterface, QueryRunner } from 'typeorm';

export class Prospects1764000004000 implements MigrationInterface {
  static readonly legacyName = '0004_prospects';
  name = 'Prospects1764000004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    -- Workers found in door-to-door surveys who are not members yet (未入会职工底数).
    CREATE TABLE prospects (
      id                  uuid PRIMARY KEY,
      name                text NOT NULL,
      mobile_cipher       text,
      mobile_masked       text,
      occupation_category text NOT NULL,
      employment_form     text NOT NULL,
      needs               text[] NOT NULL DEFAULT '{}',
      address             text,
      found_by_unit_id    uuid NOT NULL REFERENCES org_units (id),
      org_unit_path       text NOT NULL,
      surveyed_on         date NOT NULL,
      status              text NOT NULL CHECK (status IN ('open', 'converted')),
      member_id           uuid REFERENCES members (id),
      recorded_by         text NOT NULL,
      created_at          timestamptz(3) NOT NULL DEFAULT now(),
      converted_at        timestamptz(3)
    );
    CREATE INDEX prospects_scope_page ON prospects (org_unit_path text_pattern_ops, created_at, id);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE prospects;');
  }
}
