import { MigrationInterface, QueryRunner } from 'typeorm';

/** The mediator roster (调解员名册) of each centre, and the panel of each case: one lead, up to four co-mediators. */
export class MediatorsAndPanels1764000011000 implements MigrationInterface {
  name = 'MediatorsAndPanels1764000011000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    CREATE TABLE mediators (
      id             uuid PRIMARY KEY,
      org_unit_path  text NOT NULL,
      centre_name    text NOT NULL,
      name           text NOT NULL,
      background     text NOT NULL CHECK (background IN ('judge', 'lawyer', 'union-officer', 'hr-officer', 'community-mediator')),
      specialties    text[] NOT NULL DEFAULT '{}',
      employer_name  text,
      vetting_status text NOT NULL CHECK (vetting_status IN ('pending', 'vetted', 'suspended')),
      vetted_on      date,
      available      boolean NOT NULL,
      created_at     timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX mediators_scope_page ON mediators (org_unit_path text_pattern_ops, created_at, id);

    CREATE TABLE panel_members (
      case_id     uuid NOT NULL REFERENCES cases (id),
      mediator_id uuid NOT NULL REFERENCES mediators (id),
      role        text NOT NULL CHECK (role IN ('lead', 'co')),
      assigned_at timestamptz(3) NOT NULL,
      PRIMARY KEY (case_id, mediator_id)
    );
    -- One lead per case, whatever the concurrency.
    CREATE UNIQUE INDEX panel_members_one_lead ON panel_members (case_id) WHERE role = 'lead';
    CREATE INDEX panel_members_by_mediator ON panel_members (mediator_id, case_id);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE panel_members; DROP TABLE mediators;');
  }
}
