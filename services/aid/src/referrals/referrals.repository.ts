import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { keysetPage, MemberDirectoryEntry, Page, PageQuery, whereInScope } from '@gonghui/service-kit';
import { Referral } from './referral.entity';

/** Referrals, read within the user's subtree (the member's unit, as aid knows it). */
@Injectable()
export class ReferralsRepository {
  constructor(@InjectRepository(Referral) private readonly referrals: Repository<Referral>) {}

  /**
   * The referrals of the principal's subtree, oldest first. A referral whose member aid does not
   * know yet has no unit here: it counts as federation-wide (path `/`), visible to federation-wide users only.
   */
  page<T>(principal: Principal, filter: PageQuery & { memberId?: string }, toItem: (referral: Referral) => T): Promise<Page<T>> {
    const query = this.referrals.createQueryBuilder('r').leftJoin(MemberDirectoryEntry, 'm', 'm.memberId = r.memberId');
    whereInScope(query, `COALESCE(m.orgUnitPath, '/')`, principal);
    if (filter.memberId) query.andWhere('r.memberId = :memberId', { memberId: filter.memberId });
    return keysetPage(query, filter, { time: 'r.recordedAt', id: 'r.id', positionOf: (r) => ({ t: r.recordedAt, id: r.id }) }, toItem);
  }

  /**
   * Record a referral unless one for its case and member exists (the unique (source_case_id,
   * member_id), so two events racing for one worker record one): true if it was new.
   */
  async insertOncePerCaseAndMember(tx: Tx, referral: Referral): Promise<boolean> {
    const result = await tx.createQueryBuilder().insert().into(Referral).values(referral).orIgnore().returning(['id']).execute();
    return (result.raw as unknown[]).length > 0;
  }
}
