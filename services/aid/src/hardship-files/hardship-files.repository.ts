import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { PersonalDataVault } from '@gonghui/identifiers';
import { Tx } from '@gonghui/persistence';
import { decodeCursor, DEFAULT_PAGE_SIZE, keysetPage, Page, PageQuery, requireInScope, toPage, whereInScope } from '@gonghui/service-kit';
import { HardshipDetails, splitVisit } from './domain/detail-access';
import { HardshipFileState } from './domain/hardship-file';
import { HardshipDetailAccess } from './hardship-detail-access.entity';
import { openDetails, sealDetails } from './hardship-details-vault';
import { HardshipFile } from './hardship-file.entity';

/** Hardship files, always read within the user's subtree; the visit's details sealed at rest. */
@Injectable()
export class HardshipFilesRepository {
  constructor(
    @InjectRepository(HardshipFile) private readonly files: Repository<HardshipFile>,
    @InjectRepository(HardshipDetailAccess) private readonly accesses: Repository<HardshipDetailAccess>,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  /** The file if it lies in the principal's subtree; a 404 otherwise (another district's file does not exist for them). */
  async findInScope(id: string, principal: Principal, tx?: Tx): Promise<HardshipFile> {
    const file = await (tx ? tx.getRepository(HardshipFile) : this.files).findOneBy({ id });
    return requireInScope(file, (f) => f.orgUnitPath, principal, `档案不存在 / Hardship file ${id} not found`);
  }

  /** The files of the principal's subtree, oldest first, a page at a time. */
  page<T>(principal: Principal, page: PageQuery, toItem: (file: HardshipFile) => T): Promise<Page<T>> {
    const query = whereInScope(this.files.createQueryBuilder('f'), 'f.orgUnitPath', principal);
    return keysetPage(query, page, { time: 'f.openedAt', id: 'f.id', positionOf: (f) => ({ t: f.openedAt, id: f.id }) }, toItem);
  }

  hasOpenFile(tx: Tx, memberId: string): Promise<boolean> {
    return tx.exists(HardshipFile, { where: { memberId, status: 'open' } });
  }

  /** Store a new file, its visit's details sealed. */
  async insert(tx: Tx, file: HardshipFileState): Promise<HardshipFile> {
    const { summary, details } = splitVisit(file.visit);
    const row: HardshipFile = {
      id: file.id,
      memberId: file.memberId,
      orgUnitId: file.orgUnitId,
      orgUnitPath: file.orgUnitPath,
      status: file.status,
      cause: file.cause,
      householdSize: summary.householdSize,
      visitDetailsCipher: sealDetails(this.vault, details),
      visitedOn: summary.visitedOn,
      visitedBy: file.visitedBy,
      openedAt: file.openedAt,
    };
    await tx.insert(HardshipFile, row);
    return row;
  }

  /** The visit's details, unsealed: call only after the view is logged in the same transaction. */
  details(file: HardshipFile): HardshipDetails {
    return openDetails(this.vault, file.visitDetailsCipher);
  }

  /** Log one view of a file's details: who, when, which file, why. */
  async logDetailView(tx: Tx, fileId: string, principal: Principal, reason: string, at: Date): Promise<void> {
    await tx.insert(HardshipDetailAccess, { id: randomUUID(), fileId, actorId: principal.userId, actor: principal.username, reason, accessedAt: at });
  }

  /**
   * Who viewed the file's details, newest first, a page at a time. keysetPage orders oldest
   * first only, so the same (time, id) cursor is walked backwards here, with the same checks:
   * a cursor with wrong contents is a 400.
   */
  async detailAccessPage<T>(fileId: string, page: PageQuery, toItem: (entry: HardshipDetailAccess) => T): Promise<Page<T>> {
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const before = decodeCursor<{ t: string; id: string }>(page.cursor, { t: 'timestamp', id: 'uuid' });
    const query = this.accesses.createQueryBuilder('a').where('a.fileId = :fileId', { fileId });
    if (before) query.andWhere('(a.accessedAt, a.id) < (:beforeTime, :beforeId)', { beforeTime: before.t, beforeId: before.id });
    const rows = await query.orderBy('a.accessedAt', 'DESC').addOrderBy('a.id', 'DESC').limit(limit + 1).getMany();
    return toPage(rows, limit, toItem, (row) => ({ t: row.accessedAt.toISOString(), id: row.id }));
  }
}
