import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A login session ended by logout; kept until its token would have expired anyway. */
@Entity({ name: 'revoked_sessions' })
export class RevokedSession {
  @PrimaryColumn({ name: 'session_id', type: 'text' }) sessionId!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'revoked_at', type: 'timestamptz', precision: 3, default: () => 'now()' }) revokedAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 }) expiresAt!: Date;
}
