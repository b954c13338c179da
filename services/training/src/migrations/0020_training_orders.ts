import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Instructor pool (师资库) and training orders from enterprises (订单式培训).
 * An instructor is never booked twice at one time: assignments of one instructor are taken under a
 * lock on the instructor's row and checked for overlap with `tstzrange &&`. An exclusion constraint
 * would need btree_gist for the uuid column, and the service role may not create extensions.
 */
export class TrainingOrders1764000020000 implements MigrationInterface {
  name = 'TrainingOrders1764000020000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    CREATE TABLE instructors (
      id            uuid PRIMARY KEY,
      name          text NOT NULL,
      specialties   text[] NOT NULL CHECK (cardinality(specialties) >= 1),
      certificates  text[] NOT NULL DEFAULT '{}',
      org_unit_id   uuid,
      org_unit_path text NOT NULL,
      created_at    timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX instructors_scope_page ON instructors (org_unit_path text_pattern_ops, created_at, id);

    CREATE TABLE instructor_availability (
      id            uuid PRIMARY KEY,
      instructor_id uuid NOT NULL REFERENCES instructors (id),
      during        tstzrange NOT NULL CHECK (NOT isempty(during))
    );
    CREATE INDEX instructor_availability_of ON instructor_availability (instructor_id);

    CREATE TABLE training_orders (
      id                uuid PRIMARY KEY,
      enterprise_name   text NOT NULL,
      credit_code       char(18) NOT NULL,
      skill             text NOT NULL,
      workers           integer NOT NULL CHECK (workers BETWEEN 1 AND 100000),
      location          text NOT NULL,
      wished_from       date NOT NULL,
      wished_to         date NOT NULL CHECK (wished_to >= wished_from),
      status            text NOT NULL CHECK (status IN ('open', 'assigned', 'completed', 'evaluated')),
      enterprise_score  integer CHECK (enterprise_score BETWEEN 0 AND 100),
      trainee_score     integer CHECK (trainee_score BETWEEN 0 AND 100),
      academy_score     integer CHECK (academy_score BETWEEN 0 AND 100),
      outcomes          jsonb NOT NULL DEFAULT '[]',
      evaluation_note   text,
      evaluated_at      timestamptz(3),
      org_unit_id       uuid,
      org_unit_path     text NOT NULL,
      created_by        text NOT NULL,
      created_at        timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX training_orders_scope_page ON training_orders (org_unit_path text_pattern_ops, created_at, id);

    CREATE TABLE instructor_assignments (
      id            uuid PRIMARY KEY,
      order_id      uuid NOT NULL REFERENCES training_orders (id),
      instructor_id uuid NOT NULL REFERENCES instructors (id),
      during        tstzrange NOT NULL CHECK (NOT isempty(during)),
      assigned_at   timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX instructor_assignments_of ON instructor_assignments (instructor_id);
    CREATE INDEX instructor_assignments_order ON instructor_assignments (order_id, assigned_at, id);

    CREATE TABLE order_sessions (
      id            uuid PRIMARY KEY,
      order_id      uuid NOT NULL REFERENCES training_orders (id),
      instructor_id uuid NOT NULL REFERENCES instructors (id),
      starts_at     timestamptz NOT NULL,
      ends_at       timestamptz NOT NULL CHECK (ends_at > starts_at),
      topic         text NOT NULL,
      attended      integer NOT NULL CHECK (attended >= 0),
      recorded_at   timestamptz(3) NOT NULL DEFAULT now()
    );
    CREATE INDEX order_sessions_order ON order_sessions (order_id, starts_at, id);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE order_sessions; DROP TABLE instructor_assignments; DROP TABLE training_orders; DROP TABLE instructor_availability; DROP TABLE instructors;');
  }
}
