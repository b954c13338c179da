import { MigrationInterface, QueryRunner } from 'typeorm';
import { PersonalDataVault } from '@gonghui/identifiers';

/**
 * The household visit's income (amount and sources), housing, health and children's schooling
 * are sealed at rest, and every view of them is logged.
 *
 * Existing rows are encrypted here, in TypeScript inside `up`, with the vault from the
 * environment (PII_ENCRYPTION_KEY, the service's own key; production refuses a missing or
 * default one). Not in SQL: the sealed format is the vault's AES-256-GCM `v1.<iv>.<tag>.<body>`,
 * which pgcrypto cannot produce (it has no GCM), and passing the key into SQL would put it in
 * the server's statement logs and pg_stat_statements.
 *
 * The plain columns are first set to NULL in the same UPDATE that writes the cipher, then
 * dropped: a dropped column's values stay in the table's pages until the rows are rewritten,
 * and these rows are rewritten without them. (Dead row versions are reclaimed by VACUUM; backups
 * taken before this migration still hold the plain values and must be handled as such.)
 *
 * The sealed document is written by this file's own copy of the format, frozen with it; the
 * service reads it with hardship-details-vault.ts, which must keep reading it.
 */
export class HardshipDetailsEncrypted1764000004000 implements MigrationInterface {
  name = 'HardshipDetailsEncrypted1764000004000';

  static readonly BATCH = 500;

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE hardship_files
        ADD COLUMN visit_details_cipher text,
        ALTER COLUMN monthly_household_income_fen DROP NOT NULL,
        ALTER COLUMN income_sources DROP NOT NULL,
        ALTER COLUMN housing DROP NOT NULL,
        ALTER COLUMN health DROP NOT NULL,
        ALTER COLUMN children_schooling DROP NOT NULL;
    `);

    const vault = PersonalDataVault.fromEnv();
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: PlainRow[] = await db.query(
        `SELECT id, monthly_household_income_fen, income_sources, housing, health, children_schooling
           FROM hardship_files WHERE visit_details_cipher IS NULL AND id > $1 ORDER BY id LIMIT $2`,
        [after, HardshipDetailsEncrypted1764000004000.BATCH],
      );
      if (rows.length === 0) break;
      const sealed = rows.map((row) =>
        vault.encrypt(
          JSON.stringify({
            monthlyHouseholdIncomeFen: Number(row.monthly_household_income_fen),
            incomeSources: row.income_sources,
            housing: row.housing,
            health: row.health,
            childrenSchooling: row.children_schooling,
          }),
        ),
      );
      await db.query(
        `UPDATE hardship_files AS f
            SET visit_details_cipher = v.cipher,
                monthly_household_income_fen = NULL, income_sources = NULL, housing = NULL, health = NULL, children_schooling = NULL
           FROM unnest($1::uuid[], $2::text[]) AS v (id, cipher)
          WHERE f.id = v.id`,
        [rows.map((r) => r.id), sealed],
      );
      after = rows[rows.length - 1].id;
    }

    await db.query(`
      ALTER TABLE hardship_files
        ALTER COLUMN visit_details_cipher SET NOT NULL,
        DROP COLUMN monthly_household_income_fen,
        DROP COLUMN income_sources,
        DROP COLUMN housing,
        DROP COLUMN health,
        DROP COLUMN children_schooling;

      -- Every view of a file's details: who, when, which file, why. Read newest first, per file.
      CREATE TABLE hardship_detail_access_log (
        id          uuid PRIMARY KEY,
        file_id     uuid NOT NULL REFERENCES hardship_files (id),
        actor_id    uuid NOT NULL,
        actor       text NOT NULL,
        reason      text NOT NULL CHECK (btrim(reason) <> '' AND length(reason) <= 500),
        accessed_at timestamptz(3) NOT NULL DEFAULT now()
      );
      CREATE INDEX hardship_detail_access_log_by_file ON hardship_detail_access_log (file_id, accessed_at DESC, id DESC);
    `);
  }

  /** Back to the plain columns, decrypting every row (the log of views is dropped with the feature). */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE hardship_detail_access_log;
      ALTER TABLE hardship_files
        ADD COLUMN monthly_household_income_fen bigint,
        ADD COLUMN income_sources text,
        ADD COLUMN housing text,
        ADD COLUMN health text,
        ADD COLUMN children_schooling text;
    `);
    const vault = PersonalDataVault.fromEnv();
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; visit_details_cipher: string }[] = await db.query(
        'SELECT id, visit_details_cipher FROM hardship_files WHERE id > $1 ORDER BY id LIMIT $2',
        [after, HardshipDetailsEncrypted1764000004000.BATCH],
      );
      if (rows.length === 0) break;
      const details = rows.map((r) => JSON.parse(vault.decrypt(r.visit_details_cipher)) as SealedDetails);
      await db.query(
        `UPDATE hardship_files AS f
            SET monthly_household_income_fen = v.income, income_sources = v.sources, housing = v.housing, health = v.health, children_schooling = v.schooling
           FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[]) AS v (id, income, sources, housing, health, schooling)
          WHERE f.id = v.id`,
        [
          rows.map((r) => r.id),
          details.map((d) => d.monthlyHouseholdIncomeFen),
          details.map((d) => d.incomeSources),
          details.map((d) => d.housing),
          details.map((d) => d.health),
          details.map((d) => d.childrenSchooling),
        ],
      );
      after = rows[rows.length - 1].id;
    }
    await db.query(`
      ALTER TABLE hardship_files
        ALTER COLUMN monthly_household_income_fen SET NOT NULL,
        ADD CHECK (monthly_household_income_fen >= 0),
        ALTER COLUMN income_sources SET NOT NULL,
        ALTER COLUMN housing SET NOT NULL,
        ALTER COLUMN health SET NOT NULL,
        ALTER COLUMN children_schooling SET NOT NULL,
        DROP COLUMN visit_details_cipher;
    `);
  }
}

interface PlainRow {
  id: string;
  monthly_household_income_fen: string;
  income_sources: string;
  housing: string;
  health: string;
  children_schooling: string;
}

interface SealedDetails {
  monthlyHouseholdIncomeFen: number;
  incomeSources: string;
  housing: string;
  health: string;
  childrenSchooling: string;
}
