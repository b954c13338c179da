import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { inScope, Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaTime, keysetPage, Page, PageQuery, Problem, requireInScope, whereInScope } from '@gonghui/service-kit';
import { CompetitionEventView, CompetitionView, EntrantView } from './competition.dto';
import { Competition, CompetitionEntrant, CompetitionEvent } from './competition.entity';

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

  /** Entrants of the event who are members of the principal's subtree. */
  async listEntrants(eventId: string, principal: Principal, page: PageQuery): Promise<Page<EntrantView>> {
    await this.requireEvent(this.entrants.manager, eventId, principal);
    const query = whereInScope(this.entrants.createQueryBuilder('e').where('e.eventId = :eventId', { eventId }), 'e.orgUnitPath', principal);
    return keysetPage(query, page, { time: 'e.enteredAt', id: 'e.id', positionOf: (e) => ({ t: e.enteredAt, id: e.id }) }, toEntrantView);
  }
}
