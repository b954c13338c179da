import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agency checks with consent (跨部门数据核验): the signed consent on a hardship file (the signer's
 * name and resident ID sealed with the vault, only the masked ID in the clear) and each check
 * asked of another agency under it, with the agency's answer, its source and time.
 */
export class AgencyChecks1764000050000 implements MigrationInterface {
  name = 'AgencyChecks1764000050000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agency_consents (
        id                  uuid PRIMARY KEY,
        file_id             uuid NOT NULL REFERENCES hardship_files (id),
        member_id           uuid NOT NULL,
        org_unit_path       text NOT NULL,
        relation            text NOT NULL,
        signer_cipher       text NOT NULL,
        masked_national_id  text NOT NULL,
        scope               text[] NOT NULL CHECK (cardinality(scope) > 0),
        signed_on           date NOT NULL,
        expires_on          date NOT NULL CHECK (expires_on >= signed_on),
        revoked_at          timestamptz(3),
        revoked_by          text,
        recorded_by         text NOT NULL,
        recorded_at         timestamptz(3) NOT NULL
      );
      CREATE INDEX agency_consents_file ON agency_consents (file_id, recorded_at, id);

      CREATE TABLE agency_checks (
        id                uuid PRIMARY KEY,
        consent_id        uuid NOT NULL REFERENCES agency_consents (id),
        file_id           uuid NOT NULL REFERENCES hardship_files (id),
        member_id         uuid NOT NULL,
        org_unit_path     text NOT NULL,
        kind              text NOT NULL,
        agency            text NOT NULL,
        status            text NOT NULL CHECK (status IN ('pending', 'completed', 'failed')),
        attempts          integer NOT NULL DEFAULT 1 CHECK (attempts > 0),
        result            jsonb,
        agency_reference  text,
        source            text,
        checked_at        timestamptz(3),
        failure_reason    text,
        requested_by      text NOT NULL,
        requested_at      timestamptz(3) NOT NULL,
        last_attempt_at   timestamptz(3) NOT NULL,
        CHECK ((status = 'completed') = (result IS NOT NULL))
      );
      CREATE INDEX agency_checks_file ON agency_checks (file_id, requested_at, id);
      CREATE INDEX agency_checks_member ON agency_checks (member_id, requested_at, id);
      CREATE INDEX agency_consents_member ON agency_consents (member_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE agency_checks; DROP TABLE agency_consents;');
  }
}
