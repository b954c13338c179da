import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { Principal, scopeLikePattern } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaTime, keysetPage, MemberDirectoryEntry, Page, Problem } from '@gonghui/service-kit';
import { Course } from './course.entity';
import { CourseListQuery, CourseView } from './course.dto';
import { CATEGORY_LABELS } from './domain/course';
import { sessionVisibleTo } from '../sessions/domain/session-scope';

export const toCourseView = (c: Course): CourseView => ({
  id: c.id,
  title: c.title,
  category: c.category,
  categoryLabel: CATEGORY_LABELS[c.category],
  description: c.description,
  provider: c.provider,
  freeForMembers: c.freeForMembers,
  feeFen: Number(c.feeFen),
  gigWorkersOnly: c.gigWorkersOnly,
  minSkillLevel: c.minSkillLevel,
  minAttendancePercent: c.minAttendancePercent,
  hasAssessment: c.hasAssessment,
  grantsSkillLevel: c.grantsSkillLevel,
  certificateValidMonths: c.certificateValidMonths,
  orgUnitId: c.orgUnitId,
  orgUnitPath: c.orgUnitPath,
  createdAt: chinaTime(c.createdAt),
});

export const courseNotFound = (id: string) => `课程不存在 / Course ${id} not found`;

/** Courses are seen like sessions: in the user's subtree and on the path above it (a federation course is open to all). */
@Injectable()
export class CoursesRepository {
  constructor(@InjectRepository(Course) private readonly courses: Repository<Course>) {}

  async require(id: string, principal: Principal, tx?: Tx): Promise<Course> {
    const course = tx ? await tx.findOneBy(Course, { id }) : await this.courses.findOneBy({ id });
    if (!course || !sessionVisibleTo(principal, course.orgUnitPath)) throw Problem.notFound(courseNotFound(id));
    return course;
  }

  /** The path of a unit as training knows it: from a member of that unit in the member directory; null when none is known. */
  async knownUnitPath(tx: Tx, orgUnitId: string): Promise<string | null> {
    const row = await tx.findOne(MemberDirectoryEntry, { where: { orgUnitId }, select: { orgUnitPath: true } });
    return row?.orgUnitPath ?? null;
  }

  async insert(tx: Tx, course: Omit<Course, 'createdAt'>): Promise<Course> {
    await tx.insert(Course, course);
    return tx.findOneByOrFail(Course, { id: course.id });
  }

  list(principal: Principal, query: CourseListQuery): Promise<Page<CourseView>> {
    const q = this.courses.createQueryBuilder('c');
    if (principal.scopePath !== '/') {
      q.andWhere(new Brackets((either) => either.where('c.orgUnitPath LIKE :scopeLike').orWhere('left(:scopePath, length(c.orgUnitPath)) = c.orgUnitPath')), {
        scopeLike: scopeLikePattern(principal),
        scopePath: principal.scopePath,
      });
    }
    if (query.category) q.andWhere('c.category = :category', { category: query.category });
    if (query.q) q.andWhere("c.title LIKE '%' || :q || '%'", { q: query.q.replace(/[%_\\]/g, (m) => `\\${m}`) });
    return keysetPage(q, query, { time: 'c.createdAt', id: 'c.id', positionOf: (c) => ({ t: c.createdAt, id: c.id }) }, toCourseView);
  }
}
