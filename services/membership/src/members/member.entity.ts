import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { EmploymentForm } from '@gonghui/contracts';

/** A membership (会籍) of one person; at most one of a person's memberships is active. */
@Entity({ name: 'members' })
export class Member {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'member_no', type: 'text' }) memberNo!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'national_id_cipher', type: 'text' }) nationalIdCipher!: string;
  @Column({ name: 'national_id_hash', type: 'text' }) nationalIdHash!: string;
  @Column({ name: 'national_id_masked', type: 'text' }) nationalIdMasked!: string;
  @Column({ name: 'mobile_cipher', type: 'text' }) mobileCipher!: string;
  @Column({ name: 'mobile_masked', type: 'text' }) mobileMasked!: string;
  @Column({ type: 'text' }) gender!: 'male' | 'female';
  @Column({ name: 'birth_date', type: 'date' }) birthDate!: string;
  @Column({ name: 'employment_form', type: 'text' }) employmentForm!: EmploymentForm;
  @Column({ type: 'text', nullable: true }) industry!: string | null;
  @Column({ name: 'employer_name', type: 'text', nullable: true }) employerName!: string | null;
  @Column({ name: 'employer_credit_code', type: 'text', nullable: true }) employerCreditCode!: string | null;
  @Column({ name: 'skill_level', type: 'text', default: 'novice' }) skillLevel!: 'novice' | 'skilled' | 'master';
  @Column({ type: 'text', array: true, default: '{}' }) honours!: string[];
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'text' }) status!: 'active' | 'left';
  @Column({ name: 'enrolled_at', type: 'timestamptz', precision: 3 }) enrolledAt!: Date;
  @Column({ name: 'left_at', type: 'timestamptz', precision: 3, nullable: true }) leftAt!: Date | null;
}

/** Everything that happened to a membership, oldest first (会员档案变动记录). */
@Entity({ name: 'member_history' })
export class MemberHistoryEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ type: 'text' }) kind!: 'enrolled' | 'transferred' | 'dual-registered' | 'left' | 'reinstated' | 'updated';
  @Column({ name: 'from_unit_id', type: 'uuid', nullable: true }) fromUnitId!: string | null;
  @Column({ name: 'to_unit_id', type: 'uuid', nullable: true }) toUnitId!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  /** For an 'updated' entry, the names of the fields the edit changed (never their values). */
  @Column({ name: 'changed_fields', type: 'text', array: true, nullable: true }) changedFields!: string[] | null;
  @Column({ type: 'text' }) actor!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3 }) occurredAt!: Date;
}

/** 双报到: a member's community union besides the workplace union. */
@Entity({ name: 'dual_registrations' })
export class DualRegistration {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @PrimaryColumn({ name: 'community_unit_id', type: 'uuid' }) communityUnitId!: string;
  @Column({ name: 'registered_at', type: 'timestamptz', precision: 3 }) registeredAt!: Date;
}

/** Who saw a full resident ID or mobile number, when and why. */
@Entity({ name: 'personal_data_access_log' })
export class PersonalDataAccess {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId!: string;
  @Column({ type: 'text' }) actor!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'accessed_at', type: 'timestamptz', precision: 3 }) accessedAt!: Date;
}
