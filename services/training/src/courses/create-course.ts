import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@gonghui/auth';
import { Problem, TransactionBoundary } from '@gonghui/service-kit';
import { CreateCourseRequest, CourseView } from './course.dto';
import { CoursesRepository, toCourseView } from './courses.repository';
import { courseRefusals, REFUSAL_MESSAGES } from './domain/course';
import { isUnitRefusal, unitForNewSession } from '../sessions/domain/session-scope';

/** Use case: add a course to the catalogue (课程上架), owned by a unit of the officer's subtree. */
@Injectable()
export class CreateCourse {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly courses: CoursesRepository,
  ) {}

  async execute(request: CreateCourseRequest, principal: Principal): Promise<CourseView> {
    const feeFen = request.feeFen ?? 0;
    const refusals = courseRefusals({
      category: request.category,
      freeForMembers: request.freeForMembers,
      feeFen,
      grantsSkillLevel: request.grantsSkillLevel ?? null,
      certificateValidMonths: request.certificateValidMonths ?? null,
    });
    if (refusals.length > 0) {
      throw Problem.badRequest(
        '课程信息有误 / The course is not consistent',
        refusals.map((r) => ({ field: r.field, message: REFUSAL_MESSAGES[r.reason] })),
      );
    }
    const row = await this.transaction.run(async (tx) => {
      const requested = request.orgUnitId ? { orgUnitId: request.orgUnitId, knownPath: await this.courses.knownUnitPath(tx, request.orgUnitId) } : undefined;
      const unit = unitForNewSession(principal, requested);
      if (isUnitRefusal(unit)) {
        throw new Problem(422, 'unknown-org-unit', '组织不存在 / Unknown organisation unit', `组织 ${request.orgUnitId} 不在您的管辖范围内 / Unit ${request.orgUnitId} is not one of yours`, [
          { field: 'orgUnitId', message: '须为您所在组织或其下级组织 / must be your unit or one below it' },
        ]);
      }
      return this.courses.insert(tx, {
        id: randomUUID(),
        title: request.title,
        category: request.category,
        description: request.description,
        provider: request.provider,
        feeFen: String(feeFen),
        freeForMembers: request.freeForMembers,
        gigWorkersOnly: request.gigWorkersOnly ?? false,
        minSkillLevel: request.minSkillLevel ?? null,
        minAttendancePercent: request.minAttendancePercent ?? 80,
        hasAssessment: request.hasAssessment ?? false,
        grantsSkillLevel: request.grantsSkillLevel ?? null,
        certificateValidMonths: request.certificateValidMonths ?? null,
        ...unit,
        createdBy: principal.username,
      });
    });
    return toCourseView(row);
  }
}
