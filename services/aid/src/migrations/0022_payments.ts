import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disbursement (发放): payment instructions gathered in a batch per budget, exported for the bank,
 * settled from the bank's result file. An instruction is its own reference in the bank file. At
 * most one live (pending) or paid instruction per application: a failed one is re-issued as a
 * new instruction, and the partial unique index makes paying twice impossible.
 */
export class Payments1764000022000 implements MigrationInterface {
  name = 'Payments1764000022000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE payment_batches (
        id             uuid PRIMARY KEY,
        budget_id      uuid NOT NULL REFERENCES budgets (id),
        org_unit_path  text NOT NULL,
        created_by     text NOT NULL,
        created_at     timestamptz(3) NOT NULL
      );
      CREATE INDEX payment_batches_scope ON payment_batches (org_unit_path text_pattern_ops, created_at, id);

      CREATE TABLE payment_instructions (
        id              uuid PRIMARY KEY,
        batch_id        uuid NOT NULL REFERENCES payment_batches (id),
        budget_id       uuid NOT NULL REFERENCES budgets (id),
        application_id  uuid REFERENCES aid_applications (id),
        member_id       uuid NOT NULL,
        org_unit_path   text NOT NULL,
        amount_fen      bigint NOT NULL CHECK (amount_fen > 0),
        status          text NOT NULL CHECK (status IN ('pending', 'paid', 'failed', 'reissued')),
        bank_reference  text,
        failure_reason  text,
        reissue_of      uuid REFERENCES payment_instructions (id),
        created_at      timestamptz(3) NOT NULL,
        settled_at      timestamptz(3)
      );
      CREATE INDEX payment_instructions_batch ON payment_instructions (batch_id, created_at, id);
      CREATE UNIQUE INDEX payment_instructions_one_live_per_application ON payment_instructions (application_id) WHERE status IN ('pending', 'paid');
      CREATE UNIQUE INDEX payment_instructions_one_reissue ON payment_instructions (reissue_of) WHERE reissue_of IS NOT NULL;

      CREATE TABLE payment_batch_exports (
        id           uuid PRIMARY KEY,
        batch_id     uuid NOT NULL REFERENCES payment_batches (id),
        format       text NOT NULL,
        lines        integer NOT NULL,
        exported_by  text NOT NULL,
        exported_at  timestamptz(3) NOT NULL
      );
      CREATE INDEX payment_batch_exports_batch ON payment_batch_exports (batch_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE payment_batch_exports; DROP TABLE payment_instructions; DROP TABLE payment_batches;');
  }
}
