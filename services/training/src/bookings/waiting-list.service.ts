import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Tx } from '@gonghui/persistence';
import { BookingSeatOfferedV1 } from '@gonghui/contracts';
import { ServiceRuntime } from '@gonghui/service-kit';
import { Session } from '../sessions/session.entity';
import { Booking } from '../sessions/booking.entity';
import { offerLapsed, passSeat } from './domain/waiting-list';

/**
 * Moves the waiting list along: a seat that comes free is offered to the first waiting, and an
 * offer not taken in time passes to the next. Callers hold the session's row lock. Lapsed offers
 * are swept by a small interval job (TRAINING_OFFER_SWEEP_MS, 30 s by default) and lazily before
 * a session's places are read, so nobody sees a stale offer.
 */
@Injectable()
export class WaitingList implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(WaitingList.name);
  private timer?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
  ) {}

  onModuleInit(): void {
    const every = Number(process.env.TRAINING_OFFER_SWEEP_MS ?? 30_000);
    if (every > 0) {
      this.timer = setInterval(() => void this.sweepAll(), every);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** A seat of the (locked) session came free: offer it to the first waiting, or free it. */
  async passSeat(tx: Tx, session: Pick<Session, 'id' | 'offerWindowSeconds'>, now: Date): Promise<void> {
    // Hand-written: the head of the waiting list by the partial index bookings_waiting.
    const [first] = (await tx.query(`SELECT id, member_id AS "memberId" FROM bookings WHERE session_id = $1 AND status = 'waiting' ORDER BY booked_at, id LIMIT 1`, [session.id])) as {
      id: string;
      memberId: string;
    }[];
    const outcome = passSeat(first ?? null, now, session.offerWindowSeconds);
    if ('offerTo' in outcome && first) {
      await tx.update(Booking, { id: outcome.offerTo }, { status: 'offered', offerExpiresAt: outcome.expiresAt });
      // The member should learn of the offer: a notifier consumes this (ids only).
      await this.runtime.outbox.record(tx, BookingSeatOfferedV1, {
        bookingId: outcome.offerTo,
        sessionId: session.id,
        memberId: first.memberId,
        offeredAt: now.toISOString(),
        offerExpiresAt: outcome.expiresAt.toISOString(),
      });
    } else {
      await tx.decrement(Session, { id: session.id }, 'booked', 1);
    }
  }

  /** Lapse the due offers of the (locked) session, each passing its seat on. */
  async expireDueOffers(tx: Tx, session: Pick<Session, 'id' | 'offerWindowSeconds'>, now: Date): Promise<number> {
    const offers = await tx.getRepository(Booking).find({ where: { sessionId: session.id, status: 'offered' }, order: { bookedAt: 'ASC', id: 'ASC' } });
    let lapsed = 0;
    for (const offer of offers) {
      if (!offerLapsed(offer, now)) continue;
      await tx.update(Booking, { id: offer.id }, { status: 'expired', endedAt: now });
      await this.passSeat(tx, session, now);
      lapsed += 1;
    }
    return lapsed;
  }

  /** Lazily, before a read: lapse this session's due offers if it has any. */
  async sweepSession(sessionId: string): Promise<void> {
    const [due] = (await this.dataSource.query(`SELECT 1 FROM bookings WHERE session_id = $1 AND status = 'offered' AND offer_expires_at <= now() LIMIT 1`, [sessionId])) as unknown[];
    if (!due) return;
    await this.dataSource.transaction(async (tx) => {
      const session = await tx.getRepository(Session).findOne({ where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (session) await this.expireDueOffers(tx, session, new Date());
    });
  }

  /** The interval job: every session with a lapsed offer. */
  async sweepAll(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const rows = (await this.dataSource.query(`SELECT DISTINCT session_id FROM bookings WHERE status = 'offered' AND offer_expires_at <= now()`)) as { session_id: string }[];
      for (const row of rows) await this.sweepSession(row.session_id);
    } catch (error) {
      this.logger.warn(`waiting-list sweep failed: ${(error as Error).message}`);
    } finally {
      this.sweeping = false;
    }
  }
}
