import { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberLifecycle1764000002000 implements MigrationInterface {
  static readonly legacyName = '0002_member_lifecycle';
  name = 'MemberLifecycle1764000002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    ALTER TABLE members
      ADD COLUMN industry             text,
      ADD COLUMN employer_name        text,
      ADD COLUMN employer_credit_code text,
      ADD COLUMN skill_level          text NOT NULL DEFAULT 'novice' CHECK (skill_level IN ('novice', 'skilled', 'master')),
      ADD COLUMN honours              text[] NOT NULL DEFAULT '{}',
      ADD COLUMN left_at              timestamptz(3);

    -- Everything that happened to a membership, oldest first (会员档案变动记录).
    CREATE TABLE member_history (
      id             bigserial PRIMARY KEY,
      member_id      uuid NOT NULL REFERENCES members (id),
      kind           text NOT NULL CHECK (kind IN ('enrolled', 'transferred', 'dual-registered', 'left', 'reinstated')),
      from_unit_id   uuid,
      to_unit_id     uuid,
      reason         text,
      actor          text NOT NULL,
      occurred_at    timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX member_history_by_member ON member_history (member_id, id);
    INSERT INTO member_history (member_id, kind, to_unit_id, actor, occurred_at)
      SELECT id, 'enrolled', org_unit_id, 'migration', enrolled_at FROM members;

    -- 双报到: a member's community union besides the workplace union.
    CREATE TABLE dual_registrations (
      member_id         uuid NOT NULL REFERENCES members (id),
      community_unit_id uuid NOT NULL REFERENCES org_units (id),
      registered_at     timestamptz(3) NOT NULL DEFAULT now(),
      PRIMARY KEY (member_id, community_unit_id)
    );

    -- Who saw a full resident ID or mobile number, when and why.
    CREATE TABLE personal_data_access_log (
      id          bigserial PRIMARY KEY,
      member_id   uuid NOT NULL REFERENCES members (id),
      actor_id    uuid NOT NULL,
      actor       text NOT NULL,
      reason      text NOT NULL,
      accessed_at timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX personal_data_access_by_member ON personal_data_access_log (member_id, id);

    CREATE INDEX members_status_form ON members (status, employment_form);
    CREATE INDEX members_name ON members (name text_pattern_ops);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX members_name; DROP INDEX members_status_form; DROP TABLE personal_data_access_log; DROP TABLE dual_registrations; DROP TABLE member_history; ALTER TABLE members DROP COLUMN industry, DROP COLUMN employer_name, DROP COLUMN employer_credit_code, DROP COLUMN skill_level, DROP COLUMN honours, DROP COLUMN left_at;');
  }
}
