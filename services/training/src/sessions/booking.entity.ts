import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member's seat on a session (预约); carries the member's path for data scope. */
@Entity({ name: 'bookings' })
export class Booking {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'booked_at', type: 'timestamptz', precision: 3 }) bookedAt!: Date;
}
