import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { keysetPage, Page, requireInScope, whereInScope } from '@gonghui/service-kit';
import { ApplicationStage } from './domain/application';
import { AidApplication, AidApplicationStep } from './application.entity';
import { ListApplicationsQuery } from './application.dto';

const notFound = (id: string) => `帮扶申请不存在 / Aid application ${id} not found`;

/** Aid applications, always within the user's subtree. */
@Injectable()
export class ApplicationsRepository {
  constructor(
    @InjectRepository(AidApplication) private readonly applications: Repository<AidApplication>,
    @InjectRepository(AidApplicationStep) private readonly steps: Repository<AidApplicationStep>,
  ) {}

  async findInScope(id: string, principal: Principal): Promise<AidApplication> {
    return requireInScope(await this.applications.findOneBy({ id }), (a) => a.orgUnitPath, principal, notFound(id));
  }

  /** The application locked for this transaction: actions on one application run one at a time. */
  async lockInScope(tx: Tx, id: string, principal: Principal): Promise<AidApplication> {
    const found = await tx.getRepository(AidApplication).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return requireInScope(found, (a) => a.orgUnitPath, principal, notFound(id));
  }

  page<T>(principal: Principal, query: ListApplicationsQuery, toItem: (a: AidApplication) => T): Promise<Page<T>> {
    const q = whereInScope(this.applications.createQueryBuilder('a'), 'a.orgUnitPath', principal);
    if (query.stage !== undefined) q.andWhere('a.stage = :stage', { stage: query.stage });
    if (query.kind !== undefined) q.andWhere('a.kind = :kind', { kind: query.kind });
    if (query.fastTrack !== undefined) q.andWhere('a.fastTrack = :fastTrack', { fastTrack: query.fastTrack });
    if (query.memberLeft !== undefined) q.andWhere(query.memberLeft ? 'a.memberLeftAt IS NOT NULL' : 'a.memberLeftAt IS NULL');
    return keysetPage(q, query, { time: 'a.submittedAt', id: 'a.id', positionOf: (a) => ({ t: a.submittedAt, id: a.id }) }, toItem);
  }

  /** Disbursed applications whose follow-up fell due before `today` and was not recorded, in the subtree. */
  overdueFollowUps<T>(principal: Principal, today: string, page: { limit?: number; cursor?: string }, toItem: (a: AidApplication) => T): Promise<Page<T>> {
    const q = whereInScope(this.applications.createQueryBuilder('a'), 'a.orgUnitPath', principal)
      .andWhere(`a.stage = 'disbursed'`)
      .andWhere('a.followUpDueOn < :today', { today });
    return keysetPage(q, page, { time: 'a.submittedAt', id: 'a.id', positionOf: (a) => ({ t: a.submittedAt, id: a.id }) }, toItem);
  }

  stepsOf(id: string): Promise<AidApplicationStep[]> {
    return this.steps.find({ where: { applicationId: id }, order: { actedAt: 'ASC', id: 'ASC' } });
  }

  async insert(tx: Tx, application: AidApplication): Promise<void> {
    await tx.insert(AidApplication, application);
  }

  async update(tx: Tx, id: string, changes: Partial<AidApplication>): Promise<void> {
    // QueryDeepPartialEntity does not accept our jsonb interfaces; the columns are the entity's own
    await tx.update(AidApplication, { id }, changes as never);
  }

  async recordStep(tx: Tx, applicationId: string, action: string, fromStage: ApplicationStage | null, toStage: ApplicationStage, actor: string, at: Date): Promise<void> {
    await tx.insert(AidApplicationStep, { id: randomUUID(), applicationId, action, fromStage, toStage, actor, actedAt: at });
  }
}
