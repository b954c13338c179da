import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SkillLevel } from '../bookings/domain/waiting-list';

/** A certificate of completion (结业证书); the holder's name sealed by the vault, shown masked. */
@Entity({ name: 'certificates' })
export class Certificate {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'course_id', type: 'uuid' }) courseId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'verification_code', type: 'text' }) verificationCode!: string;
  @Column({ name: 'holder_name_sealed', type: 'text' }) holderNameSealed!: string;
  @Column({ name: 'holder_name_masked', type: 'text' }) holderNameMasked!: string;
  @Column({ name: 'attendance_percent', type: 'integer' }) attendancePercent!: number;
  @Column({ name: 'skill_level', type: 'text', nullable: true }) skillLevel!: SkillLevel | null;
  /** China calendar dates, YYYY-MM-DD. */
  @Column({ name: 'issued_on', type: 'date' }) issuedOn!: string;
  @Column({ name: 'expires_on', type: 'date', nullable: true }) expiresOn!: string | null;
  @Column({ name: 'issued_by', type: 'text' }) issuedBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}

/** A trainee's assessment result on a course (结业考核). */
@Entity({ name: 'assessments' })
export class Assessment {
  @PrimaryColumn({ name: 'course_id', type: 'uuid' }) courseId!: string;
  @PrimaryColumn({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'boolean' }) passed!: boolean;
  @Column({ type: 'integer', nullable: true }) score!: number | null;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 }) recordedAt!: Date;
}
