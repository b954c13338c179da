import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Aid applications (帮扶申请) and the steps they went through. The stage details (investigation,
 * notice and objections, decision, ratification, rejection, follow-up) are jsonb on the row:
 * each is written once by its action and read with the application; every step is also a row
 * of its own (who, when, from which stage to which).
 */
export class AidApplications1764000021000 implements MigrationInterface {
  name = 'AidApplications1764000021000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE aid_applications (
        id                     uuid PRIMARY KEY,
        member_id              uuid NOT NULL,
        hardship_file_id       uuid,
        org_unit_id            uuid NOT NULL,
        org_unit_path          text NOT NULL,
        kind                   text NOT NULL CHECK (kind IN ('living', 'medical', 'education', 'emergency')),
        requested_amount_fen   bigint NOT NULL CHECK (requested_amount_fen > 0),
        reason                 text NOT NULL,
        documents              jsonb NOT NULL DEFAULT '[]',
        stage                  text NOT NULL,
        fast_track             boolean NOT NULL DEFAULT false,
        awaiting_ratification  boolean NOT NULL DEFAULT false,
        approved_by            text CHECK (approved_by IN ('committee', 'chair')),
        approved_amount_fen    bigint CHECK (approved_amount_fen > 0),
        budget_id              uuid REFERENCES budgets (id),
        review                 jsonb,
        investigation          jsonb,
        notice                 jsonb,
        objections             jsonb NOT NULL DEFAULT '[]',
        decision               jsonb,
        ratification           jsonb,
        rejection              jsonb,
        cancellation           jsonb,
        follow_up              jsonb,
        follow_up_due_on       date,
        member_left_at         timestamptz(3),
        submitted_by           text NOT NULL,
        submitted_at           timestamptz(3) NOT NULL,
        approved_at            timestamptz(3),
        paid_at                timestamptz(3)
      );
      CREATE INDEX aid_applications_scope ON aid_applications (org_unit_path text_pattern_ops, submitted_at, id);
      CREATE INDEX aid_applications_stage ON aid_applications (stage, submitted_at, id);
      CREATE INDEX aid_applications_member ON aid_applications (member_id);
      CREATE INDEX aid_applications_budget ON aid_applications (budget_id) WHERE budget_id IS NOT NULL;
      CREATE INDEX aid_applications_follow_up_due ON aid_applications (follow_up_due_on) WHERE stage = 'disbursed';

      CREATE TABLE aid_application_steps (
        id              uuid PRIMARY KEY,
        application_id  uuid NOT NULL REFERENCES aid_applications (id),
        action          text NOT NULL,
        from_stage      text,
        to_stage        text NOT NULL,
        actor           text NOT NULL,
        acted_at        timestamptz(3) NOT NULL
      );
      CREATE INDEX aid_application_steps_application ON aid_application_steps (application_id, acted_at, id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE aid_application_steps; DROP TABLE aid_applications;');
  }
}
