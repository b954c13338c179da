import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Safety-hazard reports (隐患举报) under the reporter's real name: the name sealed by the vault and
 * shown to the handling officers only; a verified report carries its reward level and amount.
 */
export class HazardReports1764000014000 implements MigrationInterface {
  name = 'HazardReports1764000014000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    CREATE TABLE hazard_reports (
      id                    uuid PRIMARY KEY,
      member_id             uuid NOT NULL REFERENCES member_directory (member_id),
      org_unit_id           uuid NOT NULL,
      org_unit_path         text NOT NULL,
      sealed_reporter_name  text NOT NULL,
      enterprise_name       text NOT NULL,
      description           text NOT NULL,
      status                text NOT NULL CHECK (status IN ('submitted', 'verified', 'rejected')),
      reward_level          integer CHECK (reward_level IN (1, 2)),
      reward_fen            bigint CHECK (reward_fen IN (200000, 300000)),
      rejection_reason      text,
      reported_at           timestamptz(3) NOT NULL,
      handled_by            text,
      handled_at            timestamptz(3)
    );
    CREATE INDEX hazard_reports_scope_page ON hazard_reports (org_unit_path text_pattern_ops, reported_at, id);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE hazard_reports;');
  }
}
