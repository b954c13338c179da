import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { affectedRows, returnedRows } from '@gonghui/persistence';
import { IdempotencyKey } from './idempotency-key.entity';

/** How long a key is kept: a repeat within this time replays the first answer. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/** What identifies a request under its key: the same key with another fingerprint is refused. */
export interface RequestFingerprint {
  method: string;
  path: string;
  bodySha256: string;
}

/** An answer kept for replay. */
export interface StoredAnswer {
  statusCode: number;
  contentType: string | null;
  location: string | null;
  body: Buffer;
}

/** A claim on (user, key): only its holder completes or releases it. */
export interface Claim {
  userId: string;
  key: string;
  claimToken: string;
}

/** The gateway's `idempotency_keys` table. */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectRepository(IdempotencyKey) private readonly keys: Repository<IdempotencyKey>) {}

  /**
   * Claims (user, key) for a request about to be proxied, atomically: of concurrent requests
   * with one key exactly one gets the claim. A key older than the TTL (not yet purged), or a
   * claim left in flight for longer than `staleAfterMs` (its gateway died mid-request), is
   * taken over. Returns null when the key is held: look at it with `find`.
   */
  async claim(userId: string, key: string, request: RequestFingerprint, staleAfterMs: number): Promise<Claim | null> {
    const claimToken = randomUUID();
    // Hand-written: INSERT … ON CONFLICT DO UPDATE … WHERE, the one-statement claim that concurrent duplicates race on.
    const rows = returnedRows<{ claim_token: string }>(
      await this.keys.manager.query(
        `INSERT INTO idempotency_keys (user_id, key, claim_token, method, path, body_sha256)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (user_id, key) DO UPDATE
           SET claim_token = EXCLUDED.claim_token, method = EXCLUDED.method, path = EXCLUDED.path, body_sha256 = EXCLUDED.body_sha256,
               status_code = NULL, content_type = NULL, location = NULL, response_body = NULL, created_at = now(), completed_at = NULL
           WHERE idempotency_keys.created_at < now() - $7::interval
              OR (idempotency_keys.completed_at IS NULL AND idempotency_keys.created_at < now() - $8::interval)
         RETURNING claim_token`,
        [userId, key, claimToken, request.method, request.path, request.bodySha256, `${IDEMPOTENCY_KEY_TTL_HOURS} hours`, `${Math.ceil(staleAfterMs / 1000)} seconds`],
      ),
    );
    return rows.length === 1 ? { userId, key, claimToken } : null;
  }

  find(userId: string, key: string): Promise<IdempotencyKey | null> {
    return this.keys.findOneBy({ userId, key });
  }

  /** Keeps the answer to the claimed request, for replay. */
  async complete(claim: Claim, answer: StoredAnswer): Promise<void> {
    await this.keys.update(
      { userId: claim.userId, key: claim.key, claimToken: claim.claimToken },
      { statusCode: answer.statusCode, contentType: answer.contentType, location: answer.location, responseBody: answer.body, completedAt: () => 'now()' },
    );
  }

  /** Gives the key up (the request failed, or its answer is not kept): a retry goes through. */
  async release(claim: Claim): Promise<void> {
    await this.keys.delete({ userId: claim.userId, key: claim.key, claimToken: claim.claimToken });
  }

  /** Deletes keys older than the TTL, `chunk` rows per statement so that no purge holds locks for long. */
  async purgeExpired(chunk = 10_000): Promise<number> {
    let total = 0;
    for (;;) {
      // Hand-written: a chunked, set-based delete by age (the index on created_at finds the rows).
      const deleted = affectedRows(
        await this.keys.manager.query(
          `DELETE FROM idempotency_keys WHERE ctid IN (
             SELECT ctid FROM idempotency_keys WHERE created_at < now() - $1::interval LIMIT $2)`,
          [`${IDEMPOTENCY_KEY_TTL_HOURS} hours`, chunk],
        ),
      );
      total += deleted;
      if (deleted < chunk) return total;
    }
  }
}
