import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { Principal, scopeLikePattern } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaTime, keysetPage, MemberDirectoryEntry, Page, Problem, whereInScope } from '@gonghui/service-kit';
import { BookingListQuery, BookingView, SessionSearchQuery, SessionView } from './session.dto';
import { Session } from './session.entity';
import { Booking } from './booking.entity';
import { sessionVisibleTo } from './domain/session-scope';

export const toSessionView = (s: Session): SessionView => ({
  id: s.id,
  courseTitle: s.courseTitle,
  courseId: s.courseId,
  startsAt: chinaTime(s.startsAt),
  endsAt: chinaTime(s.endsAt),
  location: s.location,
  orgUnitId: s.orgUnitId,
  orgUnitPath: s.orgUnitPath,
  capacity: s.capacity,
  booked: s.booked,
  freeSeats: Math.max(0, s.capacity - s.booked),
  status: s.status,
  offerWindowSeconds: s.offerWindowSeconds,
  createdAt: chinaTime(s.createdAt),
});

export const toBookingView = (b: Pick<Booking, 'id' | 'sessionId' | 'memberId' | 'bookedAt' | 'status' | 'offerExpiresAt'>, waitingPosition: number | null = null): BookingView => ({
  id: b.id,
  sessionId: b.sessionId,
  memberId: b.memberId,
  bookedAt: chinaTime(b.bookedAt),
  status: b.status,
  waitingPosition: b.status === 'waiting' ? waitingPosition : null,
  offerExpiresAt: chinaTime(b.offerExpiresAt),
});

export const sessionNotFound = (id: string) => `课程场次不存在 / Session ${id} not found`;

const segment = (id: string) => id.replace(/-/g, '').toLowerCase();

/**
 * Sessions are seen within the user's subtree and along the path above it (domain/session-scope.ts);
 * another district's session does not exist for them (404). Bookings are seen only within the
 * user's subtree.
 */
const SESSION_COLUMNS = `id, course_title AS "courseTitle", starts_at AS "startsAt", ends_at AS "endsAt", location, capacity, booked, org_unit_id AS "orgUnitId",
  org_unit_path AS "orgUnitPath", course_id AS "courseId", status, offer_window_seconds AS "offerWindowSeconds", created_by AS "createdBy", created_at AS "createdAt"`;

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
    // Hand-written: on the booking hot path, one plain statement instead of the query builder's work.
    const [session] = (await tx.query(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = $1 FOR UPDATE`, [id])) as (Session | undefined)[];
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

  /** Search (课程超市): by course, category, district, start date range and free seats; ordered by creation like every list. */
  list(principal: Principal, page: SessionSearchQuery): Promise<Page<SessionView>> {
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
    if (page.courseId) query.andWhere('s.courseId = :courseId', { courseId: page.courseId });
    if (page.category) query.andWhere('s.courseId IN (SELECT c.id FROM courses c WHERE c.category = :category)', { category: page.category });
    if (page.districtId) query.andWhere('s.orgUnitPath LIKE :district', { district: `%/${segment(page.districtId)}/%` });
    if (page.from) query.andWhere('s.startsAt >= :from', { from: new Date(page.from) });
    if (page.to) query.andWhere('s.startsAt < :to', { to: new Date(page.to) });
    if (page.hasFreeSeats === true) query.andWhere("s.booked < s.capacity AND s.status = 'scheduled'");
    if (page.hasFreeSeats === false) query.andWhere('s.booked >= s.capacity');
    return keysetPage(query, page, { time: 's.createdAt', id: 's.id', positionOf: (s) => ({ t: s.createdAt, id: s.id }) }, toSessionView);
  }

  /** Places in arrival order; waiting ones with their position on the list. */
  async listBookings(sessionId: string, principal: Principal, page: BookingListQuery): Promise<Page<BookingView>> {
    await this.require(sessionId, principal);
    const query = whereInScope(this.bookings.createQueryBuilder('b').where('b.sessionId = :sessionId', { sessionId }), 'b.orgUnitPath', principal);
    if (page.status) query.andWhere('b.status = :status', { status: page.status });
    const result = await keysetPage(query, page, { time: 'b.bookedAt', id: 'b.id', positionOf: (b) => ({ t: b.bookedAt, id: b.id }) }, (b) => b);
    const positions = await this.waitingPositions(
      sessionId,
      result.items.filter((b) => b.status === 'waiting').map((b) => b.id),
    );
    return { items: result.items.map((b) => toBookingView(b, positions.get(b.id) ?? null)), nextCursor: result.nextCursor };
  }

  /** Position on the waiting list counts everyone waiting ahead, whatever their district (the list is one queue). */
  async waitingPositions(sessionId: string, bookingIds: string[], tx?: Tx): Promise<Map<string, number>> {
    if (bookingIds.length === 0) return new Map();
    const db = tx ?? this.sessions.manager;
    // Hand-written: a window function over the session's waiting list.
    const rows = (await db.query(
      `SELECT id, position::int AS position FROM (
         SELECT id, row_number() OVER (ORDER BY booked_at, id) AS position FROM bookings WHERE session_id = $1 AND status = 'waiting'
       ) w WHERE id = ANY($2::uuid[])`,
      [sessionId, bookingIds],
    )) as { id: string; position: number }[];
    return new Map(rows.map((r) => [r.id, r.position]));
  }
}
