import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One referral per member and mediation case, not per case: a collective case (several workers
 * against one employer) refers each of its member workers to aid. The uniqueness that made the
 * consumer idempotent moves from the case to (case, member).
 */
export class ReferralPerMember1764000060000 implements MigrationInterface {
  name = 'ReferralPerMember1764000060000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE referrals DROP CONSTRAINT referrals_source_case_id_key;
      ALTER TABLE referrals ADD CONSTRAINT referrals_one_per_case_member UNIQUE (source_case_id, member_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE referrals DROP CONSTRAINT referrals_one_per_case_member;
      ALTER TABLE referrals ADD CONSTRAINT referrals_source_case_id_key UNIQUE (source_case_id);
    `);
  }
}
