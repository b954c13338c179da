import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SessionBookedV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { Problem, requireActiveMember, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { SessionsRepository, toBookingView } from '../sessions/sessions.repository';
import { BookingView } from '../sessions/session.dto';
import { Course } from '../courses/course.entity';
import { BookingsRepository } from './bookings.repository';
import { PlaceRefusal, takePlace } from './domain/waiting-list';

export const alreadyBooked = () => Problem.conflict('already-booked', '该会员已预约或在候补名单中 / The member already has a place on this session');

const LEVEL_LABELS = { novice: '新手 / novice', skilled: '熟手 / skilled', master: '高手 / master' } as const;

function refused(refusal: PlaceRefusal): Problem {
  switch (refusal.reason) {
    case 'session-cancelled':
      return Problem.unprocessable('session-cancelled', '课程场次已取消，不能预约 / The session was cancelled');
    case 'session-started':
      return Problem.unprocessable('session-started', '课程已开始，不能预约 / The session has already started');
    case 'session-ended':
      return Problem.unprocessable('session-ended', '课程已结束，不能预约 / The session has already ended');
    case 'session-full':
      return Problem.conflict('session-full', `名额已满（${refusal.capacity}） / The session is full (${refusal.capacity} seats)`);
    case 'already-booked':
      return alreadyBooked();
    case 'not-eligible': {
      const detail =
        refusal.rule === 'gig-workers-only'
          ? '本课程仅限新就业形态劳动者报名 / This course is for gig workers only'
          : `本课程要求技能等级不低于${LEVEL_LABELS[refusal.minSkillLevel].split(' / ')[0]} / This course requires skill level ${LEVEL_LABELS[refusal.minSkillLevel].split(' / ')[1]} or above`;
      return new Problem(422, 'not-eligible', '不符合报名条件 / Not eligible for this course', detail, [{ field: 'memberId', message: '不符合报名条件 / not eligible' }]);
    }
  }
}

/**
 * Use case: book an active member onto a session (课程预约), or put them on its waiting list
 * (候补) when it is full. The session row is locked while the place is taken, so concurrent
 * bookings never exceed capacity and the list keeps arrival order (domain/waiting-list.ts).
 */
@Injectable()
export class BookSession {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly sessions: SessionsRepository,
    private readonly bookings: BookingsRepository,
  ) {}

  execute(sessionId: string, memberId: string, waitIfFull: boolean, principal: Principal, requestId?: string): Promise<BookingView> {
    return this.transaction.run(
      async (tx) => {
        // What needs no lock is read first; the session's lock is held only while the place is taken.
        const member = await requireActiveMember(tx, memberId, principal).catch(async (refusal: unknown) => {
          // A session the user cannot see is a 404 whoever the member is: it comes first.
          await this.sessions.require(sessionId, principal);
          throw refusal;
        });
        const session = await this.sessions.requireForUpdate(tx, sessionId, principal);
        const course = session.courseId ? await tx.findOneBy(Course, { id: session.courseId }) : null;
        const profile = course ? await this.bookings.profileOf(tx, member.memberId) : null;
        const places = await this.bookings.placesOf(tx, session.id, member.memberId);
        const outcome = takePlace(
          { ...session, lastArrivalAt: places.lastArrivalAt },
          {
            bookingId: randomUUID(),
            member: { memberId: member.memberId, orgUnitPath: member.orgUnitPath, employmentForm: profile?.employmentForm ?? null, skillLevel: profile?.skillLevel ?? null },
            eligibility: course ? { gigWorkersOnly: course.gigWorkersOnly, minSkillLevel: course.minSkillLevel } : null,
            alreadyActive: places.memberHasPlace,
            waitIfFull,
            now: new Date(),
          },
        );
        if (!outcome.ok) throw refused(outcome.refusal);
        const outboxRow = outcome.event ? this.runtime.outbox.prepare(SessionBookedV1, outcome.event, { correlationId: requestId }) : null;
        await this.bookings.addPlace(tx, outcome.booking, outcome.seatsHeld, outboxRow);
        // Under the lock the new place is the last on the list: its position is the count before it, plus one.
        return toBookingView({ ...outcome.booking, offerExpiresAt: null }, outcome.booking.status === 'waiting' ? places.waiting + 1 : null);
      },
      { bookings_one_active_per_member: alreadyBooked },
    );
  }
}
