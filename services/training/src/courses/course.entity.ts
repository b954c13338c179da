import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CourseCategory } from './domain/course';
import type { SkillLevel } from '../bookings/domain/waiting-list';

/** A course of the catalogue (课程超市), owned by a unit and scoped by its path; it runs as sessions. */
@Entity({ name: 'courses' })
export class Course {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) category!: CourseCategory;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'text' }) provider!: string;
  /** bigint: read back as a string by the driver, converted in the view. */
  @Column({ name: 'fee_fen', type: 'bigint' }) feeFen!: string;
  @Column({ name: 'free_for_members', type: 'boolean' }) freeForMembers!: boolean;
  @Column({ name: 'gig_workers_only', type: 'boolean' }) gigWorkersOnly!: boolean;
  @Column({ name: 'min_skill_level', type: 'text', nullable: true }) minSkillLevel!: SkillLevel | null;
  @Column({ name: 'min_attendance_percent', type: 'integer' }) minAttendancePercent!: number;
  @Column({ name: 'has_assessment', type: 'boolean' }) hasAssessment!: boolean;
  @Column({ name: 'grants_skill_level', type: 'text', nullable: true }) grantsSkillLevel!: SkillLevel | null;
  @Column({ name: 'certificate_valid_months', type: 'integer', nullable: true }) certificateValidMonths!: number | null;
  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true }) orgUnitId!: string | null;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}
