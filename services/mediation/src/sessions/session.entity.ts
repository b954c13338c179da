import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttendeeSide, SessionKind } from './domain/session';

/** One mediation session of a case; the notes sealed by the vault (personal data). */
@Entity({ name: 'sessions' })
export class MediationSession {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'text' }) kind!: SessionKind;
  @Column({ name: 'held_at', type: 'timestamptz', precision: 3 }) heldAt!: Date;
  @Column({ type: 'jsonb' }) attendees!: { side: AttendeeSide; description: string }[];
  @Column({ name: 'sealed_notes', type: 'text' }) sealedNotes!: string;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 }) recordedAt!: Date;
}
