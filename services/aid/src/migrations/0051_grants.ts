import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grants to social organisations' service projects (公益伙伴): a call reserves its money on an aid
 * budget; proposals by unified social credit code; one score sheet per reviewer and proposal;
 * awarded proposals become projects paid in milestones (ledger spends) and end with a final evaluation.
 */
export class Grants1764000051000 implements MigrationInterface {
  name = 'Grants1764000051000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE grant_calls (
        id             uuid PRIMARY KEY,
        org_unit_id    uuid NOT NULL,
        org_unit_path  text NOT NULL,
        title          text NOT NULL,
        budget_id      uuid NOT NULL REFERENCES budgets (id),
        amount_fen     bigint NOT NULL CHECK (amount_fen > 0),
        awarded_fen    bigint NOT NULL DEFAULT 0 CHECK (awarded_fen >= 0 AND awarded_fen <= amount_fen),
        criteria       jsonb NOT NULL,
        panel          text[] NOT NULL CHECK (cardinality(panel) > 0),
        min_score      numeric(5, 2) NOT NULL DEFAULT 0,
        status         text NOT NULL CHECK (status IN ('open', 'reviewing', 'awarded')),
        created_by     text NOT NULL,
        created_at     timestamptz(3) NOT NULL,
        awarded_at     timestamptz(3)
      );
      CREATE INDEX grant_calls_scope ON grant_calls (org_unit_path text_pattern_ops, created_at, id);

      CREATE TABLE grant_proposals (
        id                 uuid PRIMARY KEY,
        call_id            uuid NOT NULL REFERENCES grant_calls (id),
        org_unit_path      text NOT NULL,
        credit_code        text NOT NULL,
        organisation_name  text NOT NULL,
        project_title      text NOT NULL,
        summary            text NOT NULL,
        requested_fen      bigint NOT NULL CHECK (requested_fen > 0),
        status             text NOT NULL CHECK (status IN ('submitted', 'awarded', 'not-awarded', 'completed')),
        rank               integer,
        score              numeric(5, 2),
        final_rating       text,
        final_note         text,
        evaluated_on       date,
        evaluated_by       text,
        submitted_at       timestamptz(3) NOT NULL,
        CONSTRAINT grant_proposals_one_per_organisation UNIQUE (call_id, credit_code)
      );
      CREATE INDEX grant_proposals_call ON grant_proposals (call_id, submitted_at, id);

      CREATE TABLE grant_scores (
        id           uuid PRIMARY KEY,
        proposal_id  uuid NOT NULL REFERENCES grant_proposals (id),
        reviewer     text NOT NULL,
        scores       jsonb NOT NULL,
        weighted     numeric(5, 2) NOT NULL CHECK (weighted >= 0 AND weighted <= 100),
        scored_at    timestamptz(3) NOT NULL,
        CONSTRAINT grant_scores_once_per_reviewer UNIQUE (proposal_id, reviewer)
      );

      CREATE TABLE grant_milestones (
        proposal_id  uuid NOT NULL REFERENCES grant_proposals (id),
        seq          integer NOT NULL CHECK (seq > 0),
        name         text NOT NULL,
        amount_fen   bigint NOT NULL CHECK (amount_fen > 0),
        due_on       date NOT NULL,
        status       text NOT NULL CHECK (status IN ('planned', 'paid', 'cancelled')),
        paid_at      timestamptz(3),
        paid_by      text,
        PRIMARY KEY (proposal_id, seq)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE grant_milestones; DROP TABLE grant_scores; DROP TABLE grant_proposals; DROP TABLE grant_calls;');
  }
}
