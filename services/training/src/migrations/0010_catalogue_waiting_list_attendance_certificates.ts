import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue (课程超市), fair booking with a waiting list, attendance (签到签退) and certificates.
 * A booking now has a status: `booked` and `offered` hold a seat (sessions.booked counts both),
 * `waiting` is a place on the list, `cancelled`/`expired`/`removed` are history, so one member
 * may book again after cancelling: the old unique pair becomes a partial unique index.
 */
export class CatalogueWaitingListAttendanceCertificates1764000010000 implements MigrationInterface {
  name = 'CatalogueWaitingListAttendanceCertificates1764000010000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    CREATE TABLE courses (
      id                      uuid PRIMARY KEY,
      title                   text NOT NULL,
      category                text NOT NULL CHECK (category IN ('skills', 'culture-sport', 'certification')),
      description             text NOT NULL,
      provider                text NOT NULL,
      fee_fen                 bigint NOT NULL DEFAULT 0 CHECK (fee_fen >= 0),
      free_for_members        boolean NOT NULL DEFAULT true,
      gig_workers_only        boolean NOT NULL DEFAULT false,
      min_skill_level         text CHECK (min_skill_level IN ('novice', 'skilled', 'master')),
      min_attendance_percent  integer NOT NULL DEFAULT 80 CHECK (min_attendance_percent BETWEEN 1 AND 100),
      has_assessment          boolean NOT NULL DEFAULT false,
      grants_skill_level      text CHECK (grants_skill_level IN ('novice', 'skilled', 'master')),
      certificate_valid_months integer CHECK (certificate_valid_months BETWEEN 1 AND 240),
      org_unit_id             uuid,
      org_unit_path           text NOT NULL,
      created_by              text NOT NULL,
      created_at              timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX courses_scope_page ON courses (org_unit_path text_pattern_ops, created_at, id);

    ALTER TABLE sessions
      ADD COLUMN course_id            uuid REFERENCES courses (id),
      ADD COLUMN status               text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
      ADD COLUMN offer_window_seconds integer NOT NULL DEFAULT 86400 CHECK (offer_window_seconds BETWEEN 1 AND 604800);
    CREATE INDEX sessions_course ON sessions (course_id, starts_at);
    CREATE INDEX sessions_starts ON sessions (starts_at, id);

    ALTER TABLE bookings
      ADD COLUMN status           text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'waiting', 'offered', 'cancelled', 'expired', 'removed')),
      ADD COLUMN offer_expires_at timestamptz(3),
      ADD COLUMN ended_at         timestamptz(3),
      ADD CONSTRAINT bookings_offer_has_expiry CHECK (status <> 'offered' OR offer_expires_at IS NOT NULL);
    ALTER TABLE bookings DROP CONSTRAINT bookings_session_id_member_id_key;
    CREATE UNIQUE INDEX bookings_one_active_per_member ON bookings (session_id, member_id) WHERE status IN ('booked', 'waiting', 'offered');
    CREATE INDEX bookings_waiting ON bookings (session_id, booked_at, id) WHERE status = 'waiting';
    CREATE INDEX bookings_offers_due ON bookings (offer_expires_at) WHERE status = 'offered';
    CREATE INDEX bookings_member ON bookings (member_id) WHERE status IN ('booked', 'waiting', 'offered');

    -- What training knows of a member beyond the directory, for course eligibility (gig workers, skill level).
    CREATE TABLE trainee_profiles (
      member_id       uuid PRIMARY KEY,
      employment_form text,
      skill_level     text CHECK (skill_level IN ('novice', 'skilled', 'master')),
      updated_at      timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE attendance (
      id            uuid PRIMARY KEY,
      session_id    uuid NOT NULL REFERENCES sessions (id),
      member_id     uuid NOT NULL,
      org_unit_path text NOT NULL,
      signed_in_at  timestamptz(3) NOT NULL,
      signed_out_at timestamptz(3) CHECK (signed_out_at IS NULL OR signed_out_at >= signed_in_at),
      method        text NOT NULL CHECK (method IN ('code', 'instructor')),
      marked_by     text,
      UNIQUE (session_id, member_id)
    );
    CREATE INDEX attendance_page ON attendance (session_id, signed_in_at, id);

    CREATE TABLE assessments (
      course_id     uuid NOT NULL REFERENCES courses (id),
      member_id     uuid NOT NULL,
      org_unit_path text NOT NULL,
      passed        boolean NOT NULL,
      score         integer CHECK (score BETWEEN 0 AND 100),
      recorded_by   text NOT NULL,
      recorded_at   timestamptz(3) NOT NULL DEFAULT now(),
      PRIMARY KEY (course_id, member_id)
    );

    CREATE TABLE certificates (
      id                 uuid PRIMARY KEY,
      course_id          uuid NOT NULL REFERENCES courses (id),
      member_id          uuid NOT NULL,
      org_unit_path      text NOT NULL,
      verification_code  text NOT NULL UNIQUE,
      holder_name_sealed text NOT NULL,
      holder_name_masked text NOT NULL,
      attendance_percent integer NOT NULL,
      skill_level        text CHECK (skill_level IN ('novice', 'skilled', 'master')),
      issued_on          date NOT NULL,
      expires_on         date CHECK (expires_on IS NULL OR expires_on > issued_on),
      issued_by          text NOT NULL,
      created_at         timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (course_id, member_id)
    );
    CREATE INDEX certificates_scope_page ON certificates (org_unit_path text_pattern_ops, created_at, id);
    CREATE INDEX certificates_expiring ON certificates (expires_on) WHERE expires_on IS NOT NULL;
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
    DROP TABLE certificates; DROP TABLE assessments; DROP TABLE attendance; DROP TABLE trainee_profiles;
    DROP INDEX bookings_member; DROP INDEX bookings_offers_due; DROP INDEX bookings_waiting; DROP INDEX bookings_one_active_per_member;
    DELETE FROM bookings WHERE status <> 'booked';
    ALTER TABLE bookings ADD CONSTRAINT bookings_session_id_member_id_key UNIQUE (session_id, member_id);
    ALTER TABLE bookings DROP CONSTRAINT bookings_offer_has_expiry, DROP COLUMN ended_at, DROP COLUMN offer_expires_at, DROP COLUMN status;
    DROP INDEX sessions_starts; DROP INDEX sessions_course;
    ALTER TABLE sessions DROP COLUMN offer_window_seconds, DROP COLUMN status, DROP COLUMN course_id;
    DROP TABLE courses;
  `);
  }
}
