import { Column, Entity, PrimaryColumn } from 'typeorm';
import { OutcomeMeasure, OrderStatus } from './domain/training-order';

/** An enterprise's training order (订单式培训), scoped by the unit that took it; the joint evaluation is kept on it. */
@Entity({ name: 'training_orders' })
export class TrainingOrder {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'enterprise_name', type: 'text' }) enterpriseName!: string;
  @Column({ name: 'credit_code', type: 'char', length: 18 }) creditCode!: string;
  @Column({ type: 'text' }) skill!: string;
  @Column({ type: 'integer' }) workers!: number;
  @Column({ type: 'text' }) location!: string;
  @Column({ name: 'wished_from', type: 'date' }) wishedFrom!: string;
  @Column({ name: 'wished_to', type: 'date' }) wishedTo!: string;
  @Column({ type: 'text' }) status!: OrderStatus;
  @Column({ name: 'enterprise_score', type: 'integer', nullable: true }) enterpriseScore!: number | null;
  @Column({ name: 'trainee_score', type: 'integer', nullable: true }) traineeScore!: number | null;
  @Column({ name: 'academy_score', type: 'integer', nullable: true }) academyScore!: number | null;
  @Column({ type: 'jsonb' }) outcomes!: OutcomeMeasure[];
  @Column({ name: 'evaluation_note', type: 'text', nullable: true }) evaluationNote!: string | null;
  @Column({ name: 'evaluated_at', type: 'timestamptz', precision: 3, nullable: true }) evaluatedAt!: Date | null;
  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true }) orgUnitId!: string | null;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}

/** An on-site session held for the order (送教上门), with how many of the enterprise's workers attended. */
@Entity({ name: 'order_sessions' })
export class OrderSession {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'order_id', type: 'uuid' }) orderId!: string;
  @Column({ name: 'instructor_id', type: 'uuid' }) instructorId!: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'text' }) topic!: string;
  @Column({ type: 'integer' }) attended!: number;
  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 }) recordedAt!: Date;
}
