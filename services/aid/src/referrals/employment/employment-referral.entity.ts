import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReferralEmploymentForm } from '@gonghui/contracts';

/** A hardship file's member referred for a job (就业援助转介), and the job they took, once they took one. */
@Entity({ name: 'employment_referrals' })
export class EmploymentReferral {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'file_id', type: 'uuid' }) fileId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'text', array: true }) skills!: string[];
  @Column({ name: 'preferred_district', type: 'text', nullable: true }) preferredDistrict!: string | null;
  @Column({ name: 'employment_form', type: 'text', nullable: true }) employmentForm!: ReferralEmploymentForm | null;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 }) recordedAt!: Date;
  @Column({ name: 'job_taken_at', type: 'timestamptz', precision: 3, nullable: true }) jobTakenAt!: Date | null;
  @Column({ name: 'job_offer_id', type: 'uuid', nullable: true }) jobOfferId!: string | null;
  @Column({ name: 'job_employer', type: 'text', nullable: true }) jobEmployer!: string | null;
  @Column({ name: 'job_position', type: 'text', nullable: true }) jobPosition!: string | null;
}
