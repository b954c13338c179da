import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { inScope, Principal } from '@gonghui/auth';
import { parseNationalId, PersonalDataVault } from '@gonghui/identifiers';
import { chinaTime, keysetPage, Page, Problem } from '@gonghui/service-kit';
import { MemberView } from '../member.dto';
import { MembersRepository } from '../members.repository';
import { LookupLogEntry } from './lookup-log.entity';
import { ListLookupLogQuery, LookupLogEntryView } from './lookup.dto';

/**
 * The person cannot be enrolled for a reason the caller may not learn: an active membership
 * outside the caller's subtree. Says nothing of where, or whether, the person is a member.
 */
export function enrolmentRefused(): Problem {
  return new Problem(422, 'enrolment-refused', '无法为此人办理入会，请联系上级工会 / This person cannot be enrolled here; contact the federation');
}

/**
 * Use case: find a person's memberships by resident ID (按身份证号查询), and the federation's log
 * of who did so, when and why. Each lookup is logged with the keyed hash (never the ID) and how
 * many memberships the caller's subtree held, found or not: no log, no answer. So is each
 * enrolment refused because the person is an active member outside the officer's subtree.
 */
@Injectable()
export class PersonalDataLookups {
  constructor(
    @InjectRepository(LookupLogEntry) private readonly log: Repository<LookupLogEntry>,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
    private readonly members: MembersRepository,
  ) {}

  async lookup(nationalId: string, reason: string, principal: Principal): Promise<MemberView[]> {
    const id = parseNationalId(nationalId);
    if (!id.ok) throw Problem.badRequest('身份证号无效 / Invalid resident ID', [{ field: 'nationalId', message: '身份证号无效 / invalid resident ID' }]);
    const hash = this.vault.lookupHash(id.value.number);
    const found = await this.members.findByNationalIdHashInScope(hash, principal);
    await this.record({ kind: 'lookup', principal, hash, reason: reason.trim(), found: found.length });
    if (found.length === 0) throw Problem.notFound('未找到该身份证号的会员 / No member with this resident ID');
    return Promise.all(found.map((member) => this.members.viewOf(member)));
  }

  /**
   * The answer to a change that the person's active membership elsewhere blocked (an enrolment,
   * a prospect's conversion, a reinstatement): `inside` when that membership lies within the
   * caller's subtree; otherwise the non-confirming 422, logged for the federation.
   */
  async refusalOfSecondMembership(nationalIdHash: string, orgUnitId: string, principal: Principal, inside: () => Problem): Promise<Problem> {
    const blockingPath = await this.members.activeMembershipPath(nationalIdHash);
    if (blockingPath !== null && inScope(principal, blockingPath)) return inside();
    await this.recordRefusedEnrolment(nationalIdHash, orgUnitId, principal);
    return enrolmentRefused();
  }

  /** An enrolment into `orgUnitId` refused because the person is active outside the officer's subtree, for the federation to see. */
  async recordRefusedEnrolment(nationalIdHash: string, orgUnitId: string, principal: Principal): Promise<void> {
    await this.record({ kind: 'enrolment-refused', principal, hash: nationalIdHash, orgUnitId });
  }

  async page(query: ListLookupLogQuery): Promise<Page<LookupLogEntryView>> {
    const q = this.log.createQueryBuilder('l');
    if (query.kind) q.where('l.kind = :kind', { kind: query.kind });
    return keysetPage(q, query, { time: 'l.occurredAt', id: 'l.id', positionOf: (l) => ({ t: l.occurredAt, id: l.id }) }, (l) => ({
      id: l.id,
      kind: l.kind,
      actor: l.actor,
      actorId: l.actorId,
      actorScopePath: l.actorScopePath,
      reason: l.reason,
      nationalIdHash: l.nationalIdHash,
      found: l.found,
      orgUnitId: l.orgUnitId,
      occurredAt: chinaTime(l.occurredAt),
    }));
  }

  private async record(entry: { kind: LookupLogEntry['kind']; principal: Principal; hash: string; reason?: string; found?: number; orgUnitId?: string }): Promise<void> {
    await this.log.insert({
      id: randomUUID(),
      kind: entry.kind,
      actorId: entry.principal.userId,
      actor: entry.principal.username,
      actorScopePath: entry.principal.scopePath,
      reason: entry.reason ?? null,
      nationalIdHash: entry.hash,
      found: entry.found ?? null,
      orgUnitId: entry.orgUnitId ?? null,
      occurredAt: new Date(),
    });
  }
}
