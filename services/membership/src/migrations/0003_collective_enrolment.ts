import { MigrationInterface, QueryRunner } from 'typeorm';

export class CollectiveEnrolment1764000003000 implements MigrationInterface {
  static readonly legacyName = '0003_collective_enrolment';
  name = 'CollectiveEnrolment1764000003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    -- Long work (collective enrolment of a roster) runs as a job whose progress users poll.
    CREATE TABLE jobs (
      id               uuid PRIMARY KEY,
      kind             text NOT NULL,
      org_unit_id      uuid NOT NULL REFERENCES org_units (id),
      org_unit_path    text NOT NULL,
      file_name        text NOT NULL,
      status           text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
      total_rows       integer NOT NULL,
      rows_done        integer NOT NULL DEFAULT 0,
      enrolled         integer NOT NULL DEFAULT 0,
      already_enrolled integer NOT NULL DEFAULT 0,
      rejected         integer NOT NULL DEFAULT 0,
      error            text,
      created_by       text NOT NULL,
      created_at       timestamptz(3) NOT NULL DEFAULT now(),
      updated_at       timestamptz(3) NOT NULL DEFAULT now(),
      finished_at      timestamptz(3)
    );

    CREATE TABLE job_rejections (
      job_id uuid NOT NULL REFERENCES jobs (id),
      line   integer NOT NULL,
      field  text NOT NULL,
      reason text NOT NULL,
      PRIMARY KEY (job_id, line, field)
    );
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE job_rejections; DROP TABLE jobs;');
  }
}
