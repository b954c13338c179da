import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BookingStatus } from '../bookings/domain/waiting-list';

/** A member's seat, offer or place on the waiting list of a session (预约/候补); carries the member's path for data scope. */
@Entity({ name: 'bookings' })
export class Booking {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  /** Arrival time: strictly increasing per session, the order of the waiting list. */
  @Column({ name: 'booked_at', type: 'timestamptz', precision: 3 }) bookedAt!: Date;
  @Column({ type: 'text' }) status!: BookingStatus;
  @Column({ name: 'offer_expires_at', type: 'timestamptz', precision: 3, nullable: true }) offerExpiresAt!: Date | null;
  @Column({ name: 'ended_at', type: 'timestamptz', precision: 3, nullable: true }) endedAt!: Date | null;
}
