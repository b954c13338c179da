import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The life of a hardship file: one open file per household, a grade, further visits, the annual
 * review that keeps or closes a file, the queries an aid desk runs, and employment referrals.
 */
export class HardshipFileLife1764000011000 implements MigrationInterface {
  name = 'HardshipFileLife1764000011000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE hardship_files
        -- 'member:<id>' for a member who is a household of their own, 'household:<keyed hash>' for a
        -- household id or registered address given at the visit (the address itself is not stored here)
        ADD COLUMN household_key    text,
        ADD COLUMN grade            text CHECK (grade IN ('deep', 'relative', 'sudden-accident')),
        ADD COLUMN graded_at        timestamptz(3),
        ADD COLUMN last_visited_on  date,
        ADD COLUMN last_reviewed_on date,
        -- set by the disbursement code (aid-money) with a plain UPDATE when a payment for the file is recorded
        ADD COLUMN last_helped_at   timestamptz(3),
        ADD COLUMN closed_at        timestamptz(3),
        ADD COLUMN closure          text CHECK (closure IN ('out-of-hardship')),
        ADD COLUMN closure_reason   text,
        -- a job taken through an employment referral (training's job-offer.accepted)
        ADD COLUMN job_taken_at     timestamptz(3),
        ADD COLUMN job_employer     text,
        ADD COLUMN job_position     text;

      UPDATE hardship_files SET household_key = 'member:' || member_id, last_visited_on = visited_on;

      ALTER TABLE hardship_files
        ALTER COLUMN household_key SET NOT NULL,
        ALTER COLUMN last_visited_on SET NOT NULL,
        ADD CONSTRAINT hardship_files_closed_has_closure CHECK (closed_at IS NULL OR (status = 'closed' AND closure IS NOT NULL));

      -- one open file per household, whatever the concurrency: a spouse who is also a member cannot open a second
      CREATE UNIQUE INDEX hardship_files_one_open_per_household ON hardship_files (household_key) WHERE status = 'open';
      CREATE INDEX hardship_files_open_by_last_visit ON hardship_files (last_visited_on) WHERE status = 'open';
      CREATE INDEX hardship_files_never_helped ON hardship_files (opened_at, id) WHERE last_helped_at IS NULL;

      -- further visits (走访): what was found is sealed with the vault, like the opening visit's details
      CREATE TABLE hardship_file_visits (
        id           uuid PRIMARY KEY,
        file_id      uuid NOT NULL REFERENCES hardship_files (id),
        visited_on   date NOT NULL,
        notes_cipher text NOT NULL,
        visited_by   text NOT NULL,
        recorded_at  timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE INDEX hardship_file_visits_by_file ON hardship_file_visits (file_id, recorded_at, id);

      -- the annual review (年度复核): once per file and year
      CREATE TABLE hardship_file_reviews (
        id          uuid PRIMARY KEY,
        file_id     uuid NOT NULL REFERENCES hardship_files (id),
        review_year integer NOT NULL,
        reviewed_on date NOT NULL,
        decision    text NOT NULL CHECK (decision IN ('keep', 'close')),
        reason      text,
        reviewed_by text NOT NULL,
        recorded_at timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT hardship_file_reviews_once_a_year UNIQUE (file_id, review_year)
      );

      -- employment referrals (就业援助转介): at most one per file awaiting a job
      CREATE TABLE employment_referrals (
        id                 uuid PRIMARY KEY,
        file_id            uuid NOT NULL REFERENCES hardship_files (id),
        member_id          uuid NOT NULL,
        org_unit_id        uuid NOT NULL,
        org_unit_path      text NOT NULL,
        skills             text[] NOT NULL,
        preferred_district text,
        employment_form    text CHECK (employment_form IN ('full-time', 'part-time', 'flexible', 'public-welfare-post')),
        recorded_by        text NOT NULL,
        recorded_at        timestamptz(3) NOT NULL DEFAULT now(),
        job_taken_at       timestamptz(3),
        job_offer_id       uuid,
        job_employer       text,
        job_position       text
      );
      CREATE UNIQUE INDEX employment_referrals_one_awaiting_per_file ON employment_referrals (file_id) WHERE job_taken_at IS NULL;
      CREATE INDEX employment_referrals_scope_page ON employment_referrals (org_unit_path text_pattern_ops, recorded_at, id);
      CREATE INDEX employment_referrals_member ON employment_referrals (member_id) WHERE job_taken_at IS NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE employment_referrals;
      DROP TABLE hardship_file_reviews;
      DROP TABLE hardship_file_visits;
      DROP INDEX hardship_files_one_open_per_household;
      DROP INDEX hardship_files_open_by_last_visit;
      DROP INDEX hardship_files_never_helped;
      ALTER TABLE hardship_files
        DROP CONSTRAINT hardship_files_closed_has_closure,
        DROP COLUMN household_key, DROP COLUMN grade, DROP COLUMN graded_at, DROP COLUMN last_visited_on,
        DROP COLUMN last_reviewed_on, DROP COLUMN last_helped_at, DROP COLUMN closed_at, DROP COLUMN closure,
        DROP COLUMN closure_reason, DROP COLUMN job_taken_at, DROP COLUMN job_employer, DROP COLUMN job_position;
    `);
  }
}
