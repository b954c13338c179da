import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { PersonalDataVault } from '@gonghui/identifiers';
import { Tx } from '@gonghui/persistence';
import { decodeCursor, DEFAULT_PAGE_SIZE, findKnownMember, KnownMember, Page, PageQuery, requireInScope, toPage } from '@gonghui/service-kit';
import { BankAccountFacts, maskAccountNumber } from './domain/bank-account';
import { BankAccountAccess, MemberBankAccount } from './bank-account.entity';
import { openAccount, sealAccount } from './bank-accounts';

/** Members' bank accounts, reached through the member's unit in the directory; name and number sealed at rest. */
@Injectable()
export class BankAccountsRepository {
  constructor(@Inject(PersonalDataVault) private readonly vault: PersonalDataVault) {}

  /** The member if aid knows them and they are in the principal's subtree; a 404 otherwise. */
  async memberInScope(tx: Tx, memberId: string, principal: Principal): Promise<KnownMember> {
    return requireInScope(await findKnownMember(tx, memberId), (m) => m.orgUnitPath, principal, `会员不存在 / Member ${memberId} not found`);
  }

  find(tx: Tx, memberId: string): Promise<MemberBankAccount | null> {
    return tx.findOneBy(MemberBankAccount, { memberId });
  }

  /** Record (or replace) the member's account. */
  async put(tx: Tx, memberId: string, account: BankAccountFacts, by: string, at: Date): Promise<MemberBankAccount> {
    const row: MemberBankAccount = {
      memberId,
      bankName: account.bankName,
      accountNumberMasked: maskAccountNumber(account.accountNumber),
      accountCipher: sealAccount(this.vault, account),
      updatedBy: by,
      updatedAt: at,
    };
    await tx.upsert(MemberBankAccount, row, ['memberId']);
    return row;
  }

  /** The holder's name and full number: call only after the view is logged in the same transaction. */
  open(row: MemberBankAccount): { accountName: string; accountNumber: string } {
    return openAccount(this.vault, row.accountCipher);
  }

  async logView(tx: Tx, memberId: string, principal: Principal, reason: string, at: Date): Promise<void> {
    await tx.insert(BankAccountAccess, { id: randomUUID(), memberId, actorId: principal.userId, actor: principal.username, reason, accessedAt: at });
  }

  /** Who viewed the member's full account, newest first, a page at a time (the same walk as a hardship file's detail log). */
  async accessPage<T>(tx: Tx, memberId: string, page: PageQuery, toItem: (entry: BankAccountAccess) => T): Promise<Page<T>> {
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const before = decodeCursor<{ t: string; id: string }>(page.cursor, { t: 'timestamp', id: 'uuid' });
    const query = tx.getRepository(BankAccountAccess).createQueryBuilder('a').where('a.memberId = :memberId', { memberId });
    if (before) query.andWhere('(a.accessedAt, a.id) < (:beforeTime, :beforeId)', { beforeTime: before.t, beforeId: before.id });
    const rows = await query.orderBy('a.accessedAt', 'DESC').addOrderBy('a.id', 'DESC').limit(limit + 1).getMany();
    return toPage(rows, limit, toItem, (row) => ({ t: row.accessedAt.toISOString(), id: row.id }));
  }
}
