import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { Problem, TransactionBoundary } from '@gonghui/service-kit';
import { checkSheet, rankEntrants } from './domain/ranking';
import { RankingView, ScoreSheetView, SubmitScoreSheetRequest } from './competition.dto';
import { CompetitionEntrant, CompetitionJudge, ScoreSheet } from './competition.entity';
import { CompetitionsRepository, toSheetView } from './competitions.repository';

const alreadyScored = () => Problem.conflict('already-scored', '该评委已为此选手评分 / This judge has already scored this entrant');

/**
 * Use case: a judge's score sheet (评分表). Every criterion once, each within its range (400
 * otherwise); one judge scores one entrant once: the unique constraint on (entrant, judge)
 * decides between concurrent sheets, the loser gets a 409.
 */
@Injectable()
export class ScoreEntrant {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly competitions: CompetitionsRepository,
  ) {}

  submit(eventId: string, request: SubmitScoreSheetRequest, principal: Principal): Promise<ScoreSheetView> {
    // No prototype: a criterion named like an Object member (“constructor”) is just an unknown criterion.
    const scores: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const [i, s] of request.scores.entries()) {
      if (Object.hasOwn(scores, s.criterion)) throw Problem.badRequest(`评分项 ${s.criterion} 重复 / Criterion ${s.criterion} is scored twice`, [{ field: `scores[${i}].criterion`, message: '重复 / repeated' }]);
      scores[s.criterion] = s.score;
    }
    return this.transaction.run(
      async (tx) => {
        const event = await this.competitions.requireEvent(tx, eventId, principal);
        const refusal = checkSheet(event.criteria, scores);
        if (refusal) {
          const index = request.scores.findIndex((s) => s.criterion === refusal.key);
          switch (refusal.reason) {
            case 'out-of-range':
              throw Problem.badRequest(`评分项 ${refusal.key} 的分数须在 ${refusal.min}–${refusal.max} 之间 / Criterion ${refusal.key} takes scores from ${refusal.min} to ${refusal.max}`, [
                { field: `scores[${index}].score`, message: `须在 ${refusal.min}–${refusal.max} 之间 / must be between ${refusal.min} and ${refusal.max}` },
              ]);
            case 'unknown-criterion':
              throw Problem.badRequest(`赛项没有评分项 ${refusal.key} / The event has no criterion ${refusal.key}`, [{ field: `scores[${index}].criterion`, message: '未知评分项 / unknown criterion' }]);
            case 'missing-criterion':
              throw Problem.badRequest(`缺少评分项 ${refusal.key} / Criterion ${refusal.key} is not scored`, [{ field: 'scores', message: `缺少 ${refusal.key} / ${refusal.key} is missing` }]);
          }
        }
        const judge = await tx.findOneBy(CompetitionJudge, { id: request.judgeId, eventId: event.id });
        if (!judge) throw new Problem(422, 'unknown-judge', '评委不存在 / Unknown judge', `赛项没有评委 ${request.judgeId} / The event has no judge ${request.judgeId}`, [{ field: 'judgeId', message: '非本赛项评委 / not a judge of this event' }]);
        const entrant = await tx.findOneBy(CompetitionEntrant, { id: request.entrantId, eventId: event.id });
        if (!entrant) throw new Problem(422, 'unknown-entrant', '选手不存在 / Unknown entrant', `赛项没有选手 ${request.entrantId} / The event has no entrant ${request.entrantId}`, [{ field: 'entrantId', message: '非本赛项选手 / not an entrant of this event' }]);
        const id = randomUUID();
        await tx.insert(ScoreSheet, { id, eventId: event.id, entrantId: entrant.id, judgeId: judge.id, scores });
        return toSheetView(event, await tx.findOneByOrFail(ScoreSheet, { id }));
      },
      { score_sheets_one_per_judge: alreadyScored },
    );
  }

  async ranking(eventId: string, principal: Principal): Promise<RankingView> {
    return this.transaction.run(async (tx) => {
      const event = await this.competitions.requireEvent(tx, eventId, principal);
      const entrants = await tx.find(CompetitionEntrant, { where: { eventId: event.id } });
      const sheets = await tx.find(ScoreSheet, { where: { eventId: event.id } });
      const ranked = rankEntrants(
        event.criteria,
        event.tieBreak,
        entrants.map((e) => ({ entrantId: e.id, sheets: sheets.filter((s) => s.entrantId === e.id).map((s) => s.scores) })),
      );
      const memberOf = new Map(entrants.map((e) => [e.id, e.memberId]));
      return { eventId: event.id, tieBreak: event.tieBreak, items: ranked.map((r) => ({ ...r, memberId: memberOf.get(r.entrantId)! })) };
    });
  }
}
