import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JobOfferAcceptedV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { Problem, requireActiveMember, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { decideOffer, OFFER_STATUS_LABELS, rankMatches } from './domain/matching';
import { MakeOfferRequest, MatchList, OfferView } from './job-fair.dto';
import { FairEmployer, JobOffer, Vacancy } from './job-fair.entity';
import { JobFairsRepository, offerNotFound } from './job-fairs.repository';

/**
 * Use cases of matching (送岗位): the vacancies a referred member fits, an offer, and its outcome.
 * An accepted offer takes one of the vacancy's openings (the vacancy row is locked) and is
 * announced to aid by cn.gonghui.training.job-offer.accepted.v1, in the same transaction.
 */
@Injectable()
export class JobOffers {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly fairs: JobFairsRepository,
  ) {}

  matches(referralId: string, fairId: string, limit: number, principal: Principal): Promise<MatchList> {
    return this.transaction.run(async (tx) => {
      const referral = await this.fairs.requireReferral(tx, referralId, principal);
      const fair = await this.fairs.requireFair(tx, fairId, principal);
      // Vacancies with openings left; the ranking itself is the pure module's.
      const vacancies = await tx.getRepository(Vacancy).createQueryBuilder('v').where('v.fairId = :fairId', { fairId: fair.id }).andWhere('v.accepted < v.openings').getMany();
      const ranked = rankMatches(referral, vacancies.map((v) => ({ vacancyId: v.id, skills: v.skills, district: v.district, employmentForm: v.employmentForm }))).slice(0, limit);
      const views = new Map((await this.fairs.vacancyViews(tx, vacancies)).map((v) => [v.id, v]));
      return { referralId: referral.id, items: ranked.map((m) => ({ vacancy: views.get(m.vacancyId)!, score: m.score, matchedSkills: m.matchedSkills, districtMatches: m.districtMatches, employmentFormMatches: m.employmentFormMatches })) };
    });
  }

  offer(request: MakeOfferRequest, principal: Principal): Promise<OfferView> {
    return this.transaction.run(
      async (tx) => {
        const vacancy = await this.fairs.requireVacancy(tx, request.vacancyId, principal);
        const member = await requireActiveMember(tx, request.memberId, principal);
        if (request.referralId) {
          const referral = await this.fairs.requireReferral(tx, request.referralId, principal);
          if (referral.memberId !== member.memberId) {
            throw Problem.badRequest('转介与会员不符 / The referral is of another member', [{ field: 'referralId', message: '须为该会员的转介 / must be a referral of this member' }]);
          }
        }
        const id = randomUUID();
        await tx.insert(JobOffer, { id, vacancyId: vacancy.id, memberId: member.memberId, referralId: request.referralId ?? null, orgUnitPath: member.orgUnitPath, status: 'offered' });
        return this.fairs.offerView(tx, await tx.findOneByOrFail(JobOffer, { id }));
      },
      { job_offers_once: () => Problem.conflict('already-offered', '已向该会员发出此岗位的录用意向 / This member already has an offer for this vacancy') },
    );
  }

  decide(offerId: string, decision: 'accept' | 'decline', principal: Principal, requestId?: string): Promise<OfferView> {
    return this.transaction.run(async (tx) => {
      const found = await tx.findOneBy(JobOffer, { id: offerId });
      if (!found || !inScope(principal, found.orgUnitPath)) throw Problem.notFound(offerNotFound(offerId));
      // Vacancy first, then the offer: every path that locks both locks them in this order.
      const vacancy = await this.fairs.requireVacancy(tx, found.vacancyId, principal, true);
      const offer = await tx.getRepository(JobOffer).findOneOrFail({ where: { id: offerId }, lock: { mode: 'pessimistic_write' } });
      const outcome = decideOffer(offer.status, decision, vacancy);
      if (!outcome.ok) {
        if (outcome.refusal.reason === 'vacancy-filled') {
          throw Problem.conflict('vacancy-filled', `岗位已招满（${outcome.refusal.openings} 人） / The vacancy is filled (${outcome.refusal.openings} openings)`);
        }
        const status = outcome.refusal.status;
        throw Problem.conflict('offer-wrong-state', `录用意向当前状态为“${OFFER_STATUS_LABELS[status]}”，不能再答复 / The offer is ${status}; it cannot be answered again`);
      }
      const decidedAt = new Date();
      await tx.update(JobOffer, { id: offer.id }, { status: outcome.status, decidedAt });
      if (outcome.status === 'accepted') {
        await tx.update(Vacancy, { id: vacancy.id }, { accepted: vacancy.accepted + 1 });
        const employer = await tx.findOneByOrFail(FairEmployer, { id: vacancy.employerId });
        await this.runtime.outbox.record(
          tx,
          JobOfferAcceptedV1,
          { offerId: offer.id, memberId: offer.memberId, employerName: employer.name, position: vacancy.position, acceptedAt: decidedAt.toISOString() },
          { correlationId: requestId },
        );
      }
      return this.fairs.offerView(tx, { ...offer, status: outcome.status, decidedAt });
    });
  }
}
