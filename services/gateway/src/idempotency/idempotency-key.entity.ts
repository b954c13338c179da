import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A request a user sent with an `Idempotency-Key`: claimed before it is proxied (`statusCode`
 * null while in flight), then completed with the answer that a repeat of the key replays.
 * `claimToken` tells this claim from a later one of the same key (after expiry).
 */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKey {
  @PrimaryColumn({ name: 'user_id', type: 'text' }) userId!: string;
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ name: 'claim_token', type: 'uuid' }) claimToken!: string;
  @Column({ type: 'text' }) method!: string;
  @Column({ type: 'text' }) path!: string;
  @Column({ name: 'body_sha256', type: 'text' }) bodySha256!: string;
  @Column({ name: 'status_code', type: 'smallint', nullable: true }) statusCode!: number | null;
  @Column({ name: 'content_type', type: 'text', nullable: true }) contentType!: string | null;
  @Column({ type: 'text', nullable: true }) location!: string | null;
  @Column({ name: 'response_body', type: 'bytea', nullable: true }) responseBody!: Buffer | null;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', precision: 3, nullable: true }) completedAt!: Date | null;
}
