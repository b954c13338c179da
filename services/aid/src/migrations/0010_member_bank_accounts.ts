import { MigrationInterface, QueryRunner } from 'typeorm';

/** Members' bank accounts for aid payments, the holder's name and number sealed, and the log of every full view. */
export class MemberBankAccounts1764000010000 implements MigrationInterface {
  name = 'MemberBankAccounts1764000010000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE member_bank_accounts (
        member_id             uuid PRIMARY KEY REFERENCES member_directory (member_id),
        bank_name             text NOT NULL CHECK (btrim(bank_name) <> ''),
        account_number_masked text NOT NULL,
        account_cipher        text NOT NULL,
        updated_by            text NOT NULL,
        updated_at            timestamptz(3) NOT NULL DEFAULT now()
      );

      -- Every full view of an account: who, when, whose, why. Read newest first, per member.
      CREATE TABLE bank_account_access_log (
        id          uuid PRIMARY KEY,
        member_id   uuid NOT NULL REFERENCES member_bank_accounts (member_id),
        actor_id    uuid NOT NULL,
        actor       text NOT NULL,
        reason      text NOT NULL CHECK (btrim(reason) <> '' AND length(reason) <= 500),
        accessed_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE INDEX bank_account_access_log_by_member ON bank_account_access_log (member_id, accessed_at DESC, id DESC);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE bank_account_access_log; DROP TABLE member_bank_accounts;');
  }
}
