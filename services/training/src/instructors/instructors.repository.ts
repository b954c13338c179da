import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaTime, keysetPage, Page, PageQuery, requireInScope, whereInScope } from '@gonghui/service-kit';
import { Period } from './domain/instructor';
import { InstructorView } from './instructor.dto';
import { Instructor } from './instructor.entity';

export const instructorNotFound = (id: string) => `讲师不存在 / Instructor ${id} not found`;

type RangeRow = { starts_at: Date; ends_at: Date };
const toPeriods = (rows: RangeRow[]): Period[] => rows.map((r) => ({ startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at) }));
const periodView = (p: Period) => ({ startsAt: chinaTime(p.startsAt), endsAt: chinaTime(p.endsAt) });

/** Instructors are seen within the officer's subtree; their windows and bookings are tstzranges read as periods. */
@Injectable()
export class InstructorsRepository {
  constructor(@InjectRepository(Instructor) private readonly instructors: Repository<Instructor>) {}

  async insert(tx: Tx, instructor: Omit<Instructor, 'createdAt'>, availability: Period[], ids: string[]): Promise<void> {
    await tx.insert(Instructor, instructor);
    for (const [i, w] of availability.entries()) await this.addWindow(tx, instructor.id, w, ids[i]);
  }

  async addWindow(tx: Tx, instructorId: string, w: Period, id: string): Promise<void> {
    // Hand-written: TypeORM has no tstzrange type; the range is half-open like every period here.
    await tx.query(`INSERT INTO instructor_availability (id, instructor_id, during) VALUES ($1, $2, tstzrange($3, $4, '[)'))`, [id, instructorId, w.startsAt, w.endsAt]);
  }

  async require(db: Tx | undefined, id: string, principal: Principal): Promise<Instructor> {
    const row = await (db ? db.findOneBy(Instructor, { id }) : this.instructors.findOneBy({ id }));
    return requireInScope(row, (i) => i.orgUnitPath, principal, instructorNotFound(id));
  }

  /** Locks the instructor's row until the transaction ends: one instructor's assignments are taken one at a time, so two never overlap. */
  async requireForUpdate(tx: Tx, id: string, principal: Principal): Promise<Instructor> {
    const row = await tx.getRepository(Instructor).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return requireInScope(row, (i) => i.orgUnitPath, principal, instructorNotFound(id));
  }

  async availability(db: Tx, instructorId: string): Promise<Period[]> {
    return toPeriods(await db.query('SELECT lower(during) AS starts_at, upper(during) AS ends_at FROM instructor_availability WHERE instructor_id = $1 ORDER BY lower(during)', [instructorId]));
  }

  async booked(db: Tx, instructorId: string): Promise<Period[]> {
    return toPeriods(await db.query('SELECT lower(during) AS starts_at, upper(during) AS ends_at FROM instructor_assignments WHERE instructor_id = $1 ORDER BY lower(during)', [instructorId]));
  }

  async view(db: Tx, instructor: Instructor): Promise<InstructorView> {
    return {
      id: instructor.id,
      name: instructor.name,
      specialties: instructor.specialties,
      certificates: instructor.certificates,
      availability: (await this.availability(db, instructor.id)).map(periodView),
      booked: (await this.booked(db, instructor.id)).map(periodView),
      orgUnitId: instructor.orgUnitId,
      orgUnitPath: instructor.orgUnitPath,
      createdAt: chinaTime(instructor.createdAt),
    };
  }

  async list(principal: Principal, page: PageQuery): Promise<Page<InstructorView>> {
    const query = whereInScope(this.instructors.createQueryBuilder('i'), 'i.orgUnitPath', principal);
    const rows = await keysetPage(query, page, { time: 'i.createdAt', id: 'i.id', positionOf: (i) => ({ t: i.createdAt, id: i.id }) }, (i) => i);
    const manager = this.instructors.manager;
    return { items: await Promise.all(rows.items.map((i) => this.view(manager, i))), nextCursor: rows.nextCursor };
  }
}
