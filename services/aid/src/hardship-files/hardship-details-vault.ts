import { Module } from '@nestjs/common';
import { PersonalDataVault } from '@gonghui/identifiers';
import { DETAIL_FIELDS, HardshipDetails } from './domain/detail-access';

/**
 * The details of a household visit (income, income sources, housing, health, children's
 * schooling) are stored as one sealed document per file: AES-256-GCM through membership's
 * PersonalDataVault, keyed by the same PII_ENCRYPTION_KEY. One sealed value rather than one
 * per field: a view decrypts once, the length of each answer is not exposed, and a new detail
 * needs no new column.
 */
export function sealDetails(vault: PersonalDataVault, details: HardshipDetails): string {
  const document: Record<string, unknown> = {};
  for (const field of DETAIL_FIELDS) document[field] = details[field];
  return vault.encrypt(JSON.stringify(document));
}

/** The details a sealed value holds; a value that is not one (wrong key, tampering) throws, as the vault does. */
export function openDetails(vault: PersonalDataVault, sealed: string): HardshipDetails {
  const document = JSON.parse(vault.decrypt(sealed)) as Record<string, unknown>;
  const details = {} as Record<string, unknown>;
  for (const field of DETAIL_FIELDS) {
    const value = document[field];
    const expected = field === 'monthlyHouseholdIncomeFen' ? 'number' : 'string';
    if (typeof value !== expected) throw new Error(`sealed hardship details lack ${field}`);
    details[field] = value;
  }
  return details as unknown as HardshipDetails;
}

/**
 * One vault for aid, with its keys from the environment exactly as membership's: in production
 * (NODE_ENV=production) a missing, short or shipped-default PII_ENCRYPTION_KEY / PII_HASH_KEY
 * makes PersonalDataVault.fromEnv throw, and the service refuses to start (Nest builds the
 * provider while the app is created, before it listens).
 */
@Module({ providers: [{ provide: PersonalDataVault, useFactory: () => PersonalDataVault.fromEnv() }], exports: [PersonalDataVault] })
export class HardshipDetailsVaultModule {}
