import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@gonghui/auth';

/** A staff user of the console; `scopePath` is the organisation subtree they see. */
@Entity({ name: 'users' })
export class User {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text', unique: true }) username!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ name: 'password_hash', type: 'text' }) passwordHash!: string;
  @Column({ type: 'text', array: true }) roles!: Role[];
  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true }) orgUnitId!: string | null;
  @Column({ name: 'scope_path', type: 'text' }) scopePath!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' }) createdAt!: Date;
  /** Tokens issued before this are refused (every session revoked: disabled, roles changed, password reset). */
  @Column({ name: 'tokens_valid_after', type: 'timestamptz', precision: 3, nullable: true }) tokensValidAfter!: Date | null;
  @Column({ name: 'password_changed_at', type: 'timestamptz', precision: 3, nullable: true }) passwordChangedAt!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3, default: () => 'now()' }) updatedAt!: Date;
}

/** The unique constraint on users.username (Postgres's name for the column's UNIQUE). */
export const USERNAME_UNIQUE = 'users_username_key';
