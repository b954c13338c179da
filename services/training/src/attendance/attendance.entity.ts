import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member's attendance at a session (签到签退): by the rotating code or marked by an instructor. Carries the member's path for scope. */
@Entity({ name: 'attendance' })
export class Attendance {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'signed_in_at', type: 'timestamptz', precision: 3 }) signedInAt!: Date;
  @Column({ name: 'signed_out_at', type: 'timestamptz', precision: 3, nullable: true }) signedOutAt!: Date | null;
  @Column({ type: 'text' }) method!: 'code' | 'instructor';
  @Column({ name: 'marked_by', type: 'text', nullable: true }) markedBy!: string | null;
}
