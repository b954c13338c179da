import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import type { AgreementObligation } from '@gonghui/contracts';
import { DisputeCase } from './case.entity';

/** The written mediation agreement (调解协议) that settled a case; money in fen. */
@Entity({ name: 'agreements' })
export class Agreement {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'jsonb' }) obligations!: AgreementObligation[];
  /** bigint: node-postgres gives it as a string. */
  @Column({ name: 'total_amount_fen', type: 'bigint' }) totalAmountFen!: string;
  @Column({ name: 'signed_at', type: 'timestamptz', precision: 3 }) signedAt!: Date;
  @OneToOne(() => DisputeCase, (c) => c.agreement)
  @JoinColumn({ name: 'case_id' })
  disputeCase?: Relation<DisputeCase>;
}
