import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake (受理) and the statutory clock: a case has a court-delegation source, several workers
 * (a member, or a non-member with sealed name and contact), an employer with an optional credit
 * code, typed claims, the date the application was received (the clock starts there), and can be
 * declined or referred to arbitration/court. Existing cases keep their member as the one worker
 * and their opening day as the received date.
 */
export class CaseIntakeAndClock1764000010000 implements MigrationInterface {
  name = 'CaseIntakeAndClock1764000010000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    ALTER TABLE cases ALTER COLUMN member_id DROP NOT NULL;
    ALTER TABLE cases DROP CONSTRAINT cases_source_check;
    ALTER TABLE cases ADD CONSTRAINT cases_source_check CHECK (source IN ('screening', 'complaint', 'referral', 'court-delegation'));
    ALTER TABLE cases DROP CONSTRAINT cases_status_check;
    ALTER TABLE cases ADD CONSTRAINT cases_status_check CHECK (status IN ('open', 'settled', 'declined', 'referred'));
    ALTER TABLE cases
      ADD COLUMN workers jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN worker_count integer NOT NULL DEFAULT 1 CHECK (worker_count >= 1),
      ADD COLUMN employer_credit_code text,
      ADD COLUMN claims jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN claimed_total_fen bigint NOT NULL DEFAULT 0 CHECK (claimed_total_fen >= 0),
      ADD COLUMN received_at timestamptz(3),
      ADD COLUMN decline_reason text,
      ADD COLUMN referral jsonb;
    UPDATE cases SET
      received_at = date_trunc('day', opened_at AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai',
      workers = jsonb_build_array(jsonb_build_object('memberId', member_id, 'sealedName', NULL, 'sealedContact', NULL));
    ALTER TABLE cases ALTER COLUMN received_at SET NOT NULL;
    -- The past-limit list: open cases of a subtree received before a cut-off, oldest first.
    CREATE INDEX cases_open_by_received ON cases (org_unit_path text_pattern_ops, received_at, id) WHERE status = 'open';
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
    DROP INDEX cases_open_by_received;
    ALTER TABLE cases DROP COLUMN workers, DROP COLUMN worker_count, DROP COLUMN employer_credit_code, DROP COLUMN claims,
      DROP COLUMN claimed_total_fen, DROP COLUMN received_at, DROP COLUMN decline_reason, DROP COLUMN referral;
  `);
  }
}
