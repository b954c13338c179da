import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { PersonalDataVault } from '@gonghui/identifiers';
import { Tx } from '@gonghui/persistence';
import { chinaDate, decodeCursor, DEFAULT_PAGE_SIZE, keysetPage, Page, PageQuery, requireInScope, toPage, whereInScope } from '@gonghui/service-kit';
import { HardshipDetails, splitVisit } from './domain/detail-access';
import { unvisitedCutoff } from './domain/file-life';
import { HardshipFileState } from './domain/hardship-file';
import { HardshipDetailAccess } from './hardship-detail-access.entity';
import { openDetails, sealDetails } from './hardship-details-vault';
import { HardshipFile, HardshipFileReview, HardshipFileVisit } from './hardship-file.entity';
import { ListHardshipFilesQuery } from './hardship-file.dto';

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

  /** The same, the row locked for the rest of the transaction: two officers acting on one file at once take turns. */
  async lockInScope(tx: Tx, id: string, principal: Principal): Promise<HardshipFile> {
    const file = await tx.getRepository(HardshipFile).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return requireInScope(file, (f) => f.orgUnitPath, principal, `档案不存在 / Hardship file ${id} not found`);
  }

  /** The files of the principal's subtree matching the aid desk's filters, oldest first, a page at a time. */
  page<T>(principal: Principal, page: ListHardshipFilesQuery, toItem: (file: HardshipFile) => T): Promise<Page<T>> {
    const query = whereInScope(this.files.createQueryBuilder('f'), 'f.orgUnitPath', principal);
    if (page.status) query.andWhere('f.status = :status', { status: page.status });
    if (page.grade) query.andWhere('f.grade = :grade', { grade: page.grade });
    if (page.cause) query.andWhere('f.cause = :cause', { cause: page.cause });
    // a unit's subtree: its id (without dashes) is a segment of every path below it
    if (page.orgUnitId) query.andWhere('f.orgUnitPath LIKE :unitLike', { unitLike: `%/${page.orgUnitId.replace(/-/g, '').toLowerCase()}/%` });
    if (page.unvisitedDays !== undefined) {
      query.andWhere(`f.status = 'open'`).andWhere('f.lastVisitedOn <= :cutoff', { cutoff: unvisitedCutoff(chinaDate(new Date()), page.unvisitedDays) });
    }
    if (page.neverHelped === 'true') query.andWhere('f.lastHelpedAt IS NULL');
    if (page.neverHelped === 'false') query.andWhere('f.lastHelpedAt IS NOT NULL');
    return keysetPage(query, page, { time: 'f.openedAt', id: 'f.id', positionOf: (f) => ({ t: f.openedAt, id: f.id }) }, toItem);
  }

  hasOpenFile(tx: Tx, memberId: string): Promise<boolean> {
    return tx.exists(HardshipFile, { where: { memberId, status: 'open' } });
  }

  /**
   * The stored form of a household key: a household id or address is kept only as its keyed
   * hash (the vault's lookup hash), enough to find the same household again; `member:<id>` as is.
   */
  storedHouseholdKey(key: string): string {
    return key.startsWith('household:') ? `household:${this.vault.lookupHash(key.slice('household:'.length))}` : key;
  }

  householdHasOpenFile(tx: Tx, storedKey: string): Promise<boolean> {
    return tx.exists(HardshipFile, { where: { householdKey: storedKey, status: 'open' } });
  }

  /** Store changes to a file (grade, review, closure). */
  async update(tx: Tx, id: string, changes: Partial<HardshipFile>): Promise<void> {
    await tx.update(HardshipFile, { id }, changes);
  }

  /** Store a further visit, what it found sealed, and move the file's last visit on. */
  async insertVisit(tx: Tx, visit: { id: string; fileId: string; visitedOn: string; notes: string; visitedBy: string; recordedAt: Date }, lastVisitedOn: string): Promise<HardshipFileVisit> {
    const row: HardshipFileVisit = {
      id: visit.id,
      fileId: visit.fileId,
      visitedOn: visit.visitedOn,
      notesCipher: this.vault.encrypt(visit.notes),
      visitedBy: visit.visitedBy,
      recordedAt: visit.recordedAt,
    };
    await tx.insert(HardshipFileVisit, row);
    await tx.update(HardshipFile, { id: visit.fileId }, { lastVisitedOn });
    return row;
  }

  visitNotes(visit: HardshipFileVisit): string {
    return this.vault.decrypt(visit.notesCipher);
  }

  /** A file's further visits in the order they were recorded, a page at a time. */
  visitPage<T>(tx: Tx, fileId: string, page: PageQuery, toItem: (visit: HardshipFileVisit) => T): Promise<Page<T>> {
    const query = tx.getRepository(HardshipFileVisit).createQueryBuilder('v').where('v.fileId = :fileId', { fileId });
    return keysetPage(query, page, { time: 'v.recordedAt', id: 'v.id', positionOf: (v) => ({ t: v.recordedAt, id: v.id }) }, toItem);
  }

  /** A file's annual reviews in the order recorded, a page at a time. */
  reviewPage<T>(fileId: string, page: PageQuery, toItem: (review: HardshipFileReview) => T): Promise<Page<T>> {
    const query = this.files.manager.getRepository(HardshipFileReview).createQueryBuilder('r').where('r.fileId = :fileId', { fileId });
    return keysetPage(query, page, { time: 'r.recordedAt', id: 'r.id', positionOf: (r) => ({ t: r.recordedAt, id: r.id }) }, toItem);
  }

  async insertReview(tx: Tx, review: HardshipFileReview): Promise<void> {
    await tx.insert(HardshipFileReview, review);
  }

  /** Store a new file, its visit's details sealed. */
  async insert(tx: Tx, file: HardshipFileState, storedHouseholdKey: string): Promise<HardshipFile> {
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
      householdKey: storedHouseholdKey,
      grade: file.grade,
      gradedAt: file.grade ? file.openedAt : null,
      lastVisitedOn: summary.visitedOn,
      lastReviewedOn: null,
      lastHelpedAt: null,
      closedAt: null,
      closure: null,
      closureReason: null,
      jobTakenAt: null,
      jobEmployer: null,
      jobPosition: null,
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
