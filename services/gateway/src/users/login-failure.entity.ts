import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Wrong passwords for one username (keyed by a hash of it), in a sliding window, and the lock they caused. */
@Entity({ name: 'login_failures' })
export class LoginFailure {
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ name: 'failed_at', type: 'timestamptz', precision: 3, array: true, default: () => "'{}'" }) failedAt!: Date[];
  @Column({ name: 'locked_until', type: 'timestamptz', precision: 3, nullable: true }) lockedUntil!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3, default: () => 'now()' }) updatedAt!: Date;
}
