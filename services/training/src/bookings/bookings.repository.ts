import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { OUTBOX_ROW_COLUMNS, outboxRowValues } from '@gonghui/messaging';
import { Problem, requireInScope } from '@gonghui/service-kit';
import { Booking } from '../sessions/booking.entity';
import { Session } from '../sessions/session.entity';
import { ACTIVE_STATUSES, NewPlace, SkillLevel } from './domain/waiting-list';

export const bookingNotFound = (id: string) => `预约不存在 / Booking ${id} not found`;

@Injectable()
export class BookingsRepository {
  constructor(@InjectRepository(Booking) private readonly bookings: Repository<Booking>) {}

  async require(id: string, principal: Principal, tx?: Tx): Promise<Booking> {
    const booking = tx ? await tx.findOneBy(Booking, { id }) : await this.bookings.findOneBy({ id });
    return requireInScope(booking, (b) => b.orgUnitPath, principal, bookingNotFound(id));
  }

  /** In one round trip while the session is locked: the latest arrival, how many wait, and whether the member already has a place. */
  async placesOf(tx: Tx, sessionId: string, memberId: string): Promise<{ lastArrivalAt: Date | null; waiting: number; memberHasPlace: boolean }> {
    // Hand-written: the hot path of booking, three aggregates over the session's places in one statement.
    const [row] = (await tx.query(
      `SELECT max(booked_at) AS last,
              count(*) FILTER (WHERE status = 'waiting')::int AS waiting,
              coalesce(bool_or(member_id = $2 AND status IN ('booked', 'waiting', 'offered')), false) AS has
         FROM bookings WHERE session_id = $1`,
      [sessionId, memberId],
    )) as { last: Date | null; waiting: number; has: boolean }[];
    return { lastArrivalAt: row.last, waiting: row.waiting, memberHasPlace: row.has };
  }

  async profileOf(tx: Tx, memberId: string): Promise<{ employmentForm: string | null; skillLevel: SkillLevel | null } | null> {
    const [row] = (await tx.query('SELECT employment_form, skill_level FROM trainee_profiles WHERE member_id = $1', [memberId])) as { employment_form: string | null; skill_level: SkillLevel | null }[];
    return row ? { employmentForm: row.employment_form, skillLevel: row.skill_level } : null;
  }

  /**
   * Hand-written: the hot path of booking. The place, the session's seat count and the event's
   * outbox row (Outbox.prepare's values, when there is one) in one statement: one round trip
   * while the session is locked instead of three.
   */
  async addPlace(tx: Tx, booking: NewPlace, seatsHeld: number, outboxRow: unknown[] | null): Promise<void> {
    const params: unknown[] = [booking.id, booking.sessionId, booking.memberId, booking.orgUnitPath, booking.bookedAt, booking.status, seatsHeld];
    const outbox = outboxRow ? `, e AS (INSERT INTO outbox (${OUTBOX_ROW_COLUMNS}) VALUES (${outboxRowValues(params.length + 1)}))` : '';
    await tx.query(
      `WITH b AS (INSERT INTO bookings (id, session_id, member_id, org_unit_path, booked_at, status) VALUES ($1, $2, $3, $4, $5, $6))${outbox}
       UPDATE sessions SET booked = $7 WHERE id = $2 AND booked <> $7`,
      [...params, ...(outboxRow ?? [])],
    );
  }

  /** The session of a booking, locked; a 404 names the booking when it is gone. */
  async lockSession(tx: Tx, sessionId: string, bookingId: string): Promise<Session> {
    const session = await tx.getRepository(Session).findOne({ where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
    if (!session) throw Problem.notFound(bookingNotFound(bookingId));
    return session;
  }

  /** A member's active places, for when they leave. */
  activePlacesOf(tx: Tx, memberId: string): Promise<Booking[]> {
    return tx.getRepository(Booking).find({ where: { memberId, status: In([...ACTIVE_STATUSES]) }, order: { sessionId: 'ASC' } });
  }
}
