import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { SkillLevelGrantedV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { PersonalDataVault } from '@gonghui/identifiers';
import { Tx } from '@gonghui/persistence';
import { chinaDate, chinaTime, keysetPage, Page, Problem, requireActiveMember, requireInScope, ServiceRuntime, TransactionBoundary, whereInScope } from '@gonghui/service-kit';
import { CoursesRepository } from '../courses/courses.repository';
import { Course } from '../courses/course.entity';
import { Assessment, Certificate } from './certificate.entity';
import { AssessmentView, CertificateListQuery, CertificateVerification, CertificateView, IssueCertificateRequest, RecordAssessmentRequest } from './certificate.dto';
import { addDays, addMonths, EXPIRY_NOTICE_DAYS, isValidOn, maskName, VERIFICATION_CODE, verificationCode } from './domain/certificate';
import { completion } from '../attendance/domain/attendance';

export const PERSONAL_DATA_VAULT = Symbol('PERSONAL_DATA_VAULT');

const certificateNotFound = (id: string) => `证书不存在 / Certificate ${id} not found`;
/** The same answer for a code never issued and a malformed one: no hint of whether anyone holds it. */
const verificationNotFound = () => Problem.notFound('未找到该证书 / No certificate with this code');

const alreadyCertified = () => Problem.conflict('already-certified', '该学员已获得本课程证书 / The trainee already holds this course’s certificate');

/**
 * Use cases: record an assessment (结业考核), issue a certificate on completion (颁发证书) — which,
 * where the course grants a skill level, announces `skill-level.granted` for membership in the
 * same transaction — list certificates (and those expiring within 30 days), and verify one
 * publicly (证书查验) with the holder's name masked.
 */
@Injectable()
export class Certificates {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
    @InjectRepository(Certificate) private readonly certificates: Repository<Certificate>,
    private readonly transaction: TransactionBoundary,
    private readonly courses: CoursesRepository,
  ) {}

  recordAssessment(courseId: string, request: RecordAssessmentRequest, principal: Principal): Promise<AssessmentView> {
    return this.transaction.run(async (tx) => {
      const course = await this.courses.require(courseId, principal, tx);
      if (!course.hasAssessment) {
        throw Problem.unprocessable('no-assessment', `课程“${course.title}”无结业考核 / The course “${course.title}” has no assessment`);
      }
      const member = await requireActiveMember(tx, request.memberId, principal);
      const row: Assessment = {
        courseId,
        memberId: member.memberId,
        orgUnitPath: member.orgUnitPath,
        passed: request.passed,
        score: request.score ?? null,
        recordedBy: principal.username,
        recordedAt: new Date(),
      };
      await tx.upsert(Assessment, row, ['courseId', 'memberId']);
      return { courseId, memberId: row.memberId, passed: row.passed, score: row.score, recordedAt: chinaTime(row.recordedAt) };
    });
  }

  issue(request: IssueCertificateRequest, principal: Principal, requestId?: string): Promise<CertificateView> {
    return this.transaction.run(
      async (tx) => {
        const course = await this.courses.require(request.courseId, principal, tx);
        const member = await requireActiveMember(tx, request.memberId, principal);
        const facts = await this.completionFacts(tx, course, member.memberId);
        const outcome = completion(course, facts);
        if (!outcome.completed) {
          const parts = outcome.missing.map((m) =>
            m === 'attendance'
              ? `出勤率 ${outcome.attendancePercent}% 低于 ${course.minAttendancePercent}% / attendance ${outcome.attendancePercent}% is below ${course.minAttendancePercent}%`
              : '结业考核未通过或未记录 / the assessment is not passed',
          );
          throw Problem.unprocessable('not-completed', `${parts.map((p) => p.split(' / ')[0]).join('；')} / ${parts.map((p) => p.split(' / ')[1]).join('; ')}`);
        }
        const now = new Date();
        const issuedOn = chinaDate(now);
        const certificate: Omit<Certificate, 'createdAt'> = {
          id: randomUUID(),
          courseId: course.id,
          memberId: member.memberId,
          orgUnitPath: member.orgUnitPath,
          verificationCode: verificationCode(randomBytes(10)),
          holderNameSealed: this.vault.encrypt(request.holderName.trim()),
          holderNameMasked: maskName(request.holderName),
          attendancePercent: outcome.attendancePercent,
          skillLevel: course.grantsSkillLevel,
          issuedOn,
          expiresOn: course.certificateValidMonths ? addMonths(issuedOn, course.certificateValidMonths) : null,
          issuedBy: principal.username,
        };
        await tx.insert(Certificate, certificate);
        if (certificate.skillLevel) {
          await this.runtime.outbox.record(
            tx,
            SkillLevelGrantedV1,
            { grantId: randomUUID(), memberId: member.memberId, level: certificate.skillLevel, source: { kind: 'certificate', id: certificate.id }, grantedAt: now.toISOString() },
            { correlationId: requestId },
          );
        }
        return this.view(await tx.findOneByOrFail(Certificate, { id: certificate.id }), course);
      },
      { certificates_course_id_member_id_key: alreadyCertified },
    );
  }

  async require(id: string, principal: Principal): Promise<CertificateView> {
    const certificate = requireInScope(await this.certificates.findOneBy({ id }), (c) => c.orgUnitPath, principal, certificateNotFound(id));
    return this.view(certificate, await this.courseOf(certificate));
  }

  async list(principal: Principal, query: CertificateListQuery): Promise<Page<CertificateView>> {
    const q = whereInScope(this.certificates.createQueryBuilder('c'), 'c.orgUnitPath', principal);
    if (query.memberId) q.andWhere('c.memberId = :memberId', { memberId: query.memberId });
    if (query.expiring === 'true') {
      const today = chinaDate(new Date());
      q.andWhere('c.expiresOn BETWEEN :today AND :until', { today, until: addDays(today, EXPIRY_NOTICE_DAYS) });
    }
    const page = await keysetPage(q, query, { time: 'c.createdAt', id: 'c.id', positionOf: (c) => ({ t: c.createdAt, id: c.id }) }, (c) => c);
    const courses = new Map<string, Course>();
    for (const c of page.items) if (!courses.has(c.courseId)) courses.set(c.courseId, await this.courseOf(c));
    return { items: page.items.map((c) => this.view(c, courses.get(c.courseId) as Course)), nextCursor: page.nextCursor };
  }

  /** Public: no login. An unknown or malformed code is one and the same 404. */
  async verify(code: string): Promise<CertificateVerification> {
    const normalised = code.trim().toUpperCase();
    if (!VERIFICATION_CODE.test(normalised)) throw verificationNotFound();
    const certificate = await this.certificates.findOneBy({ verificationCode: normalised });
    if (!certificate) throw verificationNotFound();
    const course = await this.courseOf(certificate);
    return {
      verificationCode: certificate.verificationCode,
      holderName: certificate.holderNameMasked,
      courseTitle: course.title,
      provider: course.provider,
      skillLevel: certificate.skillLevel,
      issuedOn: certificate.issuedOn,
      expiresOn: certificate.expiresOn,
      valid: isValidOn(certificate, chinaDate(new Date())),
    };
  }

  private async completionFacts(tx: Tx, course: Course, memberId: string) {
    // Hand-written: two counts over the course's sessions in one statement.
    const [row] = (await tx.query(
      `SELECT count(*)::int AS sessions,
              count(a.id)::int AS attended
         FROM sessions s
         LEFT JOIN attendance a ON a.session_id = s.id AND a.member_id = $2
        WHERE s.course_id = $1 AND s.status = 'scheduled'`,
      [course.id, memberId],
    )) as { sessions: number; attended: number }[];
    const assessment = course.hasAssessment ? await tx.findOneBy(Assessment, { courseId: course.id, memberId }) : null;
    return { sessions: row.sessions, attended: row.attended, assessmentPassed: assessment ? assessment.passed : null };
  }

  private courseOf(certificate: Certificate): Promise<Course> {
    return this.certificates.manager.findOneByOrFail(Course, { id: certificate.courseId });
  }

  private view(c: Certificate, course: Course): CertificateView {
    return {
      id: c.id,
      verificationCode: c.verificationCode,
      courseId: c.courseId,
      courseTitle: course.title,
      memberId: c.memberId,
      holderName: c.holderNameMasked,
      attendancePercent: c.attendancePercent,
      skillLevel: c.skillLevel,
      issuedOn: c.issuedOn,
      expiresOn: c.expiresOn,
      valid: isValidOn(c, chinaDate(new Date())),
      createdAt: chinaTime(c.createdAt),
    };
  }
}
