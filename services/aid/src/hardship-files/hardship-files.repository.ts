import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { keysetPage, Page, PageQuery, requireInScope, whereInScope } from '@gonghui/service-kit';
import { HardshipFileState } from './domain/hardship-file';
import { HardshipFile } from './hardship-file.entity';

/** Hardship files, always read within the user's subtree. */
@Injectable()
export class HardshipFilesRepository {
  constructor(@InjectRepository(HardshipFile) private readonly files: Repository<HardshipFile>) {}

  /** The file if it lies in the principal's subtree; a 404 otherwise (another district's file does not exist for them). */
  async findInScope(id: string, principal: Principal): Promise<HardshipFile> {
    const file = await this.files.findOneBy({ id });
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

  async insert(tx: Tx, file: HardshipFileState): Promise<HardshipFile> {
    const row: HardshipFile = {
      id: file.id,
      memberId: file.memberId,
      orgUnitId: file.orgUnitId,
      orgUnitPath: file.orgUnitPath,
      status: file.status,
      cause: file.cause,
      householdSize: file.visit.householdSize,
      monthlyHouseholdIncomeFen: file.visit.monthlyHouseholdIncomeFen,
      incomeSources: file.visit.incomeSources,
      housing: file.visit.housing,
      health: file.visit.health,
      childrenSchooling: file.visit.childrenSchooling,
      visitedOn: file.visit.visitedOn,
      visitedBy: file.visitedBy,
      openedAt: file.openedAt,
    };
    await tx.insert(HardshipFile, row);
    return row;
  }
}
