import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { keysetPage, Page, PageQuery, Problem, whereInScope } from '@gonghui/service-kit';
import { BookingView, SessionView } from './session.dto';
import { Session } from './session.entity';
import { Booking } from './booking.entity';

export const toSessionView = (s: Session): SessionView => ({
  id: s.id,
  courseTitle: s.courseTitle,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  location: s.location,
  capacity: s.capacity,
  booked: s.booked,
  createdAt: s.createdAt.toISOString(),
});

export const toBookingView = (b: Pick<Booking, 'id' | 'sessionId' | 'memberId' | 'bookedAt'>): BookingView => ({
  id: b.id,
  sessionId: b.sessionId,
  memberId: b.memberId,
  bookedAt: b.bookedAt.toISOString(),
});

export const sessionNotFound = (id: string) => `课程场次不存在 / Session ${id} not found`;

/** Sessions are open to every officer; bookings are seen only within the user's subtree. */
@Injectable()
export class SessionsRepository {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(Booking) private readonly bookings: Repository<Booking>,
  ) {}

  async require(id: string): Promise<Session> {
    const session = await this.sessions.findOneBy({ id });
    if (!session) throw Problem.notFound(sessionNotFound(id));
    return session;
  }

  /** The session with its row locked until the transaction ends: seats are taken one at a time. */
  async requireForUpdate(tx: Tx, id: string): Promise<Session> {
    const session = await tx.getRepository(Session).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!session) throw Problem.notFound(sessionNotFound(id));
    return session;
  }

  async insert(tx: Tx, session: Omit<Session, 'booked' | 'createdAt'>): Promise<Session> {
    await tx.insert(Session, session);
    return tx.findOneByOrFail(Session, { id: session.id });
  }

  hasBooking(tx: Tx, sessionId: string, memberId: string): Promise<boolean> {
    return tx.existsBy(Booking, { sessionId, memberId });
  }

  async addBooking(tx: Tx, booking: Booking, seatsTaken: number): Promise<void> {
    await tx.insert(Booking, booking);
    await tx.update(Session, { id: booking.sessionId }, { booked: seatsTaken });
  }

  list(page: PageQuery): Promise<Page<SessionView>> {
    return keysetPage(this.sessions.createQueryBuilder('s'), page, { time: 's.createdAt', id: 's.id', positionOf: (s) => ({ t: s.createdAt, id: s.id }) }, toSessionView);
  }

  listBookings(sessionId: string, principal: Principal, page: PageQuery): Promise<Page<BookingView>> {
    const query = whereInScope(this.bookings.createQueryBuilder('b').where('b.sessionId = :sessionId', { sessionId }), 'b.orgUnitPath', principal);
    return keysetPage(query, page, { time: 'b.bookedAt', id: 'b.id', positionOf: (b) => ({ t: b.bookedAt, id: b.id }) }, toBookingView);
  }
}
