import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, Relation } from 'typeorm';
import type { AgreementObligation } from '@gonghui/contracts';
import { DisputeCase } from './case.entity';

export interface AgreementSignature {
  party: 'worker' | 'employer' | 'mediator';
  signer: string;
  signedOn: string;
}

export interface JudicialConfirmation {
  court: string;
  requestedOn: string;
  outcome: 'pending' | 'confirmed' | 'rejected';
  decidedOn: string | null;
}

/** The written mediation agreement (调解协议) that settled a case; money in fen. */
@Entity({ name: 'agreements' })
export class Agreement {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'jsonb' }) obligations!: AgreementObligation[];
  /** bigint: node-postgres gives it as a string. */
  @Column({ name: 'total_amount_fen', type: 'bigint' }) totalAmountFen!: string;
  @Column({ name: 'signed_at', type: 'timestamptz', precision: 3 }) signedAt!: Date;
  /** Who signed for each party (签字), as recorded by the mediator. */
  @Column({ type: 'jsonb' }) signatures!: AgreementSignature[];
  /** The request for judicial confirmation (司法确认) and its outcome, if one was made. */
  @Column({ name: 'judicial_confirmation', type: 'jsonb', nullable: true }) judicialConfirmation!: JudicialConfirmation | null;
  @OneToOne(() => DisputeCase, (c) => c.agreement)
  @JoinColumn({ name: 'case_id' })
  disputeCase?: Relation<DisputeCase>;
}
