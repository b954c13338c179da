import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaTime, keysetPage, Page, PageQuery, requireInScope, whereInScope } from '@gonghui/service-kit';
import { OrderFacts, summariseEvaluation } from './domain/training-order';
import { AssignmentView, TrainingOrderView } from './training-order.dto';
import { OrderSession, TrainingOrder } from './training-order.entity';

export const orderNotFound = (id: string) => `培训订单不存在 / Training order ${id} not found`;

export const orderFacts = (o: TrainingOrder): OrderFacts => ({ status: o.status, skill: o.skill, workers: o.workers, wishedFrom: o.wishedFrom, wishedTo: o.wishedTo });

/** Orders are seen and changed within the officer's subtree; another district's order is a 404. */
@Injectable()
export class TrainingOrdersRepository {
  constructor(@InjectRepository(TrainingOrder) private readonly orders: Repository<TrainingOrder>) {}

  async requireForUpdate(tx: Tx, id: string, principal: Principal): Promise<TrainingOrder> {
    const row = await tx.getRepository(TrainingOrder).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return requireInScope(row, (o) => o.orgUnitPath, principal, orderNotFound(id));
  }

  async require(db: Tx, id: string, principal: Principal): Promise<TrainingOrder> {
    return requireInScope(await db.findOneBy(TrainingOrder, { id }), (o) => o.orgUnitPath, principal, orderNotFound(id));
  }

  async assignedInstructorIds(tx: Tx, orderId: string): Promise<string[]> {
    const rows: { instructor_id: string }[] = await tx.query('SELECT DISTINCT instructor_id FROM instructor_assignments WHERE order_id = $1', [orderId]);
    return rows.map((r) => r.instructor_id);
  }

  async addAssignment(tx: Tx, a: { id: string; orderId: string; instructorId: string; startsAt: Date; endsAt: Date }): Promise<void> {
    await tx.query(`INSERT INTO instructor_assignments (id, order_id, instructor_id, during) VALUES ($1, $2, $3, tstzrange($4, $5, '[)'))`, [a.id, a.orderId, a.instructorId, a.startsAt, a.endsAt]);
  }

  countSessions(tx: Tx, orderId: string): Promise<number> {
    return tx.countBy(OrderSession, { orderId });
  }

  async view(db: Tx, o: TrainingOrder): Promise<TrainingOrderView> {
    const assignments: { id: string; instructor_id: string; name: string; starts_at: Date; ends_at: Date }[] = await db.query(
      `SELECT a.id, a.instructor_id, i.name, lower(a.during) AS starts_at, upper(a.during) AS ends_at
         FROM instructor_assignments a JOIN instructors i ON i.id = a.instructor_id
        WHERE a.order_id = $1 ORDER BY lower(a.during), a.id`,
      [o.id],
    );
    const sessions = await db.find(OrderSession, { where: { orderId: o.id }, order: { startsAt: 'ASC', id: 'ASC' } });
    const evaluated = o.enterpriseScore !== null && o.traineeScore !== null && o.academyScore !== null && o.evaluatedAt !== null;
    const summary = evaluated ? summariseEvaluation({ enterpriseScore: o.enterpriseScore!, traineeScore: o.traineeScore!, academyScore: o.academyScore!, outcomes: o.outcomes }) : null;
    return {
      id: o.id,
      enterpriseName: o.enterpriseName,
      creditCode: o.creditCode,
      skill: o.skill,
      workers: o.workers,
      location: o.location,
      wishedFrom: o.wishedFrom,
      wishedTo: o.wishedTo,
      status: o.status,
      assignments: assignments.map(
        (a): AssignmentView => ({ id: a.id, instructorId: a.instructor_id, instructorName: a.name, startsAt: chinaTime(a.starts_at), endsAt: chinaTime(a.ends_at) }),
      ),
      sessions: sessions.map((s) => ({ id: s.id, instructorId: s.instructorId, startsAt: chinaTime(s.startsAt), endsAt: chinaTime(s.endsAt), topic: s.topic, attended: s.attended })),
      attendedTotal: sessions.reduce((sum, s) => sum + s.attended, 0),
      evaluation:
        summary && evaluated
          ? {
              enterpriseScore: o.enterpriseScore!,
              traineeScore: o.traineeScore!,
              academyScore: o.academyScore!,
              jointScore: summary.jointScore,
              outcomes: summary.outcomes,
              note: o.evaluationNote,
              evaluatedAt: chinaTime(o.evaluatedAt!),
            }
          : null,
      orgUnitId: o.orgUnitId,
      orgUnitPath: o.orgUnitPath,
      createdAt: chinaTime(o.createdAt),
    };
  }

  async list(principal: Principal, page: PageQuery): Promise<Page<TrainingOrderView>> {
    const query = whereInScope(this.orders.createQueryBuilder('o'), 'o.orgUnitPath', principal);
    const rows = await keysetPage(query, page, { time: 'o.createdAt', id: 'o.id', positionOf: (o) => ({ t: o.createdAt, id: o.id }) }, (o) => o);
    const manager = this.orders.manager;
    return { items: await Promise.all(rows.items.map((o) => this.view(manager, o))), nextCursor: rows.nextCursor };
  }
}
