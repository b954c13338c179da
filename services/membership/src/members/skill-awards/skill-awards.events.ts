import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { AwardSource, HonourAwardedV1, MemberUpdatedV1, SkillLevelGrantedV1 } from '@gonghui/contracts';
import { CloudEvent, EventTransaction, OnEvent } from '@gonghui/messaging';
import { ServiceRuntime } from '@gonghui/service-kit';
import { Member, MemberHistoryEntry } from '../member.entity';
import { AwardOutcome, awardHonour, grantSkillLevel } from './domain/skill-award';

/** Who made the change, in member history: training, by one of its records. */
const ACTOR = 'training';

/**
 * Training's awards reach the member record (consumer group membership.skill-awards): a skill
 * level from a certificate or a competition raises the member's level, an honour is added. Like
 * an officer's edit, the change, its history entry (fields changed; the reason names the source
 * record) and member.updated commit together, in the transaction of the inbox row.
 */
@Controller()
export class SkillAwardEvents {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @OnEvent(SkillLevelGrantedV1, { group: 'skill-awards' })
  async skillLevelGranted(@Payload() event: CloudEvent<SkillLevelGrantedV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    const member = await this.lock(manager, event.data.memberId);
    if (!member) return;
    await this.apply(manager, member, grantSkillLevel(member, event.data.level), event.data.source, event);
  }

  @OnEvent(HonourAwardedV1, { group: 'skill-awards' })
  async honourAwarded(@Payload() event: CloudEvent<HonourAwardedV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    const member = await this.lock(manager, event.data.memberId);
    if (!member) return;
    await this.apply(manager, member, awardHonour(member, event.data.honour), event.data.source, event);
  }

  /** An award for a member membership does not know changes nothing (training only knows members membership announced). */
  private lock(manager: EntityManager, memberId: string): Promise<Member | null> {
    return manager.getRepository(Member).createQueryBuilder('m').where('m.id = :memberId', { memberId }).setLock('pessimistic_write').getOne();
  }

  private async apply(manager: EntityManager, member: Member, outcome: AwardOutcome, source: AwardSource, event: CloudEvent<unknown>): Promise<void> {
    if (!outcome.changed) return;
    const changes = { ...(outcome.skillLevel && { skillLevel: outcome.skillLevel }), ...(outcome.honours && { honours: outcome.honours }) };
    await manager.update(Member, { id: member.id }, changes);
    await manager.insert(MemberHistoryEntry, {
      memberId: member.id,
      kind: 'updated',
      fromUnitId: null,
      toUnitId: member.orgUnitId,
      reason: `${source.kind}:${source.id}`,
      changedFields: outcome.changedFields,
      actor: ACTOR,
      occurredAt: new Date(),
    });
    await this.runtime.outbox.record(
      manager,
      MemberUpdatedV1,
      { memberId: member.id, orgUnitId: member.orgUnitId, changedFields: outcome.changedFields, ...changes, updatedAt: new Date().toISOString() },
      { correlationId: event.correlationid, causationId: event.id },
    );
  }
}
