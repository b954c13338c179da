import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A veteran master in the academy's pool (师资库), scoped by the unit that keeps them. */
@Entity({ name: 'instructors' })
export class Instructor {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', array: true }) specialties!: string[];
  @Column({ type: 'text', array: true }) certificates!: string[];
  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true }) orgUnitId!: string | null;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}
