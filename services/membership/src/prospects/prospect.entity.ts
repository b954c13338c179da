import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EmploymentForm } from '@gonghui/contracts';

/** A worker found in a door-to-door survey who is not a member yet (未入会职工底数). */
@Entity({ name: 'prospects' })
export class Prospect {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'mobile_cipher', type: 'text', nullable: true }) mobileCipher!: string | null;
  @Column({ name: 'mobile_masked', type: 'text', nullable: true }) mobileMasked!: string | null;
  @Column({ name: 'occupation_category', type: 'text' }) occupationCategory!: string;
  @Column({ name: 'employment_form', type: 'text' }) employmentForm!: EmploymentForm;
  @Column({ type: 'text', array: true, default: '{}' }) needs!: string[];
  @Column({ type: 'text', nullable: true }) address!: string | null;
  @Column({ name: 'found_by_unit_id', type: 'uuid' }) foundByUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'surveyed_on', type: 'date' }) surveyedOn!: string;
  @Column({ type: 'text' }) status!: 'open' | 'converted';
  @Column({ name: 'member_id', type: 'uuid', nullable: true }) memberId!: string | null;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @Column({ name: 'converted_at', type: 'timestamptz', precision: 3, nullable: true }) convertedAt!: Date | null;
}
