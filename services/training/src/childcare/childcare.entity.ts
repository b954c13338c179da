import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A holiday childcare class (托管班), scoped by the unit that runs it. */
@Entity({ name: 'childcare_classes' })
export class ChildcareClass {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) venue!: string;
  @Column({ name: 'age_min', type: 'integer' }) ageMin!: number;
  @Column({ name: 'age_max', type: 'integer' }) ageMax!: number;
  @Column({ type: 'integer' }) capacity!: number;
  @Column({ type: 'integer' }) enrolled!: number;
  @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  @Column({ name: 'ends_on', type: 'date' }) endsOn!: string;
  @Column({ name: 'opens_at', type: 'time' }) opensAt!: string;
  @Column({ name: 'closes_at', type: 'time' }) closesAt!: string;
  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true }) orgUnitId!: string | null;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}

/** A member's child in a class; the name and the pick-up people are sealed (personal data). `member_id` is the guardian's, for data scope moves. */
@Entity({ name: 'childcare_children' })
export class ChildcareChild {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'class_id', type: 'uuid' }) classId!: string;
  @Column({ name: 'guardian_member_id', type: 'uuid' }) guardianMemberId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'child_name_sealed', type: 'text' }) childNameSealed!: string;
  @Column({ name: 'child_name_masked', type: 'text' }) childNameMasked!: string;
  @Column({ name: 'age_at_start', type: 'integer' }) ageAtStart!: number;
  @Column({ name: 'insurance_policy_no', type: 'text' }) insurancePolicyNo!: string;
  @Column({ name: 'pickup_sealed', type: 'text' }) pickupSealed!: string;
  @Column({ name: 'pickup_count', type: 'integer' }) pickupCount!: number;
  @Column({ name: 'enrolled_at', type: 'timestamptz', precision: 3 }) enrolledAt!: Date;
}

@Entity({ name: 'childcare_attendance' })
export class ChildcareAttendance {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'class_id', type: 'uuid' }) classId!: string;
  @Column({ name: 'child_id', type: 'uuid' }) childId!: string;
  @Column({ type: 'date' }) day!: string;
  @Column({ name: 'signed_in_at', type: 'timestamptz', precision: 3 }) signedInAt!: Date;
  @Column({ name: 'signed_out_at', type: 'timestamptz', precision: 3, nullable: true }) signedOutAt!: Date | null;
  @Column({ name: 'pickup_index', type: 'integer', nullable: true }) pickupIndex!: number | null;
}

@Entity({ name: 'childcare_notes' })
export class ChildcareNote {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'class_id', type: 'uuid' }) classId!: string;
  @Column({ type: 'text' }) kind!: 'patrol' | 'parent-feedback';
  @Column({ type: 'date' }) day!: string;
  @Column({ name: 'child_id', type: 'uuid', nullable: true }) childId!: string | null;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'text' }) author!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}

/** One full view of a child's sealed details (name, pick-up people): who, when and why. */
@Entity({ name: 'childcare_personal_data_access' })
export class ChildcarePersonalDataAccess {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'child_id', type: 'uuid' }) childId!: string;
  @Column({ name: 'actor_id', type: 'text' }) actorId!: string;
  @Column({ type: 'text' }) actor!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'accessed_at', type: 'timestamptz', precision: 3 }) accessedAt!: Date;
}

export const CHILDCARE_ENTITIES = [ChildcareClass, ChildcareChild, ChildcareAttendance, ChildcareNote, ChildcarePersonalDataAccess];
