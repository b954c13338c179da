import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrgUnitsAndMembers1764000001000 implements MigrationInterface {
  static readonly legacyName = '0001_org_units_and_members';
  name = 'OrgUnitsAndMembers1764000001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    CREATE TABLE org_units (
      id          uuid PRIMARY KEY,
      parent_id   uuid REFERENCES org_units (id),
      path        text NOT NULL UNIQUE,
      code        text NOT NULL UNIQUE,
      name        text NOT NULL,
      kind        text NOT NULL,
      credit_code text,
      address     text,
      active      boolean NOT NULL DEFAULT true,
      created_at  timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX org_units_path ON org_units (path text_pattern_ops);
    CREATE INDEX org_units_parent ON org_units (parent_id);

    CREATE SEQUENCE member_no_seq;

    CREATE TABLE members (
      id                  uuid PRIMARY KEY,
      member_no           text NOT NULL UNIQUE,
      name                text NOT NULL,
      national_id_cipher  text NOT NULL,
      national_id_hash    text NOT NULL,
      national_id_masked  text NOT NULL,
      mobile_cipher       text NOT NULL,
      mobile_masked       text NOT NULL,
      gender              text NOT NULL,
      birth_date          date NOT NULL,
      employment_form     text NOT NULL,
      org_unit_id         uuid NOT NULL REFERENCES org_units (id),
      org_unit_path       text NOT NULL,
      status              text NOT NULL CHECK (status IN ('active', 'left')),
      enrolled_at         timestamptz(3) NOT NULL DEFAULT now()
    );
    -- Paged columns are millisecond timestamps so cursors round-trip exactly through JSON.
    -- One person is never an active member twice, whatever the concurrency.
    CREATE UNIQUE INDEX members_one_active_per_person ON members (national_id_hash) WHERE status = 'active';
    CREATE INDEX members_by_person ON members (national_id_hash);
    CREATE INDEX members_scope_page ON members (org_unit_path text_pattern_ops, enrolled_at, id);
    CREATE INDEX members_page ON members (enrolled_at, id);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE members; DROP SEQUENCE member_no_seq; DROP TABLE org_units;');
  }
}
