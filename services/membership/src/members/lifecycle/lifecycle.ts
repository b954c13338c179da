import { Inject, Injectable } from '@nestjs/common';
import { MemberDualRegisteredV1, MemberLeftV1, MemberReinstatedV1, MemberTransferredV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { Problem, ServiceRuntime, TransactionBoundary, UniqueConflicts } from '@gonghui/service-kit';
import { OrgUnitsRepository } from '../../org-units/org-units.repository';
import { DualRegistrationRequest, LeaveRequest, MemberView, TransferMemberRequest } from '../member.dto';
import { MembersRepository } from '../members.repository';
import { requireEnrollingUnit } from '../enrolling-unit';
import { DualRegistration, Member } from '../member.entity';
import * as rules from '../domain/lifecycle-rules';
import { PersonalDataLookups } from '../lookup/personal-data-lookups';

/** The problem a refusal of the lifecycle rules becomes. */
function refused(refusal: rules.Refusal): Problem {
  if (refusal.field) {
    return new Problem(refusal.status, refusal.slug, '须为社区工会 / Must be a community union', undefined, [{ field: refusal.field, message: refusal.detail }]);
  }
  return refusal.status === 409 ? Problem.conflict(refusal.slug, refusal.detail) : Problem.unprocessable(refusal.slug, refusal.detail);
}

function orRefuse<T>(outcome: rules.Refusal | T): T {
  if (rules.isRefusal(outcome)) throw refused(outcome);
  return outcome;
}

const state = (member: Member): rules.MemberState => ({ id: member.id, status: member.status, orgUnitId: member.orgUnitId });

/**
 * The use cases that change a membership after enrolment: transfer (会员关系转接), dual
 * registration (双报到), leaving (退会) and reinstatement (恢复会籍). Each locks the member row,
 * asks the lifecycle rules, writes the history and publishes its event in the same transaction.
 */
@Injectable()
export class MemberLifecycle {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly members: MembersRepository,
    private readonly units: OrgUnitsRepository,
    private readonly lookups: PersonalDataLookups,
  ) {}

  transfer(memberId: string, request: TransferMemberRequest, principal: Principal, requestId?: string): Promise<MemberView> {
    return this.change(memberId, principal, async (tx, member) => {
      const notTransferable = rules.checkTransferable(state(member));
      if (notTransferable) throw refused(notTransferable);
      const target = await requireEnrollingUnit(this.units, request.toOrgUnitId, principal, 'toOrgUnitId', tx);
      const move = orRefuse(rules.transfer(state(member), target));
      const updated = await this.members.update(tx, member, { orgUnitId: move.orgUnitId, orgUnitPath: target.path });
      await this.members.recordHistory(tx, { memberId: member.id, kind: 'transferred', fromUnitId: move.fromOrgUnitId, toUnitId: move.orgUnitId, reason: request.reason, actor: principal.username });
      await this.runtime.outbox.record(
        tx,
        MemberTransferredV1,
        { memberId: member.id, fromOrgUnitId: move.fromOrgUnitId, toOrgUnitId: move.orgUnitId, orgUnitPath: target.path, transferredAt: new Date().toISOString() },
        { correlationId: requestId },
      );
      return updated;
    });
  }

  leave(memberId: string, request: LeaveRequest, principal: Principal, requestId?: string): Promise<MemberView> {
    return this.change(memberId, principal, async (tx, member) => {
      const change = orRefuse(rules.leave(state(member), new Date()));
      const updated = await this.members.update(tx, member, { status: change.status, leftAt: change.leftAt });
      await this.members.recordHistory(tx, { memberId: member.id, kind: 'left', fromUnitId: member.orgUnitId, reason: request.reason, actor: principal.username });
      await this.runtime.outbox.record(
        tx,
        MemberLeftV1,
        { memberId: member.id, orgUnitId: member.orgUnitId, reason: request.reason, leftAt: change.leftAt.toISOString() },
        { correlationId: requestId },
      );
      return updated;
    });
  }

  /**
   * A reinstatement refused because the person is active under another membership is a 409 only
   * when that membership is inside the caller's subtree; otherwise the caller must not learn of
   * it: the non-confirming 422, logged for the federation (worked out after the refusal only).
   */
  reinstate(memberId: string, principal: Principal, requestId?: string): Promise<MemberView> {
    let person: { hash: string; orgUnitId: string } | undefined;
    const activeElsewhere = () => Problem.conflict('already-a-member', '此人已以另一会员身份在册 / This person is already an active member under another membership');
    return this.change(
      memberId,
      principal,
      async (tx, member) => {
        person = { hash: member.nationalIdHash, orgUnitId: member.orgUnitId };
        const unit = member.status === 'active' ? null : await this.units.findById(member.orgUnitId, tx);
        const change = orRefuse(rules.reinstate(state(member), unit));
        const updated = await this.members.update(tx, member, { status: change.status, leftAt: change.leftAt });
        await this.members.recordHistory(tx, { memberId: member.id, kind: 'reinstated', toUnitId: member.orgUnitId, actor: principal.username });
        await this.runtime.outbox.record(
          tx,
          MemberReinstatedV1,
          { memberId: member.id, orgUnitId: member.orgUnitId, orgUnitPath: member.orgUnitPath, reinstatedAt: new Date().toISOString() },
          { correlationId: requestId },
        );
        return updated;
      },
      {
        members_one_active_per_person: () =>
          person ? this.lookups.refusalOfSecondMembership(person.hash, person.orgUnitId, principal, activeElsewhere) : activeElsewhere(),
      },
    );
  }

  registerWithCommunity(memberId: string, request: DualRegistrationRequest, principal: Principal, requestId?: string): Promise<MemberView> {
    return this.change(
      memberId,
      principal,
      async (tx, member) => {
        const notRegistrable = rules.checkDualRegistrable(state(member));
        if (notRegistrable) throw refused(notRegistrable);
        const community = await this.units.findById(request.communityOrgUnitId, tx);
        const registration = orRefuse(rules.registerWithCommunity(state(member), community));
        await tx.insert(DualRegistration, { memberId: member.id, communityUnitId: registration.communityUnitId, registeredAt: new Date() });
        await this.members.recordHistory(tx, { memberId: member.id, kind: 'dual-registered', toUnitId: registration.communityUnitId, actor: principal.username });
        await this.runtime.outbox.record(
          tx,
          MemberDualRegisteredV1,
          { memberId: member.id, communityOrgUnitId: registration.communityUnitId, registeredAt: new Date().toISOString() },
          { correlationId: requestId },
        );
        return member;
      },
      { dual_registrations_pkey: () => Problem.conflict('already-registered', '已在该社区报到 / Already registered with that community') },
    );
  }

  /** Lock the member (404 outside the user's subtree), apply the change, answer the new state. */
  private change(memberId: string, principal: Principal, apply: (tx: Tx, member: Member) => Promise<Member>, conflicts?: UniqueConflicts): Promise<MemberView> {
    return this.transaction.run(async (tx) => {
      const member = await this.members.findInScopeForUpdate(tx, memberId, principal);
      return this.members.viewOf(await apply(tx, member), tx);
    }, conflicts);
  }
}
