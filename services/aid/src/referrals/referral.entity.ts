import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../fen-column';

/** A worker referred to aid by another programme (so far: a settled mediation case). */
@Entity({ name: 'referrals' })
export class Referral {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ type: 'text' }) source!: 'mediation';
  /** The mediation case that led to the referral: one referral per case and member (a collective case has several). */
  @Column({ name: 'source_case_id', type: 'uuid' }) sourceCaseId!: string;
  @Column({ name: 'agreed_amount_fen', type: 'bigint', transformer: fenColumn }) agreedAmountFen!: number;
  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 }) recordedAt!: Date;
}
