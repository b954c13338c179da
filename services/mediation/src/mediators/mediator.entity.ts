import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MediatorBackground, VettingStatus } from './domain/panel';

/** A mediator on a centre's roster (调解员名册); the centre's org unit path scopes the record. */
@Entity({ name: 'mediators' })
export class Mediator {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ name: 'centre_name', type: 'text' }) centreName!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) background!: MediatorBackground;
  @Column({ type: 'text', array: true }) specialties!: string[];
  /** Where the mediator works (a lawyer's firm, an HR bureau): a party with the same employer is a conflict. */
  @Column({ name: 'employer_name', type: 'text', nullable: true }) employerName!: string | null;
  @Column({ name: 'vetting_status', type: 'text' }) vettingStatus!: VettingStatus;
  @Column({ name: 'vetted_on', type: 'date', nullable: true }) vettedOn!: string | null;
  @Column({ type: 'boolean' }) available!: boolean;
  /** The mediator's login, if they have one: on a panel, they read the case's session notes. */
  @Column({ type: 'text', nullable: true }) username!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 }) createdAt!: Date;
}

/** A mediator's seat on a case's panel. */
@Entity({ name: 'panel_members' })
export class PanelMember {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @PrimaryColumn({ name: 'mediator_id', type: 'uuid' }) mediatorId!: string;
  @Column({ type: 'text' }) role!: 'lead' | 'co';
  @Column({ name: 'assigned_at', type: 'timestamptz', precision: 3 }) assignedAt!: Date;
}
