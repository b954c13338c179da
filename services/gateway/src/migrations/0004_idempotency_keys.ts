import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1764000004000 implements MigrationInterface {
  name = 'IdempotencyKeys1764000004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
    -- A POST or PATCH sent through the gateway with an Idempotency-Key: claimed before it is
    -- proxied (status_code NULL while in flight), then the answer kept for replay, for 24 hours.
    CREATE TABLE idempotency_keys (
      user_id       text NOT NULL,
      key           text NOT NULL,
      claim_token   uuid NOT NULL,
      method        text NOT NULL,
      path          text NOT NULL,
      body_sha256   text NOT NULL,
      status_code   smallint,
      content_type  text,
      location      text,
      response_body bytea,
      created_at    timestamptz(3) NOT NULL DEFAULT now(),
      completed_at  timestamptz(3),
      PRIMARY KEY (user_id, key)
    );
    -- The hourly purge finds expired keys by age.
    CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
  `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE idempotency_keys;');
  }
}
