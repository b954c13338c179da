import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A course session (课程场次) and the seats taken on it; it belongs to a unit, whose path scopes it ('/' and no unit: federation-wide). */
@Entity({ name: 'sessions' })
export class Session {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'course_title', type: 'text' }) courseTitle!: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'text' }) location!: string;
  @Column({ type: 'integer' }) capacity!: number;
  @Column({ type: 'integer' }) booked!: number;
  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true }) orgUnitId!: string | null;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'course_id', type: 'uuid', nullable: true }) courseId!: string | null;
  /** scheduled, or cancelled (no more bookings). */
  @Column({ type: 'text' }) status!: 'scheduled' | 'cancelled';
  /** How long a seat offered from the waiting list stays open (24 h by default). */
  @Column({ name: 'offer_window_seconds', type: 'integer' }) offerWindowSeconds!: number;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}
