import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { Principal, scopeLikePattern } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { keysetPage, MemberDirectoryEntry, Page, PageQuery, Problem, whereInScope } from '@gonghui/service-kit';
import { BookingView, SessionView } from './session.dto';
import { Session } from './session.entity';
import { Booking } from './booking.entity';
import { sessionVisibleTo } from './domain/session-scope';

export const toSessionView = (s: Session): SessionView => ({
  id: s.id,
  courseTitle: s.courseTitle,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  location: s.location,
  orgUnitId: s.orgUnitId,
  orgUnitPath: s.orgUnitPath,
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

/**
 * Sessions are seen within the user's subtree and along the path above it (domain/session-scope.ts);
 * another district's session does not exist for them (404). Bookings are seen only within the
 * user's subtree.
 */
@Injectable()
export class SessionsRepository {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(Booking) private readonly bookings: Repository<Booking>,
  ) {}

  async require(id: string, principal: Principal): Promise<Session> {
    const session = await this.sessions.findOneBy({ id });
    if (!session || !sessionVisibleTo(principal, session.orgUnitPath)) throw Problem.notFound(sessionNotFound(id));
    return session;
  }

  /** The session with its row locked until the transaction ends: seats are taken one at a time. A 404 when the user may not see it. */
  async requireForUpdate(tx: Tx, id: string, principal: Principal): Promise<Session> {
    const session = await tx.getRepository(Session).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!session || !sessionVisibleTo(principal, session.orgUnitPath)) throw Problem.notFound(sessionNotFound(id));
    return session;
  }

  /** The path of a unit as training knows it: from a member of that unit in the member directory; null when none is known. */
  async knownUnitPath(tx: Tx, orgUnitId: string): Promise<string | null> {
    const row = await tx.findOne(MemberDirectoryEntry, { where: { orgUnitId }, select: { orgUnitPath: true } });
    return row?.orgUnitPath ?? null;
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

  list(principal: Principal, page: PageQuery): Promise<Page<SessionView>> {
    const query = this.sessions.createQueryBuilder('s');
    if (principal.scopePath !== '/') {
      query.andWhere(
        new Brackets((either) =>
          // In the subtree, or a unit on the path above it (its path a prefix of the user's).
          either.where('s.orgUnitPath LIKE :scopeLike').orWhere('left(:scopePath, length(s.orgUnitPath)) = s.orgUnitPath'),
        ),
        { scopeLike: scopeLikePattern(principal), scopePath: principal.scopePath },
      );
    }
    return keysetPage(query, page, { time: 's.createdAt', id: 's.id', positionOf: (s) => ({ t: s.createdAt, id: s.id }) }, toSessionView);
  }

  async listBookings(sessionId: string, principal: Principal, page: PageQuery): Promise<Page<BookingView>> {
    await this.require(sessionId, principal);
    const query = whereInScope(this.bookings.createQueryBuilder('b').where('b.sessionId = :sessionId', { sessionId }), 'b.orgUnitPath', principal);
    return keysetPage(query, page, { time: 'b.bookedAt', id: 'b.id', positionOf: (b) => ({ t: b.bookedAt, id: b.id }) }, toBookingView);
  }
}
