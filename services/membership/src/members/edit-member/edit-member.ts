import { Inject, Injectable } from '@nestjs/common';
import { MemberUpdatedV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { PersonalDataVault } from '@gonghui/identifiers';
import { Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { MemberView, UpdateMemberRequest } from '../member.dto';
import { MembersRepository } from '../members.repository';
import { canonicalHonours, editMember, isEditRefusal, MemberEdit } from '../domain/edit-rules';

const EDITABLE = ['mobile', 'employerName', 'employerCreditCode', 'industry', 'skillLevel', 'honours'] as const;

/**
 * Use case: edit a member's details (会员信息维护): mobile, employer, industry, skill level,
 * honours. The member row is locked; the edit rules say what really changes; the change, its
 * history entry (the names of the fields) and its member.updated event (the new mobile masked
 * only) commit together. An edit that changes nothing writes nothing and announces nothing.
 */
@Injectable()
export class EditMember {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
    private readonly transaction: TransactionBoundary,
    private readonly members: MembersRepository,
  ) {}

  execute(memberId: string, request: UpdateMemberRequest, principal: Principal, requestId?: string): Promise<MemberView> {
    const edit = requestedEdit(request);
    return this.transaction.run(async (tx) => {
      const member = await this.members.findInScopeForUpdate(tx, memberId, principal);
      const outcome = editMember(
        member,
        {
          mobile: this.vault.decrypt(member.mobileCipher),
          employerName: member.employerName,
          employerCreditCode: member.employerCreditCode,
          industry: member.industry,
          skillLevel: member.skillLevel,
          honours: canonicalHonours(member.honours),
        },
        edit,
      );
      if (isEditRefusal(outcome)) {
        if (outcome.status === 400) throw Problem.badRequest(outcome.detail, [{ field: outcome.field ?? 'body', message: outcome.detail }]);
        throw Problem.unprocessable(outcome.slug, outcome.detail);
      }
      if (outcome.changedFields.length === 0) return this.members.viewOf(member, tx);

      const { mobile, ...rest } = outcome.changes;
      const changes: Parameters<MembersRepository['update']>[2] = { ...rest, ...(mobile !== undefined && { mobileCipher: this.vault.encrypt(mobile), mobileMasked: outcome.maskedMobile }) };
      const updated = await this.members.update(tx, member, changes);
      await this.members.recordHistory(tx, { memberId: member.id, kind: 'updated', toUnitId: member.orgUnitId, changedFields: outcome.changedFields, actor: principal.username });
      await this.runtime.outbox.record(
        tx,
        MemberUpdatedV1,
        {
          memberId: member.id,
          orgUnitId: member.orgUnitId,
          changedFields: outcome.changedFields,
          ...(outcome.maskedMobile !== undefined && { maskedMobile: outcome.maskedMobile }),
          ...(outcome.changes.skillLevel !== undefined && { skillLevel: outcome.changes.skillLevel }),
          ...(outcome.changes.honours !== undefined && { honours: outcome.changes.honours }),
          updatedAt: new Date().toISOString(),
        },
        { correlationId: requestId },
      );
      return this.members.viewOf(updated, tx);
    });
  }
}

/** The fields the request gives; a request that gives none, or gives null, is a 400. */
function requestedEdit(request: UpdateMemberRequest): MemberEdit {
  const given = EDITABLE.filter((field) => request[field] !== undefined);
  const nulls = given.filter((field) => request[field] === null);
  if (nulls.length > 0) throw Problem.badRequest('字段不能为 null / Fields must not be null', nulls.map((field) => ({ field, message: `${field} 不能为 null / ${field} must not be null` })));
  if (given.length === 0) {
    throw Problem.badRequest(`请至少修改一项：${EDITABLE.join('、')} / Give at least one field to change: ${EDITABLE.join(', ')}`, [
      { field: 'body', message: '没有可修改的字段 / nothing to change' },
    ]);
  }
  return Object.fromEntries(given.map((field) => [field, request[field]])) as MemberEdit;
}
