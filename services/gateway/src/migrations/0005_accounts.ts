import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and sessions: login throttling, revocation of tokens (per session on logout, per
 * user on disable, role change or password reset), and when an account was last changed.
 */
export class Accounts1764000005000 implements MigrationInterface {
  name = 'Accounts1764000005000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    -- Tokens issued before this instant (their iat) are refused: "revoke every session of this user".
    ALTER TABLE users
      ADD COLUMN tokens_valid_after  timestamptz(3),
      ADD COLUMN password_changed_at timestamptz(3),
      ADD COLUMN updated_at          timestamptz(3) NOT NULL DEFAULT now();

    -- Wrong passwords per username (a keyed hash of it, never the name typed): a sliding window and a lock.
    CREATE TABLE login_failures (
      key          text PRIMARY KEY,
      failed_at    timestamptz(3)[] NOT NULL DEFAULT '{}',
      locked_until timestamptz(3),
      updated_at   timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX login_failures_updated_at ON login_failures (updated_at);

    -- Sessions ended by logout, kept until their token would have expired anyway.
    CREATE TABLE revoked_sessions (
      session_id text PRIMARY KEY,
      user_id    uuid NOT NULL,
      revoked_at timestamptz(3) NOT NULL DEFAULT now(),
      expires_at timestamptz(3) NOT NULL
    );
    CREATE INDEX revoked_sessions_expires_at ON revoked_sessions (expires_at);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
    DROP TABLE revoked_sessions;
    DROP TABLE login_failures;
    ALTER TABLE users DROP COLUMN tokens_valid_after, DROP COLUMN password_changed_at, DROP COLUMN updated_at;
  `);
  }
}
