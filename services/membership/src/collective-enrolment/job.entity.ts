import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Long work (collective enrolment of a roster) as a job whose progress users poll. */
@Entity({ name: 'jobs' })
export class Job {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ name: 'org_unit_id', type: 'uuid' }) orgUnitId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ type: 'text' }) status!: 'queued' | 'running' | 'completed' | 'failed';
  @Column({ name: 'total_rows', type: 'integer' }) totalRows!: number;
  @Column({ name: 'rows_done', type: 'integer', default: 0 }) rowsDone!: number;
  @Column({ type: 'integer', default: 0 }) enrolled!: number;
  @Column({ name: 'already_enrolled', type: 'integer', default: 0 }) alreadyEnrolled!: number;
  @Column({ type: 'integer', default: 0 }) rejected!: number;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 }) updatedAt!: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', precision: 3, nullable: true }) finishedAt!: Date | null;
}

/** A roster row a job refused, with its line and reason. */
@Entity({ name: 'job_rejections' })
export class JobRejection {
  @PrimaryColumn({ name: 'job_id', type: 'uuid' }) jobId!: string;
  @PrimaryColumn({ type: 'integer' }) line!: number;
  @PrimaryColumn({ type: 'text' }) field!: string;
  @Column({ type: 'text' }) reason!: string;
}
