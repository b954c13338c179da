import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaTime, keysetPage, Page, PageQuery, Problem, requireActiveMember, TransactionBoundary, whereInScope } from '@gonghui/service-kit';
import { SessionsRepository } from '../sessions/sessions.repository';
import { Booking } from '../sessions/booking.entity';
import { Session } from '../sessions/session.entity';
import { Attendance } from './attendance.entity';
import { AttendanceCodeView, AttendanceView } from './attendance.dto';
import { ATTENDANCE_SECRET } from './attendance-secret';
import { checkCode, currentCode } from './domain/rotating-code';
import { AttendanceRefusal, signIn, signOut } from './domain/attendance';

export const toAttendanceView = (a: Attendance): AttendanceView => ({
  id: a.id,
  sessionId: a.sessionId,
  memberId: a.memberId,
  signedInAt: chinaTime(a.signedInAt),
  signedOutAt: chinaTime(a.signedOutAt),
  method: a.method,
});

function refused(refusal: AttendanceRefusal): Problem {
  switch (refusal.reason) {
    case 'session-cancelled':
      return Problem.unprocessable('session-cancelled', '课程场次已取消 / The session was cancelled');
    case 'not-open-yet':
      return Problem.unprocessable('sign-in-not-open', `签到于 ${chinaTime(refusal.opensAt)} 开放 / Sign-in opens at ${chinaTime(refusal.opensAt)}`);
    case 'session-ended':
      return Problem.unprocessable('session-ended', '课程已结束，不能签到签退 / The session has ended');
    case 'not-booked':
      return new Problem(422, 'not-booked', '未预约本场次 / Not booked on this session', '该会员未预约本场次，不能签到 / The member holds no seat on this session', [{ field: 'memberId', message: '未预约 / not booked' }]);
    case 'already-signed-in':
      return Problem.conflict('already-signed-in', `已于 ${chinaTime(refusal.at)} 签到，请勿重复签到 / Already signed in at ${chinaTime(refusal.at)}`);
    case 'not-signed-in':
      return Problem.conflict('not-signed-in', '尚未签到，不能签退 / Not signed in: cannot sign out');
    case 'already-signed-out':
      return Problem.conflict('already-signed-out', `已于 ${chinaTime(refusal.at)} 签退 / Already signed out at ${chinaTime(refusal.at)}`);
  }
}

const codeRefused = (reason: 'code-expired' | 'code-not-for-session') =>
  reason === 'code-expired'
    ? new Problem(422, 'code-expired', '签到码已过期 / The code has expired', '签到码每 30 秒更新，请扫描当前二维码 / Codes rotate every 30 seconds: scan the current QR code', [{ field: 'code', message: '已过期 / expired' }])
    : new Problem(422, 'code-not-for-session', '签到码无效 / Invalid code', '此签到码不属于本场次 / This code is not this session’s', [{ field: 'code', message: '不是本场次的签到码 / not this session’s code' }]);

/**
 * Use cases: show the rotating code, sign in and out with it, an instructor marks attendance.
 * The session row is locked while attendance is written, so a double scan is refused cleanly.
 */
@Injectable()
export class RecordAttendance {
  constructor(
    @Inject(ATTENDANCE_SECRET) private readonly secret: string,
    @InjectRepository(Attendance) private readonly attendance: Repository<Attendance>,
    private readonly transaction: TransactionBoundary,
    private readonly sessions: SessionsRepository,
  ) {}

  async code(sessionId: string, principal: Principal): Promise<AttendanceCodeView> {
    const session = await this.sessions.require(sessionId, principal);
    const shown = currentCode(this.secret, session.id, new Date());
    return { sessionId: session.id, code: shown.code, qrPayload: `gonghui:attend:${session.id}:${shown.code}`, validFrom: chinaTime(shown.validFrom), expiresAt: chinaTime(shown.expiresAt) };
  }

  signIn(sessionId: string, memberId: string, code: string | null, principal: Principal): Promise<AttendanceView> {
    return this.transaction.run(async (tx) => {
      const session = await this.sessions.requireForUpdate(tx, sessionId, principal);
      const member = await requireActiveMember(tx, memberId, principal);
      const now = new Date();
      if (code !== null) this.requireCode(session, code, now);
      const existing = await tx.findOneBy(Attendance, { sessionId, memberId });
      const outcome = signIn(session, await this.isBooked(tx, session, memberId), existing, now);
      if (!outcome.ok) throw refused(outcome.refusal);
      const row: Attendance = { id: randomUUID(), sessionId, memberId, orgUnitPath: member.orgUnitPath, signedInAt: now, signedOutAt: null, method: code === null ? 'instructor' : 'code', markedBy: code === null ? principal.username : null };
      await tx.insert(Attendance, row);
      return toAttendanceView(row);
    });
  }

  signOut(sessionId: string, memberId: string, code: string | null, principal: Principal): Promise<AttendanceView> {
    return this.transaction.run(async (tx) => {
      const session = await this.sessions.requireForUpdate(tx, sessionId, principal);
      await requireActiveMember(tx, memberId, principal);
      const now = new Date();
      if (code !== null) this.requireCode(session, code, now);
      const existing = await tx.findOneBy(Attendance, { sessionId, memberId });
      const outcome = signOut(session, existing, now);
      if (!outcome.ok || !existing) throw refused(outcome.ok ? { reason: 'not-signed-in' } : outcome.refusal);
      await tx.update(Attendance, { id: existing.id }, { signedOutAt: now });
      return toAttendanceView({ ...existing, signedOutAt: now });
    });
  }

  /** An instructor marks a trainee present (and, if asked, signed out): no code needed. */
  async mark(sessionId: string, memberId: string, signedOut: boolean, principal: Principal): Promise<AttendanceView> {
    const signedIn = await this.signIn(sessionId, memberId, null, principal);
    return signedOut ? this.signOut(sessionId, memberId, null, principal) : signedIn;
  }

  async list(sessionId: string, principal: Principal, page: PageQuery): Promise<Page<AttendanceView>> {
    await this.sessions.require(sessionId, principal);
    const query = whereInScope(this.attendance.createQueryBuilder('a').where('a.sessionId = :sessionId', { sessionId }), 'a.orgUnitPath', principal);
    return keysetPage(query, page, { time: 'a.signedInAt', id: 'a.id', positionOf: (a) => ({ t: a.signedInAt, id: a.id }) }, toAttendanceView);
  }

  private requireCode(session: Session, code: string, now: Date): void {
    const check = checkCode(this.secret, session.id, code, now);
    if (!check.ok) throw codeRefused(check.reason);
  }

  private isBooked(tx: Tx, session: Session, memberId: string): Promise<boolean> {
    return tx.existsBy(Booking, { sessionId: session.id, memberId, status: 'booked' });
  }
}
