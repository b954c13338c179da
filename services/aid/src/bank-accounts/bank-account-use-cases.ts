import { Injectable } from '@nestjs/common';
import { Principal } from '@gonghui/auth';
import { chinaTime, Page, PageQuery, Problem, TransactionBoundary } from '@gonghui/service-kit';
import { decideDetailAccess, mayReadDetailAccessLog } from '../hardship-files/domain/detail-access';
import { checkBankAccount } from './domain/bank-account';
import { BankAccountAccessEntryView, BankAccountView, PutBankAccountRequest } from './bank-account.dto';
import { MemberBankAccount } from './bank-account.entity';
import { BankAccountsRepository } from './bank-accounts.repository';

function toView(row: MemberBankAccount, full: { accountName: string; accountNumber: string } | null): BankAccountView {
  return {
    memberId: row.memberId,
    bankName: row.bankName,
    accountNumberMasked: row.accountNumberMasked,
    ...(full ?? {}),
    detailsWithheld: full === null,
    updatedBy: row.updatedBy,
    updatedAt: chinaTime(row.updatedAt),
  };
}

const noAccount = (memberId: string) => Problem.notFound(`该会员未登记银行账户 / No bank account recorded for member ${memberId}`);

/**
 * Use cases of a member's bank account: record it (an aid officer, for a member of their
 * subtree), and read it: masked for everyone, in full only for a hardship case worker who says
 * why, the view logged in the same transaction as the read, as for a hardship file's details.
 */
@Injectable()
export class BankAccountUseCases {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly accounts: BankAccountsRepository,
  ) {}

  put(memberId: string, request: PutBankAccountRequest, principal: Principal): Promise<BankAccountView> {
    return this.transaction.run(async (tx) => {
      await this.accounts.memberInScope(tx, memberId, principal);
      const checked = checkBankAccount(request);
      if (!checked.ok) throw Problem.badRequest('银行账户信息有误 / The bank account is invalid', checked.errors);
      return toView(await this.accounts.put(tx, memberId, checked.account, principal.username, new Date()), null);
    });
  }

  view(memberId: string, principal: Principal, reason: string | undefined): Promise<BankAccountView> {
    const access = decideDetailAccess(principal, reason);
    return this.transaction.run(async (tx) => {
      await this.accounts.memberInScope(tx, memberId, principal);
      const row = await this.accounts.find(tx, memberId);
      if (!row) throw noAccount(memberId);
      switch (access.outcome) {
        case 'withhold':
          return toView(row, null);
        case 'refuse':
          throw Problem.badRequest('查看完整银行账号须说明理由 / A reason is required to view a full bank account', [access.error]);
        case 'show':
          await this.accounts.logView(tx, memberId, principal, access.reason, new Date());
          return toView(row, this.accounts.open(row));
      }
    });
  }

  /** Who viewed the member's full account, and why, newest first: for the aid desk's officers and the federation administrator. */
  accessLog(memberId: string, principal: Principal, page: PageQuery): Promise<Page<BankAccountAccessEntryView>> {
    if (!mayReadDetailAccessLog(principal)) throw Problem.forbidden('只有帮扶专干或管理员可以查看访问日志 / Only an aid officer or the administrator may read the access log');
    return this.transaction.run(async (tx) => {
      await this.accounts.memberInScope(tx, memberId, principal);
      return this.accounts.accessPage(tx, memberId, page, (e) => ({
        id: e.id,
        memberId: e.memberId,
        actorId: e.actorId,
        actor: e.actor,
        reason: e.reason,
        accessedAt: chinaTime(e.accessedAt),
      }));
    });
  }
}
