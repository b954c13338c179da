import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member's bank account for aid payments: one per member, the holder's name and number sealed. */
@Entity({ name: 'member_bank_accounts' })
export class MemberBankAccount {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'bank_name', type: 'text' }) bankName!: string;
  /** `6222 **** **** 1234`, kept beside the cipher so that lists never decrypt. */
  @Column({ name: 'account_number_masked', type: 'text' }) accountNumberMasked!: string;
  /** `{ accountName, accountNumber }` sealed with the vault (see bank-accounts.ts). */
  @Column({ name: 'account_cipher', type: 'text' }) accountCipher!: string;
  @Column({ name: 'updated_by', type: 'text' }) updatedBy!: string;
  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 }) updatedAt!: Date;
}

/** One full view of a member's bank account: who, when, whose, why. Written in the transaction that reads it. */
@Entity({ name: 'bank_account_access_log' })
export class BankAccountAccess {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId!: string;
  @Column({ type: 'text' }) actor!: string;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'accessed_at', type: 'timestamptz', precision: 3 }) accessedAt!: Date;
}
