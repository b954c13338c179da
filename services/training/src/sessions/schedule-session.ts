import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { Problem, TransactionBoundary } from '@gonghui/service-kit';
import { ScheduleSessionRequest, SessionView } from './session.dto';
import { SessionsRepository, toSessionView } from './sessions.repository';
import { scheduleSession } from './domain/session';
import { isUnitRefusal, unitForNewSession } from './domain/session-scope';
import { CoursesRepository } from '../courses/courses.repository';

/** Use case: open a course session (开设课程场次) in a unit of the officer's subtree, optionally of a catalogue course. */
@Injectable()
export class ScheduleSession {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly sessions: SessionsRepository,
    private readonly courses: CoursesRepository,
  ) {}

  async execute(request: ScheduleSessionRequest, principal: Principal): Promise<SessionView> {
    const startsAt = new Date(request.startsAt);
    const endsAt = new Date(request.endsAt);
    if (endsAt.getTime() <= startsAt.getTime()) {
      throw Problem.badRequest('结束时间须晚于开始时间 / The session must end after it starts', [
        { field: 'endsAt', message: '结束时间须晚于开始时间 / endsAt must be after startsAt' },
      ]);
    }
    const row = await this.transaction.run(async (tx) => {
      const course = request.courseId ? await this.courseFor(tx, request.courseId, principal) : null;
      const outcome = scheduleSession({ courseTitle: request.courseTitle ?? course?.title ?? '', startsAt, endsAt, location: request.location, capacity: request.capacity });
      if (!outcome.ok) throw Problem.badRequest('结束时间须晚于开始时间 / The session must end after it starts');
      const requested = request.orgUnitId ? { orgUnitId: request.orgUnitId, knownPath: await this.sessions.knownUnitPath(tx, request.orgUnitId) } : undefined;
      const unit = unitForNewSession(principal, requested);
      if (isUnitRefusal(unit)) {
        throw new Problem(422, 'unknown-org-unit', '组织不存在 / Unknown organisation unit', `组织 ${request.orgUnitId} 不在您的管辖范围内 / Unit ${request.orgUnitId} is not one of yours`, [
          { field: 'orgUnitId', message: '须为您所在组织或其下级组织 / must be your unit or one below it' },
        ]);
      }
      return this.sessions.insert(tx, {
        id: randomUUID(),
        ...outcome.session,
        courseId: course?.id ?? null,
        status: 'scheduled',
        offerWindowSeconds: request.offerWindowSeconds ?? 86_400,
        ...unit,
        createdBy: principal.username,
      });
    });
    return toSessionView(row);
  }

  private async courseFor(tx: Parameters<CoursesRepository['require']>[2], courseId: string, principal: Principal) {
    try {
      return await this.courses.require(courseId, principal, tx);
    } catch {
      throw new Problem(422, 'unknown-course', '课程不存在 / Unknown course', `课程 ${courseId} 不存在 / Course ${courseId} is not known to you`, [
        { field: 'courseId', message: '未知课程 / unknown course' },
      ]);
    }
  }
}
