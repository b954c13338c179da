import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { Principal, scopeLikePattern } from '@gonghui/auth';
import { parseMobile } from '@gonghui/identifiers';
import { chinaDate, chinaTime, keysetPage, Problem, requireActiveMember, ServiceRuntime, TransactionBoundary, whereInScope } from '@gonghui/service-kit';
import { ChildcareChildEnrolledV1, ChildcareClassOpenedV1 } from '@gonghui/contracts';
import { attendanceStanding, checkNewClass, classDaysSoFar, ClassFacts, DayRefusal, dayState, enrolChild, maskName, signIn, signOut } from './domain/childcare';
import {
  AddNoteRequest,
  AttendanceDayView,
  AttendanceListQuery,
  AttendanceListView,
  AttendanceReportView,
  ChildcareClassView,
  ChildView,
  CreateChildcareClassRequest,
  EnrolChildRequest,
  NoteView,
  SignOutRequest,
  UncollectedView,
} from './childcare.dto';
import { ChildcareAttendance, ChildcareChild, ChildcareClass, ChildcareNote } from './childcare.entity';
import { ChildcareRepository, toClassView, toNoteView } from './childcare.repository';
import { recordUnit } from '../sessions/record-unit';

const facts = (c: ChildcareClass): ClassFacts => ({ ageMin: c.ageMin, ageMax: c.ageMax, capacity: c.capacity, startsOn: c.startsOn, endsOn: c.endsOn, opensAt: c.opensAt.slice(0, 5), closesAt: c.closesAt.slice(0, 5) });
const mobileOf = (raw: string) => {
  const parsed = parseMobile(raw);
  return parsed.ok ? parsed.value : raw;
};

function dayProblem(refusal: DayRefusal): Problem {
  switch (refusal.reason) {
    case 'not-a-class-day':
      return Problem.unprocessable('not-a-class-day', `今天（${refusal.today}）不是开班日 / Today (${refusal.today}) is not a class day`);
    case 'already-signed-in':
      return Problem.conflict('already-signed-in', '孩子今天已签到 / The child has already signed in today');
    case 'not-signed-in':
      return Problem.conflict('not-signed-in', '孩子今天尚未签到 / The child has not signed in today');
    case 'already-signed-out':
      return Problem.conflict('already-signed-out', '孩子今天已签退 / The child has already been signed out today');
    case 'not-authorised-pickup':
      return new Problem(422, 'not-authorised-pickup', '非授权接送人 / Not an authorised pick-up person', '来接的人不在授权接送名单上，不能签退 / The collector is not on the child’s authorised pick-up list', [
        { field: 'collectedBy', message: '非授权接送人 / not an authorised pick-up person' },
      ]);
  }
}

/** The instant a China wall-clock time on a China date is. */
const chinaInstant = (day: string, clock: string) => new Date(`${day}T${clock.slice(0, 5)}:00+08:00`);

/**
 * Use cases of a childcare class (托管班): opening it, enrolling a member's child (insured, of the
 * class's ages), daily sign-in and sign-out to an authorised pick-up person, the children not
 * collected by closing time, patrol notes and parent feedback, and the attendance that decides
 * next term's priority. No child's name or pick-up person's detail is logged or published.
 */
