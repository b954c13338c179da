import { EntityManager, In } from 'typeorm';
import { PersonalDataVault } from '@gonghui/identifiers';
import { maskAccountNumber as mask } from './domain/bank-account';
import { MemberBankAccount } from './bank-account.entity';

/** What is sealed of an account: the holder's name and the number (the bank's name and the mask stay readable). */
interface SealedAccount {
  accountName: string;
  accountNumber: string;
}

export function sealAccount(vault: PersonalDataVault, account: SealedAccount): string {
  return vault.encrypt(JSON.stringify({ accountName: account.accountName, accountNumber: account.accountNumber }));
}

/** The sealed name and number; a value that is not one (wrong key, tampering) throws, as the vault does. */
export function openAccount(vault: PersonalDataVault, sealed: string): SealedAccount {
  const document = JSON.parse(vault.decrypt(sealed)) as Partial<SealedAccount>;
  if (typeof document.accountName !== 'string' || typeof document.accountNumber !== 'string') throw new Error('sealed bank account lacks its name or number');
  return { accountName: document.accountName, accountNumber: document.accountNumber };
}

// The same keys as the injected vault (PersonalDataVault.fromEnv), for callers outside Nest's container.
let vault: PersonalDataVault | undefined;
const environmentVault = () => (vault ??= PersonalDataVault.fromEnv());

/**
 * The accounts of `memberIds` in full, decrypted: for the bank export file of a disbursement
 * batch only (the file the bank pays from), never for an HTTP answer, an event or a log line.
 * Members without an account are absent from the map. Runs on the caller's transaction.
 */
export async function bankAccountsForPayment(
  manager: EntityManager,
  memberIds: string[],
): Promise<Map<string, { bankName: string; accountName: string; accountNumber: string }>> {
  const result = new Map<string, { bankName: string; accountName: string; accountNumber: string }>();
  const unique = [...new Set(memberIds)];
  // in slices, so that a city-wide batch (16,000 people) does not make one enormous IN list
  for (let i = 0; i < unique.length; i += 5000) {
    const rows = await manager.find(MemberBankAccount, { where: { memberId: In(unique.slice(i, i + 5000)) }, select: { memberId: true, bankName: true, accountCipher: true } });
    for (const row of rows) {
      const { accountName, accountNumber } = openAccount(environmentVault(), row.accountCipher);
      result.set(row.memberId, { bankName: row.bankName, accountName, accountNumber });
    }
  }
  return result;
}

/** `6222 **** **** 1234`: how an account number is shown everywhere but the bank export file. */
export function maskAccountNumber(n: string): string {
  return mask(n);
}
