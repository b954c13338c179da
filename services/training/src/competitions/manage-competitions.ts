import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { Problem, requireActiveMember, TransactionBoundary } from '@gonghui/service-kit';
import { checkCriteria } from './domain/ranking';
import { AddEventRequest, AddJudgeRequest, CompetitionEventView, CompetitionView, CreateCompetitionRequest, EntrantView, JudgeView } from './competition.dto';
import { Competition, CompetitionEntrant, CompetitionEvent, CompetitionJudge } from './competition.entity';
import { CompetitionsRepository, toEntrantView, toEventView } from './competitions.repository';
import { recordUnit } from '../sessions/record-unit';

/** Use cases that set a competition up: the competition (办赛), its events with weighted criteria (赛项), entrants (报名) and judges (评委). */
@Injectable()
export class ManageCompetitions {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly competitions: CompetitionsRepository,
  ) {}

  create(request: CreateCompetitionRequest, principal: Principal): Promise<CompetitionView> {
    return this.transaction.run(async (tx) => {
      const id = randomUUID();
      const unit = await recordUnit(tx, principal, request.orgUnitId);
      await tx.insert(Competition, { id, title: request.title.trim(), ...unit, createdBy: principal.username });
      return this.competitions.view(tx, await this.competitions.requireCompetition(tx, id, principal));
    });
  }

  addEvent(competitionId: string, request: AddEventRequest, principal: Principal): Promise<CompetitionEventView> {
    const refusal = checkCriteria(request.criteria);
    if (refusal) {
      const message =
        refusal.reason === 'weights-not-100'
          ? `各评分项权重之和须为 100（现为 ${refusal.total}） / The weights must sum to 100 (they sum to ${refusal.total})`
          : refusal.reason === 'range-empty'
            ? `评分项 ${refusal.key} 的最高分须大于最低分 / Criterion ${refusal.key}: maxScore must exceed minScore`
            : `评分项代码 ${refusal.key} 重复 / Criterion key ${refusal.key} is repeated`;
      throw Problem.badRequest(message, [{ field: 'criteria', message }]);
    }
    return this.transaction.run(
      async (tx) => {
        const competition = await this.competitions.requireCompetition(tx, competitionId, principal);
        const id = randomUUID();
        const criteria = request.criteria.map((c) => ({ key: c.key, name: c.name.trim(), weight: c.weight, minScore: c.minScore, maxScore: c.maxScore }));
        await tx.insert(CompetitionEvent, { id, competitionId: competition.id, name: request.name.trim(), criteria, tieBreak: request.tieBreak });
        return toEventView(await tx.findOneByOrFail(CompetitionEvent, { id }));
      },
      { competition_events_competition_id_name_key: () => Problem.conflict('event-exists', `该竞赛已有同名赛项“${request.name}” / The competition already has an event named ${request.name}`) },
    );
  }

  enter(eventId: string, memberId: string, principal: Principal): Promise<EntrantView> {
    return this.transaction.run(
      async (tx) => {
        const event = await this.competitions.requireEvent(tx, eventId, principal);
        const member = await requireActiveMember(tx, memberId, principal);
        const id = randomUUID();
        await tx.insert(CompetitionEntrant, { id, eventId: event.id, memberId: member.memberId, orgUnitPath: member.orgUnitPath });
        return toEntrantView(await tx.findOneByOrFail(CompetitionEntrant, { id }));
      },
      { competition_entrants_once: () => Problem.conflict('already-entered', '该会员已报名此赛项 / The member has already entered this event') },
    );
  }

  addJudge(eventId: string, request: AddJudgeRequest, principal: Principal): Promise<JudgeView> {
    return this.transaction.run(async (tx) => {
      const event = await this.competitions.requireEvent(tx, eventId, principal);
      const id = randomUUID();
      await tx.insert(CompetitionJudge, { id, eventId: event.id, name: request.name.trim() });
      return { id, eventId: event.id, name: request.name.trim() };
    });
  }
}

