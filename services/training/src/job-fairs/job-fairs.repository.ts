import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { inScope, Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaTime, keysetPage, Page, PageQuery, Problem, requireInScope, whereInScope } from '@gonghui/service-kit';
import { JobFairView, OfferView, ReferralView, VacancyView } from './job-fair.dto';
import { FairEmployer, JobFair, JobOffer, JobReferral, Vacancy } from './job-fair.entity';

export const fairNotFound = (id: string) => `招聘会不存在 / Job fair ${id} not found`;
export const referralNotFound = (id: string) => `就业转介不存在 / Referral ${id} not found`;
export const offerNotFound = (id: string) => `录用意向不存在 / Job offer ${id} not found`;
export const vacancyNotFound = (id: string) => `岗位不存在 / Vacancy ${id} not found`;

export const toReferralView = (r: JobReferral): ReferralView => ({
  id: r.id,
  memberId: r.memberId,
  skills: r.skills,
  preferredDistrict: r.preferredDistrict,
  employmentForm: r.employmentForm,
  recordedAt: chinaTime(r.recordedAt),
});

/** Fairs, their employers and vacancies are seen within the subtree of the unit holding them; referrals and offers within the member's. */
@Injectable()
export class JobFairsRepository {
  constructor(
    @InjectRepository(JobFair) private readonly fairs: Repository<JobFair>,
    @InjectRepository(JobReferral) private readonly referrals: Repository<JobReferral>,
    @InjectRepository(JobOffer) private readonly offers: Repository<JobOffer>,
  ) {}

  async requireFair(db: Tx, id: string, principal: Principal): Promise<JobFair> {
    return requireInScope(await db.findOneBy(JobFair, { id }), (f) => f.orgUnitPath, principal, fairNotFound(id));
  }

  async requireReferral(db: Tx, id: string, principal: Principal): Promise<JobReferral> {
    return requireInScope(await db.findOneBy(JobReferral, { id }), (r) => r.orgUnitPath, principal, referralNotFound(id));
  }

  /** The vacancy, locked when asked, if its fair is in the principal's subtree. */
  async requireVacancy(db: Tx, id: string, principal: Principal, lock = false): Promise<Vacancy> {
    const vacancy = await db.getRepository(Vacancy).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    const fair = vacancy ? await db.findOneBy(JobFair, { id: vacancy.fairId }) : null;
    if (!vacancy || !fair || !inScope(principal, fair.orgUnitPath)) throw Problem.notFound(vacancyNotFound(id));
    return vacancy;
  }

  async fairView(db: Tx, f: JobFair): Promise<JobFairView> {
    const [counts]: { employers: number; openings: number }[] = await db.query(
      'SELECT (SELECT count(*)::int FROM fair_employers WHERE fair_id = $1) AS employers, (SELECT coalesce(sum(openings), 0)::int FROM vacancies WHERE fair_id = $1) AS openings',
      [f.id],
    );
    return { id: f.id, title: f.title, district: f.district, heldOn: f.heldOn, venue: f.venue, employers: counts.employers, openings: counts.openings, orgUnitId: f.orgUnitId, orgUnitPath: f.orgUnitPath, createdAt: chinaTime(f.createdAt) };
  }

  async vacancyViews(db: Tx, vacancies: Vacancy[]): Promise<VacancyView[]> {
    const employers = vacancies.length ? await db.getRepository(FairEmployer).findBy(vacancies.map((v) => ({ id: v.employerId }))) : [];
    const nameOf = new Map(employers.map((e) => [e.id, e.name]));
    return vacancies.map((v) => ({
      id: v.id,
      fairId: v.fairId,
      employerId: v.employerId,
      employerName: nameOf.get(v.employerId) ?? '',
      position: v.position,
      skills: v.skills,
      district: v.district,
      employmentForm: v.employmentForm,
      openings: v.openings,
      accepted: v.accepted,
    }));
  }

  async offerView(db: Tx, o: JobOffer): Promise<OfferView> {
    const [vacancy] = await this.vacancyViews(db, [await db.findOneByOrFail(Vacancy, { id: o.vacancyId })]);
    return {
      id: o.id,
      vacancyId: o.vacancyId,
      memberId: o.memberId,
      referralId: o.referralId,
      employerName: vacancy.employerName,
      position: vacancy.position,
      status: o.status,
      offeredAt: chinaTime(o.offeredAt),
      decidedAt: chinaTime(o.decidedAt),
    };
  }

  async listFairs(principal: Principal, page: PageQuery): Promise<Page<JobFairView>> {
    const query = whereInScope(this.fairs.createQueryBuilder('f'), 'f.orgUnitPath', principal);
    const rows = await keysetPage(query, page, { time: 'f.createdAt', id: 'f.id', positionOf: (f) => ({ t: f.createdAt, id: f.id }) }, (f) => f);
    return { items: await Promise.all(rows.items.map((f) => this.fairView(this.fairs.manager, f))), nextCursor: rows.nextCursor };
  }

  async listVacancies(fairId: string, principal: Principal, page: PageQuery): Promise<Page<VacancyView>> {
    const manager = this.fairs.manager;
    await this.requireFair(manager, fairId, principal);
    const query = manager.getRepository(Vacancy).createQueryBuilder('v').where('v.fairId = :fairId', { fairId });
    const rows = await keysetPage(query, page, { time: 'v.createdAt', id: 'v.id', positionOf: (v) => ({ t: v.createdAt, id: v.id }) }, (v) => v);
    return { items: await this.vacancyViews(manager, rows.items), nextCursor: rows.nextCursor };
  }

  listReferrals(principal: Principal, page: PageQuery): Promise<Page<ReferralView>> {
    const query = whereInScope(this.referrals.createQueryBuilder('r'), 'r.orgUnitPath', principal);
    return keysetPage(query, page, { time: 'r.recordedAt', id: 'r.id', positionOf: (r) => ({ t: r.recordedAt, id: r.id }) }, toReferralView);
  }

  async listOffers(principal: Principal, page: PageQuery): Promise<Page<OfferView>> {
    const query = whereInScope(this.offers.createQueryBuilder('o'), 'o.orgUnitPath', principal);
    const rows = await keysetPage(query, page, { time: 'o.offeredAt', id: 'o.id', positionOf: (o) => ({ t: o.offeredAt, id: o.id }) }, (o) => o);
    return { items: await Promise.all(rows.items.map((o) => this.offerView(this.offers.manager, o))), nextCursor: rows.nextCursor };
  }
}