@Injectable()
export class ChildcareDays {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly childcare: ChildcareRepository,
  ) {}

  openClass(request: CreateChildcareClassRequest, principal: Principal): Promise<ChildcareClassView> {
    const c = { ageMin: request.ageMin, ageMax: request.ageMax, capacity: request.capacity, startsOn: request.startsOn, endsOn: request.endsOn, opensAt: request.opensAt ?? '08:00', closesAt: request.closesAt ?? '17:30' };
    const refusal = checkNewClass(c);
    if (refusal) {
      const [field, message] =
        refusal.reason === 'dates-backwards'
          ? ['endsOn', '结班日期不能早于开班日期 / endsOn is before startsOn']
          : refusal.reason === 'hours-backwards'
            ? ['closesAt', '结束时间须晚于开始时间 / closesAt must be after opensAt']
            : ['ageMax', '最大年龄不能小于最小年龄 / ageMax is below ageMin'];
      throw Problem.badRequest(message, [{ field, message }]);
    }
    return this.transaction.run(async (tx) => {
      const id = randomUUID();
      const unit = await recordUnit(tx, principal, request.orgUnitId);
      await tx.insert(ChildcareClass, { id, name: request.name.trim(), venue: request.venue.trim(), ...c, ...unit, createdBy: principal.username });
      await this.runtime.outbox.record(tx, ChildcareClassOpenedV1, {
        classId: id,
        orgUnitPath: unit.orgUnitPath,
        capacity: c.capacity,
        ageMin: c.ageMin,
        ageMax: c.ageMax,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        openedAt: new Date().toISOString(),
      });
      return toClassView(await this.childcare.requireClass(tx, id, principal));
    });
  }

  enrol(classId: string, request: EnrolChildRequest, principal: Principal): Promise<ChildView> {
    return this.transaction.run(async (tx) => {
      // The class row is locked: seats are taken one at a time, never beyond capacity.
      const klass = await this.childcare.requireClass(tx, classId, principal, true);
      // The member rules' problem names memberId; here the field is guardianMemberId.
      const guardian = await requireActiveMember(tx, request.guardianMemberId, principal).catch((error: unknown) => {
        if (!(error instanceof Problem)) throw error;
        throw new Problem(error.statusCode, error.slug, error.titleText, error.detailText, [{ field: 'guardianMemberId', message: error.fieldErrors?.[0]?.message ?? '' }]);
      });
      const outcome = enrolChild(facts(klass), {
        birthDate: request.birthDate,
        insurancePolicyNo: request.insurancePolicyNo ?? null,
        pickupPeople: request.pickupPeople.length,
        enrolled: klass.enrolled,
        today: chinaDate(new Date()),
      });
      if (!outcome.ok) {
        const r = outcome.refusal;
        switch (r.reason) {
          case 'no-insurance':
            throw new Problem(422, 'no-accident-insurance', '未投保意外险 / No accident insurance', '没有意外险保单号的孩子不能入班 / A child without an accident-insurance policy cannot attend', [
              { field: 'insurancePolicyNo', message: '须填写意外险保单号 / an accident-insurance policy number is required' },
            ]);
          case 'outside-age-range':
            throw new Problem(422, 'outside-age-range', '年龄不符 / Outside the age range', `开班时孩子 ${r.age} 岁，本班招收 ${r.ageMin}–${r.ageMax} 岁 / The child is ${r.age} on the first day; the class takes ${r.ageMin}–${r.ageMax}`, [
              { field: 'birthDate', message: `须为 ${r.ageMin}–${r.ageMax} 岁 / must be ${r.ageMin}–${r.ageMax} years old` },
            ]);
          case 'class-full':
            throw Problem.conflict('class-full', `名额已满（${r.capacity}） / The class is full (${r.capacity} places)`);
          case 'class-ended':
            throw Problem.unprocessable('class-ended', '托管班已结束 / The class has ended');
          case 'no-pickup-person':
            throw new Problem(422, 'no-pickup-person', '缺少授权接送人 / No authorised pick-up person', '至少须登记一位授权接送人 / At least one authorised pick-up person is required', [
              { field: 'pickupPeople', message: '至少一位 / at least one' },
            ]);
        }
      }
      const id = randomUUID();
      const people = request.pickupPeople.map((p) => ({ name: p.name.trim(), mobile: mobileOf(p.mobile), relation: p.relation.trim() }));
      await tx.insert(ChildcareChild, {
        id,
        classId: klass.id,
        guardianMemberId: guardian.memberId,
        memberId: guardian.memberId,
        orgUnitPath: guardian.orgUnitPath,
        childNameSealed: this.childcare.seal(request.childName.trim()),
        childNameMasked: maskName(request.childName),
        ageAtStart: outcome.ageAtStart,
        insurancePolicyNo: request.insurancePolicyNo!.trim(),
        pickupSealed: this.childcare.seal(people),
        pickupCount: people.length,
      });
      await tx.update(ChildcareClass, { id: klass.id }, { enrolled: klass.enrolled + 1 });
      await this.runtime.outbox.record(tx, ChildcareChildEnrolledV1, { childId: id, classId: klass.id, guardianMemberId: guardian.memberId, orgUnitPath: guardian.orgUnitPath, enrolledAt: new Date().toISOString() });
      return this.childcare.childView(await tx.findOneByOrFail(ChildcareChild, { id }));
    });
  }

  signIn(classId: string, childId: string, principal: Principal): Promise<AttendanceDayView> {
    return this.transaction.run(
      async (tx) => {
        const klass = await this.childcare.requireClass(tx, classId, principal);
        const child = await this.childcare.requireChild(tx, klass.id, childId, principal);
        const now = new Date();
        const today = chinaDate(now);
        const refusal = signIn(facts(klass), today, await tx.existsBy(ChildcareAttendance, { childId: child.id, day: today }));
        if (refusal) throw dayProblem(refusal);
        await tx.insert(ChildcareAttendance, { id: randomUUID(), classId: klass.id, childId: child.id, day: today, signedInAt: now });
        return { childId: child.id, childName: child.childNameMasked, day: today, signedInAt: chinaTime(now), signedOutAt: null, collectedBy: null };
      },
      { childcare_attendance_once_a_day: () => dayProblem({ reason: 'already-signed-in' }) },
    );
  }

  signOut(classId: string, request: SignOutRequest, principal: Principal): Promise<AttendanceDayView> {
    return this.transaction.run(async (tx) => {
      const klass = await this.childcare.requireClass(tx, classId, principal);
      const child = await this.childcare.requireChild(tx, klass.id, request.childId, principal);
      const now = new Date();
      const today = chinaDate(now);
      const day = await tx.getRepository(ChildcareAttendance).findOne({ where: { childId: child.id, day: today }, lock: { mode: 'pessimistic_write' } });
      const people = this.childcare.pickupPeople(child);
      const outcome = signOut({ signedIn: !!day, signedOut: !!day?.signedOutAt }, people, { name: request.collectedBy.name, mobile: mobileOf(request.collectedBy.mobile) });
      if (!outcome.ok) throw dayProblem(outcome.refusal);
      await tx.update(ChildcareAttendance, { id: day!.id }, { signedOutAt: now, pickupIndex: outcome.pickupIndex });
      return { childId: child.id, childName: child.childNameMasked, day: today, signedInAt: chinaTime(day!.signedInAt), signedOutAt: chinaTime(now), collectedBy: people[outcome.pickupIndex].relation };
    });
  }

  /** Children signed in and not signed out on a day: after closing time, the ones someone must call about. */
  uncollected(classId: string, day: string | undefined, principal: Principal): Promise<UncollectedView> {
    return this.transaction.run(async (tx) => {
      const klass = await this.childcare.requireClass(tx, classId, principal);
      const on = day ?? chinaDate(new Date());
      const rows = await tx
        .getRepository(ChildcareChild)
        .createQueryBuilder('k')
        .innerJoin(ChildcareAttendance, 'a', 'a.childId = k.id AND a.day = :on AND a.signedOutAt IS NULL', { on })
        .where('k.classId = :classId', { classId: klass.id })
        .andWhere('k.orgUnitPath LIKE :scope', { scope: scopeLikePattern(principal) })
        .orderBy('k.enrolledAt')
        .addOrderBy('k.id')
        .getMany();
      const closesAt = chinaInstant(on, klass.closesAt);
      return { day: on, closesAt: chinaTime(closesAt), pastClosing: Date.now() > closesAt.getTime(), items: rows.map((k) => this.childcare.childView(k)) };
    });
  }

  /**
   * A day's sign-in/out list (当日签到签退): every enrolled child whose guardian is in the subtree,
   * in enrolment order and cursor-paged, with the day's sign-in and sign-out times, who collected
   * them, and whether they are still to be collected after closing time.
   */
  attendance(classId: string, query: AttendanceListQuery, principal: Principal): Promise<AttendanceListView> {
    return this.transaction.run(async (tx) => {
      const klass = await this.childcare.requireClass(tx, classId, principal);
      const on = query.day ?? chinaDate(new Date());
      const closesAt = chinaInstant(on, klass.closesAt);
      const pastClosing = Date.now() > closesAt.getTime();
      const children = whereInScope(tx.getRepository(ChildcareChild).createQueryBuilder('k').where('k.classId = :classId', { classId: klass.id }), 'k.orgUnitPath', principal);
      const page = await keysetPage(children, query, { time: 'k.enrolledAt', id: 'k.id', positionOf: (k) => ({ t: k.enrolledAt, id: k.id }) }, (k) => k);
      const days = page.items.length ? await tx.find(ChildcareAttendance, { where: { classId: klass.id, day: on, childId: In(page.items.map((k) => k.id)) } }) : [];
      const dayOf = new Map(days.map((d) => [d.childId, d]));
      return {
        day: on,
        closesAt: chinaTime(closesAt),
        pastClosing,
        items: page.items.map((k) => {
          const child = this.childcare.childView(k);
          const day = dayOf.get(k.id);
          return {
            id: k.id,
            childName: child.childName,
            ageAtStart: child.ageAtStart,
            guardianMemberId: child.guardianMemberId,
            pickupPeople: child.pickupPeople,
            signedInAt: day ? chinaTime(day.signedInAt) : null,
            signedOutAt: day?.signedOutAt ? chinaTime(day.signedOutAt) : null,
            collectedBy: typeof day?.pickupIndex === 'number' ? (this.childcare.pickupPeople(k)[day.pickupIndex]?.relation ?? null) : null,
            state: dayState({ signedIn: !!day, signedOut: !!day?.signedOutAt }, pastClosing),
          };
        }),
        nextCursor: page.nextCursor,
      };
    });
  }

  addNote(classId: string, request: AddNoteRequest, principal: Principal): Promise<NoteView> {
    return this.transaction.run(async (tx) => {
      const klass = await this.childcare.requireClass(tx, classId, principal);
      if (request.childId) await this.childcare.requireChild(tx, klass.id, request.childId, principal);
      const id = randomUUID();
      await tx.insert(ChildcareNote, { id, classId: klass.id, kind: request.kind, day: request.day, childId: request.childId ?? null, text: request.text.trim(), author: principal.username });
      return toNoteView(await tx.findOneByOrFail(ChildcareNote, { id }));
    });
  }

  /** Attendance so far per child; under 70 % loses priority next term. */
  report(classId: string, principal: Principal): Promise<AttendanceReportView> {
    return this.transaction.run(async (tx) => {
      const klass = await this.childcare.requireClass(tx, classId, principal);
      const classDays = classDaysSoFar(klass, chinaDate(new Date()));
      const rows: { id: string; guardian_member_id: string; child_name_masked: string; days: number }[] = await tx.query(
        `SELECT k.id, k.guardian_member_id, k.child_name_masked, count(a.id)::int AS days
           FROM childcare_children k LEFT JOIN childcare_attendance a ON a.child_id = k.id
          WHERE k.class_id = $1 AND k.org_unit_path LIKE $2
          GROUP BY k.id ORDER BY k.enrolled_at, k.id`,
        [klass.id, scopeLikePattern(principal)],
      );
      return {
        classId: klass.id,
        classDays,
        items: rows.map((r) => ({ childId: r.id, childName: r.child_name_masked, guardianMemberId: r.guardian_member_id, daysAttended: r.days, ...attendanceStanding(r.days, classDays) })),
      };
    });
  }
}
