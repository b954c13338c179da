import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionsAndBookings1764000002000 implements MigrationInterface {
  static readonly legacyName = '0002_sessions_and_bookings';
  name = 'SessionsAndBookings1764000002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    CREATE TABLE sessions (
      id           uuid PRIMARY KEY,
      course_title text NOT NULL,
      starts_at    timestamptz NOT NULL,
      ends_at      timestamptz NOT NULL CHECK (ends_at > starts_at),
      location     text NOT NULL,
      capacity     integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
      booked       integer NOT NULL DEFAULT 0 CHECK (booked >= 0 AND booked <= capacity),
      created_by   text NOT NULL,
      created_at   timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX sessions_page ON sessions (created_at, id);

    CREATE TABLE bookings (
      id            uuid PRIMARY KEY,
      session_id    uuid NOT NULL REFERENCES sessions (id),
      member_id     uuid NOT NULL REFERENCES member_directory (member_id),
      org_unit_path text NOT NULL,
      booked_at     timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (session_id, member_id)
    );
    CREATE INDEX bookings_page ON bookings (session_id, booked_at, id);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE bookings; DROP TABLE sessions;');
  }
}
