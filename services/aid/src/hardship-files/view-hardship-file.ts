import { Injectable } from '@nestjs/common';
import { Principal } from '@gonghui/auth';
import { Page, PageQuery, Problem, TransactionBoundary } from '@gonghui/service-kit';
import { decideDetailAccess, mayReadDetailAccessLog } from './domain/detail-access';
import { DetailAccessEntryView, HardshipFileView, toDetailAccessEntryView, toHardshipFileView } from './hardship-file.dto';
import { HardshipFilesRepository } from './hardship-files.repository';

/**
 * Use case: read one hardship file. A hardship case worker sees the visit's details after
 * saying why; the view is logged in the same transaction as the read (no log, no details).
 * Anyone else who may read the file gets it without them, flagged, and nothing is logged.
 */
@Injectable()
export class ViewHardshipFile {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly files: HardshipFilesRepository,
  ) {}

  async execute(id: string, principal: Principal, reason: string | undefined): Promise<HardshipFileView> {
    const access = decideDetailAccess(principal, reason);
    switch (access.outcome) {
      case 'withhold':
        return toHardshipFileView(await this.files.findInScope(id, principal), null);
      case 'refuse':
        // the file's existence is checked first: another district's file is a 404 whatever the reason
        await this.files.findInScope(id, principal);
        throw Problem.badRequest('查看困难档案详情须说明理由 / A reason is required to view the details of a hardship file', [access.error]);
      case 'show':
        return this.transaction.run(async (tx) => {
          const file = await this.files.findInScope(id, principal, tx);
          await this.files.logDetailView(tx, file.id, principal, access.reason, new Date());
          return toHardshipFileView(file, this.files.details(file));
        });
    }
  }

  /** Who viewed the file's details, and why, newest first: for the aid desk's officers and the federation administrator. */
  async accessLog(id: string, principal: Principal, page: PageQuery): Promise<Page<DetailAccessEntryView>> {
    if (!mayReadDetailAccessLog(principal)) throw Problem.forbidden('只有帮扶专员或管理员可以查看访问日志 / Only an aid officer or the administrator may read the access log');
    const file = await this.files.findInScope(id, principal);
    return this.files.detailAccessPage(file.id, page, toDetailAccessEntryView);
  }
}
