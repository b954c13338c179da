import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Medical mutual-aid claims paid through the payment batches, like applications and hazard
 * rewards: an instruction pays exactly one thing (an application, a reward or a claim), at most
 * one live (pending or paid) instruction per claim, and the claim shows the batch it is in and,
 * when the bank returned the payment, why (status `payment-failed` until it is re-issued).
 */
export class MedicalClaimPayments1764000061000 implements MigrationInterface {
  name = 'MedicalClaimPayments1764000061000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE payment_instructions
        ADD COLUMN medical_claim_id uuid REFERENCES medical_claims (id),
        DROP CONSTRAINT payment_instructions_pay_one_thing,
        ADD CONSTRAINT payment_instructions_pay_one_thing CHECK (num_nonnulls(application_id, hazard_reward_id, medical_claim_id) = 1);
      CREATE UNIQUE INDEX payment_instructions_one_live_per_claim ON payment_instructions (medical_claim_id) WHERE status IN ('pending', 'paid');

      ALTER TABLE medical_claims
        DROP CONSTRAINT medical_claims_status_check,
        ADD CONSTRAINT medical_claims_status_check CHECK (status IN ('submitted', 'approved', 'rejected', 'paid', 'payment-failed')),
        ADD COLUMN payment_batch_id uuid REFERENCES payment_batches (id),
        ADD COLUMN payment_failure_reason text;
      -- what a new batch of a budget gathers
      CREATE INDEX medical_claims_approved ON medical_claims (plan_id) WHERE status = 'approved';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX medical_claims_approved;
      UPDATE medical_claims SET status = 'approved' WHERE status = 'payment-failed';
      ALTER TABLE medical_claims
        DROP COLUMN payment_failure_reason,
        DROP COLUMN payment_batch_id,
        DROP CONSTRAINT medical_claims_status_check,
        ADD CONSTRAINT medical_claims_status_check CHECK (status IN ('submitted', 'approved', 'rejected', 'paid'));
      DROP INDEX payment_instructions_one_live_per_claim;
      -- a claim's instruction (money the ledger names) is never deleted: with any, the CHECK below refuses the way back
      ALTER TABLE payment_instructions
        DROP CONSTRAINT payment_instructions_pay_one_thing,
        DROP COLUMN medical_claim_id,
        ADD CONSTRAINT payment_instructions_pay_one_thing CHECK ((application_id IS NULL) <> (hazard_reward_id IS NULL));
    `);
  }
}
