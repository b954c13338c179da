import { MigrationInterface, QueryRunner } from 'typeorm';

/** Referrals of a case's member workers to aid for hardship (困难帮扶转介), at any stage: once per worker and case. */
export class CaseAidReferrals1764000020000 implements MigrationInterface {
  name = 'CaseAidReferrals1764000020000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    CREATE TABLE case_aid_referrals (
      case_id     uuid NOT NULL REFERENCES cases (id),
      member_id   uuid NOT NULL,
      case_status text NOT NULL,
      referred_by text NOT NULL,
      referred_at timestamptz(3) NOT NULL,
      PRIMARY KEY (case_id, member_id)
    );
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE case_aid_referrals;');
  }
}
