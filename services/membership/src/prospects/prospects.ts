import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { maskMobile, parseMobile } from '@gonghui/identifiers';
import { inScope, Principal } from '@gonghui/auth';
import { Prospect } from './prospect.entity';
import { chinaTime, keysetPage, Page, Problem, requireInScope, TransactionBoundary, whereInScope } from '@gonghui/service-kit';
import { OrgUnitsRepository } from '../org-units/org-units.repository';
import { PersonalDataVault } from '@gonghui/identifiers';
import { EnrolMember } from '../members/enrol-member/enrol-member';
import { MemberView } from '../members/member.dto';
import { ConvertProspectRequest, ListProspectsQuery, ProspectView, RecordProspectRequest } from './prospect.dto';

export const toProspectView = (r: Prospect): ProspectView => ({
  id: r.id,
  name: r.name,
  maskedMobile: r.mobileMasked,
  occupationCategory: r.occupationCategory,
  employmentForm: r.employmentForm,
  needs: r.needs,
  address: r.address,
  foundByOrgUnitId: r.foundByUnitId,
  surveyedOn: r.surveyedOn,
  status: r.status,
  memberId: r.memberId,
  createdAt: chinaTime(r.createdAt),
});

const notFound = (id: string) => `未找到 / Prospect ${id} not found`;

/** Use cases for prospects (未入会职工): record what a survey found, list them, and convert one into a member in one step. */
@Injectable()
export class Prospects {
  constructor(
    @InjectRepository(Prospect) private readonly prospects: Repository<Prospect>,
    private readonly transaction: TransactionBoundary,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
    private readonly units: OrgUnitsRepository,
    private readonly enrolMember: EnrolMember,
  ) {}

  async record(request: RecordProspectRequest, principal: Principal): Promise<ProspectView> {
    const unit = await this.units.findById(request.foundByOrgUnitId);
    if (!unit || !inScope(principal, unit.path)) {
      throw new Problem(422, 'unknown-org-unit', '组织不存在 / Unknown organisation unit', undefined, [{ field: 'foundByOrgUnitId', message: '组织不存在 / unknown organisation unit' }]);
    }
    const mobile = request.mobile ? parseMobile(request.mobile) : null;
    const mobileValue = mobile?.ok ? mobile.value : null;
    const prospect: Prospect = {
      id: randomUUID(),
      name: request.name.trim(),
      mobileCipher: mobileValue ? this.vault.encrypt(mobileValue) : null,
      mobileMasked: mobileValue ? maskMobile(mobileValue) : null,
      occupationCategory: request.occupationCategory,
      employmentForm: request.employmentForm,
      needs: request.needs ?? [],
      address: request.address ?? null,
      foundByUnitId: unit.id,
      orgUnitPath: unit.path,
      surveyedOn: request.surveyedOn,
      status: 'open',
      memberId: null,
      recordedBy: principal.username,
      createdAt: new Date(),
      convertedAt: null,
    };
    await this.prospects.insert(prospect);
    return toProspectView(prospect);
  }

  async find(id: string, principal: Principal): Promise<Prospect> {
    return requireInScope(await this.prospects.findOne({ where: { id } }), (p) => p.orgUnitPath, principal, notFound(id));
  }

  list(query: ListProspectsQuery, principal: Principal): Promise<Page<ProspectView>> {
    const q = whereInScope(this.prospects.createQueryBuilder('p'), 'p.orgUnitPath', principal);
    if (query.status) q.andWhere('p.status = :status', { status: query.status });
    return keysetPage(q, query, { time: 'p.createdAt', id: 'p.id', positionOf: (p) => ({ t: p.createdAt, id: p.id }) }, toProspectView);
  }

  /**
   * Enrol the prospect and mark them converted, in one transaction: both happen or neither. A
   * second active membership refuses it as it refuses an enrolment: a 409 only when that
   * membership is inside the officer's subtree, otherwise an answer that confirms nothing.
   */
  convert(id: string, request: ConvertProspectRequest, principal: Principal, requestId?: string): Promise<MemberView> {
    return this.transaction.run(
      async (tx) => {
        const found = await tx.getRepository(Prospect).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        const prospect = requireInScope(found, (p) => p.orgUnitPath, principal, notFound(id));
        if (prospect.status === 'converted') throw Problem.conflict('already-converted', '已转为会员 / The prospect is already a member');
        const mobile = request.mobile ?? (prospect.mobileCipher ? this.vault.decrypt(prospect.mobileCipher) : '');
        const member = await this.enrolMember.enrolWithin(
          tx,
          { name: prospect.name, nationalId: request.nationalId, mobile, orgUnitId: request.orgUnitId, employmentForm: prospect.employmentForm },
          principal,
          requestId,
        );
        await tx.update(Prospect, { id }, { status: 'converted', memberId: member.id, convertedAt: () => 'now()' });
        return member;
      },
      { members_one_active_per_person: () => this.enrolMember.refusal(request, principal) },
    );
  }
}
