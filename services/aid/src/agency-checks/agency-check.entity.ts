import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CheckKind, CheckStatus, ConsentRelation } from './domain/consent';

/** A signed consent (核对授权委托书) on a hardship file; who signed it is sealed. */
@Entity({ name: 'agency_consents' })
export class AgencyConsent {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'file_id', type: 'uuid' }) fileId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'text' }) relation!: ConsentRelation;
  /** `{name, nationalId}` of the signer, sealed with the vault: what is sent to the agencies, and nothing else is. */
  @Column({ name: 'signer_cipher', type: 'text' }) signerCipher!: string;
  @Column({ name: 'masked_national_id', type: 'text' }) maskedNationalId!: string;
  @Column({ type: 'text', array: true }) scope!: CheckKind[];
  @Column({ name: 'signed_on', type: 'date' }) signedOn!: string;
  @Column({ name: 'expires_on', type: 'date' }) expiresOn!: string;
  @Column({ name: 'revoked_at', type: 'timestamptz', precision: 3, nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'revoked_by', type: 'text', nullable: true }) revokedBy!: string | null;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy!: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', precision: 3 }) recordedAt!: Date;
}

/** One check asked of an agency under a consent, and its answer. */
@Entity({ name: 'agency_checks' })
export class AgencyCheck {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'consent_id', type: 'uuid' }) consentId!: string;
  @Column({ name: 'file_id', type: 'uuid' }) fileId!: string;
  @Column({ name: 'member_id', type: 'uuid' }) memberId!: string;
  @Column({ name: 'org_unit_path', type: 'text' }) orgUnitPath!: string;
  @Column({ type: 'text' }) kind!: CheckKind;
  @Column({ type: 'text' }) agency!: string;
  @Column({ type: 'text' }) status!: CheckStatus;
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ type: 'jsonb', nullable: true }) result!: Record<string, any> | null;
  @Column({ name: 'agency_reference', type: 'text', nullable: true }) agencyReference!: string | null;
  @Column({ type: 'text', nullable: true }) source!: string | null;
  @Column({ name: 'checked_at', type: 'timestamptz', precision: 3, nullable: true }) checkedAt!: Date | null;
  @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason!: string | null;
  @Column({ name: 'requested_by', type: 'text' }) requestedBy!: string;
  @Column({ name: 'requested_at', type: 'timestamptz', precision: 3 }) requestedAt!: Date;
  @Column({ name: 'last_attempt_at', type: 'timestamptz', precision: 3 }) lastAttemptAt!: Date;
}
