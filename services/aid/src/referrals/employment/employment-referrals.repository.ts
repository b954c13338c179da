import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { keysetPage, Page, whereInScope } from '@gonghui/service-kit';
import { HardshipFile } from '../../hardship-files/hardship-file.entity';
import { ListEmploymentReferralsQuery } from './employment-referral.dto';
import { EmploymentReferral } from './employment-referral.entity';

/** Employment referrals, read within the user's subtree (the member's unit when referred, moved with transfers and subtrees). */
@Injectable()
export class EmploymentReferralsRepository {
  constructor(@InjectRepository(EmploymentReferral) private readonly referrals: Repository<EmploymentReferral>) {}

  page<T>(principal: Principal, filter: ListEmploymentReferralsQuery, toItem: (r: EmploymentReferral) => T): Promise<Page<T>> {
    const query = whereInScope(this.referrals.createQueryBuilder('r'), 'r.orgUnitPath', principal);
    if (filter.status === 'awaiting-job') query.andWhere('r.jobTakenAt IS NULL');
    if (filter.status === 'job-taken') query.andWhere('r.jobTakenAt IS NOT NULL');
    if (filter.hardshipFileId) query.andWhere('r.fileId = :fileId', { fileId: filter.hardshipFileId });
    return keysetPage(query, filter, { time: 'r.recordedAt', id: 'r.id', positionOf: (r) => ({ t: r.recordedAt, id: r.id }) }, toItem);
  }

  async insert(tx: Tx, referral: EmploymentReferral): Promise<void> {
    await tx.insert(EmploymentReferral, referral);
  }

  /**
   * A job taken by the member: their latest referral awaiting a job, and their open file, note
   * it. False when the member has neither (a job found without aid's referral: nothing to note).
   */
  async noteJobTaken(tx: Tx, memberId: string, job: { offerId: string; employerName: string; position: string; acceptedAt: Date }): Promise<boolean> {
    const awaiting = await tx.findOne(EmploymentReferral, { where: { memberId, jobTakenAt: IsNull() }, order: { recordedAt: 'DESC' } });
    if (awaiting) {
      await tx.update(EmploymentReferral, { id: awaiting.id }, { jobTakenAt: job.acceptedAt, jobOfferId: job.offerId, jobEmployer: job.employerName, jobPosition: job.position });
    }
    const file = await tx.update(HardshipFile, { memberId, status: 'open' }, { jobTakenAt: job.acceptedAt, jobEmployer: job.employerName, jobPosition: job.position });
    return awaiting !== null || (file.affected ?? 0) > 0;
  }
}
