import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agreements with signatures and judicial confirmation (司法确认); each obligation tracked until
 * performed, with its part payments; a settled case closes when all are performed. Obligations of
 * agreements signed before are copied from the agreement (employer pays the worker).
 */
export class AgreementFollowUp1764000013000 implements MigrationInterface {
  name = 'AgreementFollowUp1764000013000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    ALTER TABLE cases DROP CONSTRAINT cases_status_check;
    ALTER TABLE cases ADD CONSTRAINT cases_status_check CHECK (status IN ('open', 'settled', 'declined', 'referred', 'closed'));
    ALTER TABLE agreements
      ADD COLUMN signatures jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN judicial_confirmation jsonb;

    CREATE TABLE obligations (
      id                 uuid PRIMARY KEY,
      case_id            uuid NOT NULL REFERENCES cases (id),
      seq                integer NOT NULL,
      description        text NOT NULL,
      payer              text NOT NULL CHECK (payer IN ('employer', 'worker')),
      payee              text NOT NULL CHECK (payee IN ('employer', 'worker')),
      amount_fen         bigint CHECK (amount_fen >= 0),
      due_date           date,
      paid_fen           bigint NOT NULL DEFAULT 0 CHECK (paid_fen >= 0 AND (amount_fen IS NULL OR paid_fen <= amount_fen)),
      status             text NOT NULL CHECK (status IN ('pending', 'performed')),
      performed_at       timestamptz(3),
      overdue_flagged_on date,
      follow_up_on       date,
      UNIQUE (case_id, seq)
    );
    -- The overdue sweep: pending obligations by due date.
    CREATE INDEX obligations_pending_due ON obligations (due_date) WHERE status = 'pending' AND overdue_flagged_on IS NULL;

    CREATE TABLE obligation_payments (
      id            uuid PRIMARY KEY,
      obligation_id uuid NOT NULL REFERENCES obligations (id),
      amount_fen    bigint NOT NULL CHECK (amount_fen > 0),
      paid_on       date NOT NULL,
      recorded_by   text NOT NULL,
      recorded_at   timestamptz(3) NOT NULL
    );
    CREATE INDEX obligation_payments_by_obligation ON obligation_payments (obligation_id);

    INSERT INTO obligations (id, case_id, seq, description, payer, payee, amount_fen, due_date, status)
    SELECT gen_random_uuid(), a.case_id, o.ordinality::int, o.value->>'description', 'employer', 'worker',
           (o.value->>'amountFen')::bigint, (o.value->>'dueDate')::date, 'pending'
      FROM agreements a, jsonb_array_elements(a.obligations) WITH ORDINALITY o;
    UPDATE cases SET closed_at = NULL WHERE status = 'settled';
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
    DROP TABLE obligation_payments; DROP TABLE obligations;
    ALTER TABLE agreements DROP COLUMN signatures, DROP COLUMN judicial_confirmation;
  `);
  }
}
