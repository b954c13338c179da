import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { inScope, Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaTime, keysetPage, Page, PageQuery, Problem, requireInScope, whereInScope } from '@gonghui/service-kit';
import { CompetitionEventView, CompetitionView, EntrantView, JudgeView, ScoreSheetListQuery, ScoreSheetView } from './competition.dto';
import { Competition, CompetitionEntrant, CompetitionEvent, CompetitionJudge, ScoreSheet } from './competition.entity';
import { sheetTotal } from './domain/ranking';

export const competitionNotFound = (id: string) => `竞赛不存在 / Competition ${id} not found`;
export const eventNotFound = (id: string) => `赛项不存在 / Competition event ${id} not found`;

export const toEventView = (e: CompetitionEvent): CompetitionEventView => ({
  id: e.id,
  competitionId: e.competitionId,
  name: e.name,
  tieBreak: e.tieBreak,
  criteria: e.criteria,
  createdAt: chinaTime(e.createdAt),
});

export const toEntrantView = (e: CompetitionEntrant): EntrantView => ({ id: e.id, eventId: e.eventId, memberId: e.memberId, enteredAt: chinaTime(e.enteredAt) });

export const toJudgeView = (j: CompetitionJudge): JudgeView => ({ id: j.id, eventId: j.eventId, name: j.name });

/** A sheet as answers show it: one score per criterion in the event's order, and its weighted total out of 100 (two decimals). */
export const toSheetView = (event: CompetitionEvent, s: ScoreSheet): ScoreSheetView => ({
  id: s.id,
  judgeId: s.judgeId,
  entrantId: s.entrantId,
  scores: event.criteria.map((c) => ({ criterion: c.key, score: s.scores[c.key] })),
  total: Math.round(sheetTotal(event.criteria, s.scores) * 100) / 100,
  submittedAt: chinaTime(s.submittedAt),
});

/** A competition, its events and everything on them are seen within the subtree of the unit running it; otherwise 404. */
@Injectable()
export class CompetitionsRepository {
  constructor(
    @InjectRepository(Competition) private readonly competitions: Repository<Competition>,
    @InjectRepository(CompetitionEntrant) private readonly entrants: Repository<CompetitionEntrant>,
  ) {}

  async requireCompetition(db: Tx, id: string, principal: Principal): Promise<Competition> {
    return requireInScope(await db.findOneBy(Competition, { id }), (c) => c.orgUnitPath, principal, competitionNotFound(id));
  }

  /** The event, if its competition is in the principal's subtree. */
  async requireEvent(db: Tx, id: string, principal: Principal): Promise<CompetitionEvent> {
    const event = await db.findOneBy(CompetitionEvent, { id });
    const competition = event ? await db.findOneBy(Competition, { id: event.competitionId }) : null;
    if (!event || !competition || !inScope(principal, competition.orgUnitPath)) throw Problem.notFound(eventNotFound(id));
    return event;
  }

  async view(db: Tx, c: Competition): Promise<CompetitionView> {
    const events = await db.find(CompetitionEvent, { where: { competitionId: c.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return { id: c.id, title: c.title, events: events.map(toEventView), orgUnitId: c.orgUnitId, orgUnitPath: c.orgUnitPath, createdAt: chinaTime(c.createdAt) };
  }

  async list(principal: Principal, page: PageQuery): Promise<Page<CompetitionView>> {
    const query = whereInScope(this.competitions.createQueryBuilder('c'), 'c.orgUnitPath', principal);
    const rows = await keysetPage(query, page, { time: 'c.createdAt', id: 'c.id', positionOf: (c) => ({ t: c.createdAt, id: c.id }) }, (c) => c);
    const events = rows.items.length ? await this.competitions.manager.find(CompetitionEvent, { where: { competitionId: In(rows.items.map((c) => c.id)) }, order: { createdAt: 'ASC', id: 'ASC' } }) : [];
    return {
      items: rows.items.map((c) => ({
        id: c.id,
        title: c.title,
        events: events.filter((e) => e.competitionId === c.id).map(toEventView),
        orgUnitId: c.orgUnitId,
        orgUnitPath: c.orgUnitPath,
        createdAt: chinaTime(c.createdAt),
      })),
      nextCursor: rows.nextCursor,
    };
  }

  /** The event's judging panel (评委), in the order the judges were added. */
  async listJudges(eventId: string, principal: Principal, page: PageQuery): Promise<Page<JudgeView>> {
    await this.requireEvent(this.entrants.manager, eventId, principal);
    const query = this.entrants.manager.getRepository(CompetitionJudge).createQueryBuilder('j').where('j.eventId = :eventId', { eventId });
    return keysetPage(query, page, { time: 'j.createdAt', id: 'j.id', positionOf: (j) => ({ t: j.createdAt, id: j.id }) }, toJudgeView);
  }

  /** The event's score sheets, of one judge or one entrant if asked; only sheets of entrants who are members of the principal's subtree. */
  async listSheets(eventId: string, principal: Principal, query: ScoreSheetListQuery): Promise<Page<ScoreSheetView>> {
    const event = await this.requireEvent(this.entrants.manager, eventId, principal);
    const sheets = this.entrants.manager
      .getRepository(ScoreSheet)
      .createQueryBuilder('s')
      .innerJoin(CompetitionEntrant, 'e', 'e.id = s.entrantId')
      .where('s.eventId = :eventId', { eventId });
    if (query.judgeId) sheets.andWhere('s.judgeId = :judgeId', { judgeId: query.judgeId });
    if (query.entrantId) sheets.andWhere('s.entrantId = :entrantId', { entrantId: query.entrantId });
    whereInScope(sheets, 'e.orgUnitPath', principal);
    return keysetPage(sheets, query, { time: 's.submittedAt', id: 's.id', positionOf: (s) => ({ t: s.submittedAt, id: s.id }) }, (s) => toSheetView(event, s));
  }

  /** Entrants of the event who are members of the principal's subtree. */
  async listEntrants(eventId: string, principal: Principal, page: PageQuery): Promise<Page<EntrantView>> {
    await this.requireEvent(this.entrants.manager, eventId, principal);
    const query = whereInScope(this.entrants.createQueryBuilder('e').where('e.eventId = :eventId', { eventId }), 'e.orgUnitPath', principal);
    return keysetPage(query, page, { time: 'e.enteredAt', id: 'e.id', positionOf: (e) => ({ t: e.enteredAt, id: e.id }) }, toEntrantView);
  }
}
