import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { HonourAwardedV1, SkillLevelGrantedV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { chinaTime, Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { AwardView, GrantAwardRequest } from './competition.dto';
import { CompetitionAward, CompetitionEntrant, ScoreSheet } from './competition.entity';
import { CompetitionsRepository } from './competitions.repository';

/**
 * Use case: an award to a scored entrant (颁奖). An honour (e.g. 技术能手 → craftsman) or a skill
 * level it grants reaches membership through training's award contracts, recorded in the outbox
 * in the same transaction as the award.
 */
@Injectable()
export class GrantAward {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly competitions: CompetitionsRepository,
  ) {}

  execute(eventId: string, request: GrantAwardRequest, principal: Principal, requestId?: string): Promise<AwardView> {
    return this.transaction.run(
      async (tx) => {
        const event = await this.competitions.requireEvent(tx, eventId, principal);
        const entrant = await tx.findOneBy(CompetitionEntrant, { id: request.entrantId, eventId: event.id });
        if (!entrant) throw new Problem(422, 'unknown-entrant', '选手不存在 / Unknown entrant', `赛项没有选手 ${request.entrantId} / The event has no entrant ${request.entrantId}`, [{ field: 'entrantId', message: '非本赛项选手 / not an entrant of this event' }]);
        if (!(await tx.existsBy(ScoreSheet, { entrantId: entrant.id }))) {
          throw Problem.unprocessable('entrant-not-scored', '选手尚无评分，不能颁奖 / The entrant has not been scored yet');
        }
        const id = randomUUID();
        await tx.insert(CompetitionAward, { id, eventId: event.id, entrantId: entrant.id, memberId: entrant.memberId, title: request.title.trim(), honour: request.honour ?? null, skillLevel: request.skillLevel ?? null });
        const award = await tx.findOneByOrFail(CompetitionAward, { id });
        const at = award.awardedAt.toISOString();
        const source = { kind: 'competition-award' as const, id };
        if (request.honour) {
          await this.runtime.outbox.record(tx, HonourAwardedV1, { awardId: id, memberId: entrant.memberId, honour: request.honour, source, awardedAt: at }, { correlationId: requestId });
        }
        if (request.skillLevel) {
          await this.runtime.outbox.record(tx, SkillLevelGrantedV1, { grantId: randomUUID(), memberId: entrant.memberId, level: request.skillLevel, source, grantedAt: at }, { correlationId: requestId });
        }
        return {
          id,
          eventId: event.id,
          entrantId: entrant.id,
          memberId: entrant.memberId,
          title: award.title,
          honour: request.honour ?? null,
          skillLevel: request.skillLevel ?? null,
          awardedAt: chinaTime(award.awardedAt),
        };
      },
      { competition_awards_once: () => Problem.conflict('already-awarded', '该选手已在此赛项获奖 / The entrant already has an award in this event') },
    );
  }
}
