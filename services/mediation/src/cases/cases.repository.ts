import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { keysetPage, Page, PageQuery, requireInScope, whereInScope } from '@gonghui/service-kit';
import { CaseView } from './case.dto';
import { DisputeCase } from './case.entity';
import { Agreement } from './agreement.entity';
import { CaseOpened, CaseSettled } from './domain/case';

export function toCaseView(c: DisputeCase): CaseView {
  const a = c.agreement;
  return {
    id: c.id,
    memberId: c.memberId,
    source: c.source,
    summary: c.summary,
    employerName: c.employerName,
    status: c.status,
    openedAt: c.openedAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    agreement: a ? { id: a.id, obligations: a.obligations, totalAmountFen: Number(a.totalAmountFen), signedAt: a.signedAt.toISOString() } : null,
  };
}

export const caseNotFound = (id: string) => `案件不存在 / Case ${id} not found`;

/** Cases are seen and changed only within the user's subtree; another district's is a 404. */
@Injectable()
export class CasesRepository {
  constructor(@InjectRepository(DisputeCase) private readonly cases: Repository<DisputeCase>) {}

  async findInScope(id: string, principal: Principal): Promise<DisputeCase> {
    const found = await this.cases.findOne({ where: { id }, relations: { agreement: true } });
    return requireInScope(found, (c) => c.orgUnitPath, principal, caseNotFound(id));
  }

  /** The case in the user's subtree, its row locked until the transaction ends: a case is settled once. */
  async findInScopeForUpdate(tx: Tx, id: string, principal: Principal): Promise<DisputeCase> {
    const found = await tx.getRepository(DisputeCase).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return requireInScope(found, (c) => c.orgUnitPath, principal, caseNotFound(id));
  }

  async open(tx: Tx, opened: CaseOpened): Promise<DisputeCase> {
    await tx.insert(DisputeCase, opened.disputeCase);
    return { ...opened.disputeCase, agreement: null };
  }

  async settle(tx: Tx, existing: DisputeCase, settled: CaseSettled): Promise<DisputeCase> {
    const agreement = { ...settled.agreement, totalAmountFen: String(settled.agreement.totalAmountFen) };
    await tx.insert(Agreement, agreement);
    await tx.update(DisputeCase, { id: existing.id }, settled.changes);
    return { ...existing, ...settled.changes, agreement };
  }

  list(principal: Principal, page: PageQuery): Promise<Page<CaseView>> {
    const query = whereInScope(this.cases.createQueryBuilder('c').leftJoinAndSelect('c.agreement', 'a'), 'c.orgUnitPath', principal);
    return keysetPage(query, page, { time: 'c.openedAt', id: 'c.id', positionOf: (c) => ({ t: c.openedAt, id: c.id }) }, toCaseView);
  }
}
