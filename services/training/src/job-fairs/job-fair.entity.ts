import { Column, Entity, PrimaryColumn } from 'typeorm';
import { OfferStatus } from './domain/matching';

/** A job fair (招聘会), scoped by the unit that holds it. */
@Entity({ name: 'job_fairs' })
export class JobFair {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) district!: string;
  @Column({ name: 'held_on', type: 'date' }) heldOn!: string;
  @Column({ type: 'text' }) venue!: string;
  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true }) orgUnitId!: string | null;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}

@Entity({ name: 'fair_employers' })
export class FairEmployer {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'fair_id', type: 'uuid' }) fairId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'credit_code', type: 'char', length: 18 }) creditCode!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}

@Entity({ name: 'vacancies' })
export class Vacancy {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'fair_id', type: 'uuid' }) fairId!: string;
  @Column({ name: 'employer_id', type: 'uuid' }) employerId!: string;
  @Column({ type: 'text' }) position!: string;
  @Column({ type: 'text', array: true }) skills!: string[];
  @Column({ type: 'text' }) district!: string;
  @Column({ name: 'employment_form', type: 'text' }) employmentForm!: string;
  @Column({ type: 'integer' }) openings!: number;
  @Column({ type: 'integer' }) accepted!: number;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}

/** A member aid referred for work (就业援助转介), as aid announced it; no hardship detail. */
@Entity({ name: 'job_referrals' })
export class JobReferral {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'hardship_file_id', type: 'uuid' }) hardshipFileId!: string;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'text', array: true }) skills!: string[];
  @Column({ name: 'preferred_district', type: 'text', nullable: true }) preferredDistrict!: string | null;
  @Column({ name: 'employment_form', type: 'text', nullable: true }) employmentForm!: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 }) recordedAt!: Date;
}

@Entity({ name: 'job_offers' })
export class JobOffer {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'vacancy_id', type: 'uuid' }) vacancyId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'referral_id', type: 'uuid', nullable: true }) referralId!: string | null;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'text' }) status!: OfferStatus;
  @Column({ name: 'offered_at', type: 'timestamptz', precision: 3 }) offeredAt!: Date;
  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true }) decidedAt!: Date | null;
}

export const JOB_FAIR_ENTITIES = [JobFair, FairEmployer, Vacancy, JobReferral, JobOffer];
