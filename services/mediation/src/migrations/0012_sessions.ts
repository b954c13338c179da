import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mediation sessions (调解): joint (面对面) or separate (背对背), with time, attendees and notes. The
 * notes are personal data, sealed by the vault; a mediator's login links the roster to the panel
 * so that the panel can read them.
 */
export class Sessions1764000012000 implements MigrationInterface {
  name = 'Sessions1764000012000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    ALTER TABLE mediators ADD COLUMN username text;
    CREATE INDEX mediators_by_username ON mediators (username) WHERE username IS NOT NULL;
    CREATE TABLE sessions (
      id            uuid PRIMARY KEY,
      case_id       uuid NOT NULL REFERENCES cases (id),
      kind          text NOT NULL CHECK (kind IN ('joint', 'separate')),
      held_at       timestamptz(3) NOT NULL,
      attendees     jsonb NOT NULL,
      sealed_notes  text NOT NULL,
      recorded_by   text NOT NULL,
      recorded_at   timestamptz(3) NOT NULL
    );
    CREATE INDEX sessions_by_case ON sessions (case_id, held_at, id);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE sessions; ALTER TABLE mediators DROP COLUMN username;');
  }
}
