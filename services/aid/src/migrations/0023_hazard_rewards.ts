import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rewards for verified safety-hazard reports (隐患举报奖励), learnt from mediation's event: reserved
 * from the nearest `hazard-reward` budget up the unit path, paid to the payee an officer names
 * (the reporter comes in person: no identity ever arrives in the event), through the budget's
 * payment batches. An instruction pays either an application or a reward.
 */
export class HazardRewards1764000023000 implements MigrationInterface {
  name = 'HazardRewards1764000023000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE hazard_rewards (
        id              uuid PRIMARY KEY,
        report_id       uuid NOT NULL UNIQUE,
        org_unit_id     uuid NOT NULL,
        org_unit_path   text NOT NULL,
        reward_level    integer NOT NULL,
        reward_fen      bigint NOT NULL CHECK (reward_fen > 0),
        verified_at     timestamptz(3) NOT NULL,
        status          text NOT NULL CHECK (status IN ('awaiting-budget', 'awaiting-payee', 'payable', 'paid')),
        budget_id       uuid REFERENCES budgets (id),
        member_id       uuid,
        payee_named_by  text,
        payee_named_at  timestamptz(3),
        paid_at         timestamptz(3),
        received_at     timestamptz(3) NOT NULL
      );
      CREATE INDEX hazard_rewards_scope ON hazard_rewards (org_unit_path text_pattern_ops, received_at, id);
      CREATE INDEX hazard_rewards_payable ON hazard_rewards (budget_id) WHERE status = 'payable';

      ALTER TABLE budget_ledger_entries ADD COLUMN hazard_reward_id uuid;
      ALTER TABLE payment_instructions
        ADD COLUMN hazard_reward_id uuid REFERENCES hazard_rewards (id),
        ADD CONSTRAINT payment_instructions_pay_one_thing CHECK ((application_id IS NULL) <> (hazard_reward_id IS NULL));
      CREATE UNIQUE INDEX payment_instructions_one_live_per_reward ON payment_instructions (hazard_reward_id) WHERE status IN ('pending', 'paid');
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX payment_instructions_one_live_per_reward;
      ALTER TABLE payment_instructions DROP CONSTRAINT payment_instructions_pay_one_thing, DROP COLUMN hazard_reward_id;
      ALTER TABLE budget_ledger_entries DROP COLUMN hazard_reward_id;
      DROP TABLE hazard_rewards;
    `);
  }
}
