import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { Problem, TransactionBoundary } from '@gonghui/service-kit';
import { ScheduleSessionRequest, SessionView } from './session.dto';
import { SessionsRepository, toSessionView } from './sessions.repository';
import { scheduleSession } from './domain/session';

/** Use case: open a course session (开设课程场次). */
@Injectable()
export class ScheduleSession {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly sessions: SessionsRepository,
  ) {}

  async execute(request: ScheduleSessionRequest, principal: Principal): Promise<SessionView> {
    const outcome = scheduleSession({
      courseTitle: request.courseTitle,
      startsAt: new Date(request.startsAt),
      endsAt: new Date(request.endsAt),
      location: request.location,
      capacity: request.capacity,
    });
    if (!outcome.ok) {
      throw Problem.badRequest('结束时间须晚于开始时间 / The session must end after it starts', [
        { field: 'endsAt', message: '结束时间须晚于开始时间 / endsAt must be after startsAt' },
      ]);
    }
    const row = await this.transaction.run((tx) => this.sessions.insert(tx, { id: randomUUID(), ...outcome.session, createdBy: principal.username }));
    return toSessionView(row);
  }
}
