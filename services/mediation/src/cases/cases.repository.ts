import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaDate, chinaTime, keysetPage, Page, PageQuery, requireInScope, whereInScope } from '@gonghui/service-kit';
import { CaseView, ReferralView } from './case.dto';
import { DisputeCase } from './case.entity';
import { Agreement } from './agreement.entity';
import { Obligation } from '../follow-up/obligation.entity';
import { randomUUID } from 'node:crypto';
import { CaseOpened, CaseSettled, CaseStatus, ReferralPackage } from './domain/case';
import { chinaDateOfStart } from './domain/intake';
import { clockOf, pastLimitReceivedBefore } from './domain/statutory-clock';

function toReferralView(r: ReferralPackage): ReferralView {
  return { ...r, referredAt: chinaTime(r.referredAt), sessionsHeld: r.sessionsHeld.map((s) => ({ ...s, heldAt: chinaTime(s.heldAt) })) };
}

/** A case as answers show it: times in China time, non-members masked, the clock as of today in China. */
export function toCaseView(c: DisputeCase, now: Date = new Date()): CaseView {
  const a = c.agreement;
  const receivedOn = chinaDateOfStart(c.receivedAt);
  return {
    id: c.id,
    memberId: c.memberId,
    source: c.source,
    summary: c.summary,
    employerName: c.employerName,
    employer: { name: c.employerName, creditCode: c.employerCreditCode },
    workers: c.workers.map((w) => ({ memberId: w.memberId, maskedName: w.maskedName, maskedContact: w.maskedContact })),
    collective: c.workerCount > 1,
    claims: c.claims,
    claimedTotalFen: Number(c.claimedTotalFen),
    receivedOn,
    clock: clockOf(receivedOn, c.status === 'open', chinaDate(now)),
    status: c.status,
    declineReason: c.declineReason,
    referral: c.referral ? toReferralView(c.referral) : null,
    openedAt: chinaTime(c.openedAt),
    closedAt: chinaTime(c.closedAt),
    agreement: a
      ? {
          id: a.id,
          obligations: a.obligations,
          totalAmountFen: Number(a.totalAmountFen),
          signedAt: chinaTime(a.signedAt),
          signatures: a.signatures ?? [],
          judicialConfirmation: a.judicialConfirmation ?? null,
        }
      : null,
  };
}

export const caseNotFound = (id: string) => `案件不存在 / Case ${id} not found`;

/** Cases are seen and changed only within the user's subtree; another district's is a 404. */
@Injectable()
export class CasesRepository {
  constructor(@InjectRepository(DisputeCase) private readonly cases: Repository<DisputeCase>) {}

  get dataSource(): DataSource {
    return this.cases.manager.connection;
  }

  async findInScope(id: string, principal: Principal): Promise<DisputeCase> {
    const found = await this.cases.findOne({ where: { id }, relations: { agreement: true } });
    return requireInScope(found, (c) => c.orgUnitPath, principal, caseNotFound(id));
  }

  /** The case in the user's subtree, its row locked until the transaction ends: a case changes stage once. */
  async findInScopeForUpdate(tx: Tx, id: string, principal: Principal): Promise<DisputeCase> {
    const found = await tx.getRepository(DisputeCase).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return requireInScope(found, (c) => c.orgUnitPath, principal, caseNotFound(id));
  }

  async open(tx: Tx, opened: CaseOpened): Promise<DisputeCase> {
    await tx.insert(DisputeCase, { ...opened.disputeCase, declineReason: null, referral: null });
    return { ...opened.disputeCase, declineReason: null, referral: null, agreement: null };
  }

  async update(tx: Tx, existing: DisputeCase, changes: Partial<DisputeCase>): Promise<DisputeCase> {
    await tx.update(DisputeCase, { id: existing.id }, changes);
    return { ...existing, ...changes, agreement: existing.agreement ?? null };
  }

  async settle(tx: Tx, existing: DisputeCase, settled: CaseSettled): Promise<DisputeCase> {
    const agreement = { ...settled.agreement, totalAmountFen: String(settled.agreement.totalAmountFen), signatures: [], judicialConfirmation: null };
    await tx.insert(Agreement, agreement);
    await tx.insert(
      Obligation,
      settled.obligationRows.map((o) => ({
        id: randomUUID(),
        caseId: existing.id,
        ...o,
        amountFen: o.amountFen === null ? null : String(o.amountFen),
        paidFen: '0',
        status: 'pending' as const,
        performedAt: null,
        overdueFlaggedOn: null,
        followUpOn: null,
      })),
    );
    await tx.update(DisputeCase, { id: existing.id }, settled.changes);
    return { ...existing, ...settled.changes, agreement };
  }

  /** Sessions held, for a referral package: when and how, never the notes. */
  async sessionsHeld(tx: Tx, caseId: string): Promise<{ heldAt: string; kind: string }[]> {
    const rows = (await tx.query('SELECT held_at, kind FROM sessions WHERE case_id = $1 ORDER BY held_at, id', [caseId])) as { held_at: Date; kind: string }[];
    return rows.map((r) => ({ heldAt: r.held_at.toISOString(), kind: r.kind }));
  }

  /**
   * The subtree's cases, of one stage if asked. Open cases come most urgent first — earliest
   * received, so fewest days left on the clock — from the partial index cases_open_by_received;
   * another stage newest first (latest opened), from cases_by_stage (status, subtree, opened_at, id)
   * read backwards. Without a stage, every case in the order opened.
   */
  list(principal: Principal, page: PageQuery & { status?: CaseStatus }): Promise<Page<CaseView>> {
    const query = whereInScope(this.cases.createQueryBuilder('c').leftJoinAndSelect('c.agreement', 'a'), 'c.orgUnitPath', principal);
    const now = new Date();
    if (page.status) query.andWhere('c.status = :status', { status: page.status });
    const order =
      page.status === 'open'
        ? { time: 'c.receivedAt', id: 'c.id', positionOf: (c: DisputeCase) => ({ t: c.receivedAt, id: c.id }) }
        : {
            time: 'c.openedAt',
            id: 'c.id',
            positionOf: (c: DisputeCase) => ({ t: c.openedAt, id: c.id }),
            direction: page.status ? ('DESC' as const) : ('ASC' as const),
          };
    return keysetPage(query, page, order, (c) => toCaseView(c, now));
  }

  /**
   * Open cases of the subtree past the statutory limit today (China date), the longest overdue
   * first: one range scan of the partial index cases_open_by_received (subtree, received_at, id).
   */
  listPastLimit(principal: Principal, page: PageQuery, now: Date = new Date()): Promise<Page<CaseView>> {
    const query = whereInScope(this.cases.createQueryBuilder('c'), 'c.orgUnitPath', principal)
      .andWhere(`c.status = 'open'`)
      .andWhere('c.receivedAt < :cutOff', { cutOff: pastLimitReceivedBefore(chinaDate(now)) });
    return keysetPage(query, page, { time: 'c.receivedAt', id: 'c.id', positionOf: (c) => ({ t: c.receivedAt, id: c.id }) }, (c) => toCaseView({ ...c, agreement: null }, now));
  }
}
