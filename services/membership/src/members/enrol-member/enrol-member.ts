import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MemberEnrolledV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { isPgError, PgErrorCode, Tx } from '@gonghui/persistence';
import { Problem, ServiceRuntime } from '@gonghui/service-kit';
import { OrgUnitsRepository } from '../../org-units/org-units.repository';
import { parseNationalId, PersonalDataVault } from '@gonghui/identifiers';
import { PersonalDataLookups } from '../lookup/personal-data-lookups';
import { checkEnrolmentIdentity } from '../domain/enrolment-rules';
import { RecentEnrollingUnits } from '../enrolling-unit';
import { EnrolMemberRequest, MemberView } from '../member.dto';
import { MembersRepository, NewMember, toMemberView } from '../members.repository';
import { MemberNumbers } from './member-numbers';

/** A second active membership of one person: 409 on nationalId. */
export function alreadyAMember(): Problem {
  return new Problem(
    409,
    'already-a-member',
    '此人已是在册会员 / This person is already an active member',
    '同一人不能重复入会 / One person cannot be an active member twice',
    [{ field: 'nationalId', message: '该身份证号已登记为在册会员 / this resident ID already belongs to an active member' }],
  );
}

/**
 * Use case: enrol one person (入会). Real-name checks first; then one statement writes the member
 * row, its history entry and its `member.enrolled` event, or nothing: a transaction of one round
 * trip. The partial unique index on the ID hash makes a second active membership impossible
 * even when two requests race.
 */
@Injectable()
export class EnrolMember {
  private readonly enrollingUnits: RecentEnrollingUnits;

  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
    units: OrgUnitsRepository,
    private readonly members: MembersRepository,
    private readonly numbers: MemberNumbers,
    private readonly lookups: PersonalDataLookups,
  ) {
    this.enrollingUnits = new RecentEnrollingUnits(units);
  }

  execute(request: EnrolMemberRequest, principal: Principal, requestId?: string): Promise<MemberView> {
    return this.refusingSecondMembership(() => this.enrolWithin(undefined, request, principal, requestId), request, principal);
  }

  /** Enrol on its own, or inside the caller's transaction `tx` (prospect conversion uses it with its own change). */
  async enrolWithin(tx: Tx | undefined, request: EnrolMemberRequest, principal: Principal, requestId?: string): Promise<MemberView> {
    const checked = checkEnrolmentIdentity(request);
    if (!checked.ok) throw Problem.badRequest('实名信息有误 / The real-name details are invalid', checked.errors);
    const { identity } = checked;
    const base = {
      name: request.name.trim(),
      nationalIdCipher: this.vault.encrypt(identity.nationalId),
      nationalIdHash: this.vault.lookupHash(identity.nationalId),
      nationalIdMasked: identity.maskedNationalId,
      mobileCipher: this.vault.encrypt(identity.mobile),
      mobileMasked: identity.maskedMobile,
      gender: identity.gender,
      birthDate: identity.birthDate,
      employmentForm: request.employmentForm,
      industry: request.industry ?? null,
      employerName: request.employerName ?? null,
      employerCreditCode: request.employerCreditCode?.toUpperCase() ?? null,
      skillLevel: request.skillLevel ?? 'novice',
      honours: [...new Set(request.honours ?? [])],
      status: 'active' as const,
    };
    // The unit is read (or taken from those read lately), then checked again by the insert; if it
    // was moved or deactivated in between, nothing was written and a fresh read decides.
    for (let attempt = 1; attempt <= 3; attempt++) {
      const unit = await this.enrollingUnits.require(request.orgUnitId, principal, 'orgUnitId', tx);
      const member: NewMember = { ...base, id: randomUUID(), memberNo: await this.numbers.next(), orgUnitId: unit.id, orgUnitPath: unit.path, enrolledAt: new Date() };
      const event = this.runtime.outbox.prepare(
        MemberEnrolledV1,
        {
          memberId: member.id,
          memberNo: member.memberNo,
          orgUnitId: member.orgUnitId,
          orgUnitPath: member.orgUnitPath,
          maskedNationalId: member.nationalIdMasked,
          employmentForm: member.employmentForm,
          status: 'active',
          enrolledAt: member.enrolledAt.toISOString(),
        },
        { correlationId: requestId },
      );
      const inserted = await this.members.insertEnrolled(member, principal.username, event, tx);
      if (inserted) return toMemberView(inserted);
      this.enrollingUnits.forget(unit.id);
    }
    throw Problem.conflict('org-unit-changing', '该组织正在调整，请稍后重试 / The unit is being changed: try again shortly');
  }

  /**
   * The partial unique index refused a second active membership. The single enrolment statement
   * runs outside TransactionBoundary (it is a transaction of its own; BEGIN and COMMIT would add
   * two round trips to the hot path), so it maps the violation here; only then is the blocking
   * membership read, off the success path. Inside the caller's subtree it is a 409 on nationalId;
   * outside it (or gone meanwhile) the caller must not learn that the person exists: a 422 that
   * confirms nothing, and the refusal is logged for the federation.
   */
  async refusingSecondMembership<T>(work: () => Promise<T>, request: Pick<EnrolMemberRequest, 'nationalId' | 'orgUnitId'>, principal: Principal): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isPgError(error, PgErrorCode.uniqueViolation) && error.constraint === 'members_one_active_per_person') throw await this.refusal(request, principal);
      throw error;
    }
  }

  /** The answer to an enrolment that a second active membership blocked, judged by where that membership is. */
  async refusal(request: Pick<EnrolMemberRequest, 'nationalId' | 'orgUnitId'>, principal: Principal): Promise<Problem> {
    const id = parseNationalId(request.nationalId);
    if (!id.ok) return alreadyAMember(); // cannot happen: the insert ran, so the ID was valid
    return this.lookups.refusalOfSecondMembership(this.vault.lookupHash(id.value.number), request.orgUnitId, principal, alreadyAMember);
  }
}
