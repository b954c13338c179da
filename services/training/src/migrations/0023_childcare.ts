import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Holiday childcare classes (托管班). A child's name and the pick-up people's names and mobiles
 * are personal data: sealed with the personal-data vault (AES-256-GCM), shown masked. The birth
 * date is not kept: only the age on the first class day, which the age range is judged on.
 * One attendance row per child and day: the unique constraint decides concurrent sign-ins.
 */
export class Childcare1764000023000 implements MigrationInterface {
  name = 'Childcare1764000023000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    CREATE TABLE childcare_classes (
      id            uuid PRIMARY KEY,
      name          text NOT NULL,
      venue         text NOT NULL,
      age_min       integer NOT NULL CHECK (age_min BETWEEN 0 AND 18),
      age_max       integer NOT NULL CHECK (age_max BETWEEN age_min AND 18),
      capacity      integer NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
      enrolled      integer NOT NULL DEFAULT 0 CHECK (enrolled BETWEEN 0 AND capacity),
      starts_on     date NOT NULL,
      ends_on       date NOT NULL CHECK (ends_on >= starts_on),
      opens_at      time NOT NULL,
      closes_at     time NOT NULL CHECK (closes_at > opens_at),
      org_unit_id   uuid,
      org_unit_path text NOT NULL,
      created_by    text NOT NULL,
      created_at    timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX childcare_classes_scope_page ON childcare_classes (org_unit_path text_pattern_ops, created_at, id);

    CREATE TABLE childcare_children (
      id                  uuid PRIMARY KEY,
      class_id            uuid NOT NULL REFERENCES childcare_classes (id),
      guardian_member_id  uuid NOT NULL REFERENCES member_directory (member_id),
      member_id           uuid NOT NULL,
      org_unit_path       text NOT NULL,
      child_name_sealed   text NOT NULL,
      child_name_masked   text NOT NULL,
      age_at_start        integer NOT NULL,
      insurance_policy_no text NOT NULL,
      pickup_sealed       text NOT NULL,
      pickup_count        integer NOT NULL CHECK (pickup_count >= 1),
      enrolled_at         timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX childcare_children_class_page ON childcare_children (class_id, enrolled_at, id);

    CREATE TABLE childcare_attendance (
      id             uuid PRIMARY KEY,
      class_id       uuid NOT NULL REFERENCES childcare_classes (id),
      child_id       uuid NOT NULL REFERENCES childcare_children (id),
      day            date NOT NULL,
      signed_in_at   timestamptz(3) NOT NULL,
      signed_out_at  timestamptz(3),
      pickup_index   integer,
      CONSTRAINT childcare_attendance_once_a_day UNIQUE (child_id, day)
    );
    CREATE INDEX childcare_attendance_class_day ON childcare_attendance (class_id, day);

    CREATE TABLE childcare_notes (
      id         uuid PRIMARY KEY,
      class_id   uuid NOT NULL REFERENCES childcare_classes (id),
      kind       text NOT NULL CHECK (kind IN ('patrol', 'parent-feedback')),
      day        date NOT NULL,
      child_id   uuid REFERENCES childcare_children (id),
      text       text NOT NULL,
      author     text NOT NULL,
      created_at timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX childcare_notes_class_page ON childcare_notes (class_id, created_at, id);

    -- Every full view of a child's sealed details: who, when and why (no log, no view).
    CREATE TABLE childcare_personal_data_access (
      id          uuid PRIMARY KEY,
      child_id    uuid NOT NULL REFERENCES childcare_children (id),
      actor_id    text NOT NULL,
      actor       text NOT NULL,
      reason      text NOT NULL,
      accessed_at timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX childcare_personal_data_access_child ON childcare_personal_data_access (child_id, accessed_at, id);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE childcare_personal_data_access; DROP TABLE childcare_notes; DROP TABLE childcare_attendance; DROP TABLE childcare_children; DROP TABLE childcare_classes;');
  }
}
