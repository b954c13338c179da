import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One view of a hardship file's details: who, when, which file, why. Written in the transaction that reads the details. */
@Entity({ name: 'hardship_detail_access_log' })
export class HardshipDetailAccess {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'file_id', type: 'uuid' }) fileId!: string;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId!: string;
  @Column({ type: 'text' }) actor!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'accessed_at', type: 'timestamptz', precision: 3 }) accessedAt!: Date;
}
