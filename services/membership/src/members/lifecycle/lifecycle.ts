import { Inject, Injectable } from '@nestjs/common';
import { MemberDualRegisteredV1, MemberLeftV1, MemberReinstatedV1, MemberTransferredV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { inTransaction, isPgError, PgErrorCode, Tx } from '@gonghui/persistence';
import { Problem, ServiceRuntime } from '@gonghui/service-kit';
import { OrgUnitsRepository } from '../../org-units/org-units.repository';
import { DualRegistrationRequest, LeaveRequest, MemberView, TransferMemberRequest } from '../member.dto';
import { MemberRow, MembersRepository, toMemberView } from '../members.repository';
import { requireEnrollingUnit } from '../enrolling-unit';

/**
 * The use cases that change a membership after enrolment: transfer (会员关系转接), dual
 * registration (双报到), leaving (退会) and reinstatement (恢复会籍). Each locks the member row,
 * writes the history and publishes its event in the same transaction.
 */
@Injectable()
export class MemberLifecycle {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly members: MembersRepository,
    private readonly units: OrgUnitsRepository,
  ) {}

  transfer(memberId: string, request: TransferMemberRequest, principal: Principal, requestId?: string): Promise<MemberView> {
    return this.change(memberId, principal, async (tx, member) => {
      if (member.status !== 'active') throw Problem.unprocessable('member-not-active', '已退会的会员不能转接 / A member who left cannot be transferred');
      const target = await requireEnrollingUnit(this.units, request.toOrgUnitId, principal, 'toOrgUnitId', tx);
      if (target.id === member.org_unit_id) throw Problem.unprocessable('same-unit', '会员已在该组织 / The member already belongs to that unit');
      const updated = await this.members.update(tx, member.id, { org_unit_id: target.id, org_unit_path: target.path });
      await this.members.recordHistory(tx, { memberId: member.id, kind: 'transferred', fromUnitId: member.org_unit_id, toUnitId: target.id, reason: request.reason, actor: principal.username });
      await this.runtime.outbox.record(
        tx,
        MemberTransferredV1,
        { memberId: member.id, fromOrgUnitId: member.org_unit_id, toOrgUnitId: target.id, orgUnitPath: target.path, transferredAt: new Date().toISOString() },
        { correlationId: requestId },
      );
      return updated;
    });
  }

  leave(memberId: string, request: LeaveRequest, principal: Principal, requestId?: string): Promise<MemberView> {
    return this.change(memberId, principal, async (tx, member) => {
      if (member.status !== 'active') throw Problem.conflict('already-left', '该会员已退会 / The member has already left');
      const leftAt = new Date();
      const updated = await this.members.update(tx, member.id, { status: 'left', left_at: leftAt });
      await this.members.recordHistory(tx, { memberId: member.id, kind: 'left', fromUnitId: member.org_unit_id, reason: request.reason, actor: principal.username });
      await this.runtime.outbox.record(
        tx,
        MemberLeftV1,
        { memberId: member.id, orgUnitId: member.org_unit_id, reason: request.reason, leftAt: leftAt.toISOString() },
        { correlationId: requestId },
      );
      return updated;
    });
  }

  async reinstate(memberId: string, principal: Principal, requestId?: string): Promise<MemberView> {
    try {
      return await this.change(memberId, principal, async (tx, member) => {
        if (member.status === 'active') throw Problem.conflict('already-active', '该会员在册 / The member is already active');
        const unit = await this.units.findById(member.org_unit_id, tx);
        if (!unit?.active) throw Problem.unprocessable('org-unit-inactive', '原组织已撤销，请先转接 / The former unit is deactivated; transfer the member instead');
        const updated = await this.members.update(tx, member.id, { status: 'active', left_at: null });
        await this.members.recordHistory(tx, { memberId: member.id, kind: 'reinstated', toUnitId: member.org_unit_id, actor: principal.username });
        await this.runtime.outbox.record(
          tx,
          MemberReinstatedV1,
          { memberId: member.id, orgUnitId: member.org_unit_id, orgUnitPath: member.org_unit_path, reinstatedAt: new Date().toISOString() },
          { correlationId: requestId },
        );
        return updated;
      });
    } catch (error) {
      if (isPgError(error, PgErrorCode.uniqueViolation)) {
        throw Problem.conflict('already-a-member', '此人已以另一会员身份在册 / This person is already an active member under another membership');
      }
      throw error;
    }
  }

  async registerWithCommunity(memberId: string, request: DualRegistrationRequest, principal: Principal, requestId?: string): Promise<MemberView> {
    try {
      return await this.change(memberId, principal, async (tx, member) => {
        if (member.status !== 'active') throw Problem.unprocessable('member-not-active', '已退会的会员不能双报到 / A member who left cannot register with a community');
        const community = await this.units.findById(request.communityOrgUnitId, tx);
        if (!community || community.kind !== 'grassroots-community' || !community.active) {
          throw new Problem(422, 'not-a-community-union', '须为社区工会 / Must be a community union', undefined, [
            { field: 'communityOrgUnitId', message: '须为在用的社区工会 / must be an active community union' },
          ]);
        }
        await tx.query('INSERT INTO dual_registrations (member_id, community_unit_id) VALUES ($1, $2)', [member.id, community.id]);
        await this.members.recordHistory(tx, { memberId: member.id, kind: 'dual-registered', toUnitId: community.id, actor: principal.username });
        await this.runtime.outbox.record(
          tx,
          MemberDualRegisteredV1,
          { memberId: member.id, communityOrgUnitId: community.id, registeredAt: new Date().toISOString() },
          { correlationId: requestId },
        );
        return member;
      });
    } catch (error) {
      if (isPgError(error, PgErrorCode.uniqueViolation)) throw Problem.conflict('already-registered', '已在该社区报到 / Already registered with that community');
      throw error;
    }
  }

  /** Lock the member (404 outside the user's subtree), apply the change, answer the new state. */
  private async change(memberId: string, principal: Principal, apply: (tx: Tx, member: MemberRow) => Promise<MemberRow>): Promise<MemberView> {
    return inTransaction(this.runtime.pool, async (tx) => {
      const member = await this.members.findById(memberId, tx, true);
      if (!member || !inScope(principal, member.org_unit_path)) throw Problem.notFound(`会员不存在 / Member ${memberId} not found`);
      return toMemberView(await apply(tx, member));
    });
  }
}
