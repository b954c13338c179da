import { MigrationInterface, QueryRunner } from 'typeorm';

export class UsersAndOrgUnits1764000001000 implements MigrationInterface {
  static readonly legacyName = '0001_users_and_org_units';
  name = 'UsersAndOrgUnits1764000001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    -- Units learned from membership's org-unit events: a user's data scope is their unit's path.
    CREATE TABLE org_unit_directory (
      org_unit_id uuid PRIMARY KEY,
      path        text NOT NULL,
      name        text NOT NULL,
      kind        text NOT NULL
    );

    CREATE TABLE users (
      id            uuid PRIMARY KEY,
      username      text NOT NULL UNIQUE,
      display_name  text NOT NULL,
      password_hash text NOT NULL,
      roles         text[] NOT NULL,
      org_unit_id   uuid,
      scope_path    text NOT NULL,
      active        boolean NOT NULL DEFAULT true,
      created_at    timestamptz(3) NOT NULL DEFAULT now()
    );
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE users; DROP TABLE org_unit_directory;');
  }
}
