import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AidApplicationApprovedV1, AidApplicationRejectedV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaDate, Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { covers } from '../budgets/domain/budget';
import { BudgetLedger } from '../budgets/budget-ledger';
import { BudgetsRepository } from '../budgets/budgets.repository';
import { ApplicationAction, approvedAmountProblems, mayCloseNotice, nextStage, noticeEndsOn, voteProblems, votePassed } from './domain/application';
import { AidApplication, Meeting } from './application.entity';
import {
  ApplicationView,
  ApproveRequest,
  CancelRequest,
  ChairApproveRequest,
  DecideRequest,
  InvestigateRequest,
  LodgeObjectionRequest,
  MeetingRequest,
  RatifyRequest,
  RejectRequest,
  ResolveObjectionRequest,
  ReviewRequest,
  StartNoticeRequest,
  toApplicationView,
} from './application.dto';
import { ApplicationsRepository } from './applications.repository';
import { clockSettings } from './clock-settings';
import { noticeRefused, stageRefused } from './stage-problems';

export interface StepContext {
  tx: Tx;
  application: AidApplication;
  principal: Principal;
  now: Date;
  requestId?: string;
  /**
   * Work to do last, just before the commit: the budget row's lock (taken by a ledger movement)
   * is then held for one statement and the commit, not for the rest of the action, so approvals
   * racing on one budget queue for as short a time as possible.
   */
  last: (work: () => Promise<void>) => void;
}

/** What an action changes on the application (its stage is set by the stage machine). */
export type Changes = Partial<AidApplication>;

/**
 * Use cases: the stage actions of an aid application (`POST …/applications/{id}/<action>`). Each
 * locks the application, asks the stage machine whether the action may be taken now (409 naming
 * the current stage if not), applies it, and records the step with who and when, in one
 * transaction with any money it moves and any event it announces.
 */
@Injectable()
export class ActOnApplication {
  constructor(
    private readonly transaction: TransactionBoundary,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly applications: ApplicationsRepository,
    private readonly budgets: BudgetsRepository,
    private readonly ledger: BudgetLedger,
  ) {}

  review(id: string, body: ReviewRequest, principal: Principal): Promise<ApplicationView> {
    return this.step(id, principal, 'review', ({ now }) => ({ review: { opinion: body.opinion, by: principal.username, at: now.toISOString() } }));
  }

  investigate(id: string, body: InvestigateRequest, principal: Principal): Promise<ApplicationView> {
    return this.step(id, principal, 'investigate', ({ now }) => {
      if (body.investigatedOn > chinaDate(now)) throw notInFuture('investigatedOn');
      return {
        investigation: { investigatedOn: body.investigatedOn, investigator: body.investigator, thirdParty: body.thirdParty ?? null, findings: body.findings, by: principal.username, at: now.toISOString() },
      };
    });
  }

  startNotice(id: string, body: StartNoticeRequest, principal: Principal): Promise<ApplicationView> {
    return this.step(id, principal, 'start-notice', ({ now }) => {
      const startsOn = body.startsOn ?? chinaDate(now);
      if (startsOn > chinaDate(now)) throw notInFuture('startsOn');
      return { notice: { startsOn, days: body.days, endsOn: noticeEndsOn(startsOn, body.days), closedAt: null } };
    });
  }

  lodgeObjection(id: string, body: LodgeObjectionRequest, principal: Principal): Promise<ApplicationView> {
    return this.step(id, principal, 'lodge-objection', ({ application, now }) => ({
      objections: [
        ...application.objections,
        { id: randomUUID(), summary: body.summary, lodgedBy: principal.username, lodgedAt: now.toISOString(), resolution: null, resolvedBy: null, resolvedAt: null },
      ],
    }));
  }

  resolveObjection(id: string, body: ResolveObjectionRequest, principal: Principal): Promise<ApplicationView> {
    return this.step(id, principal, 'resolve-objection', ({ application, now }) => {
      const objection = application.objections.find((o) => o.id === body.objectionId);
      if (!objection) throw new Problem(404, 'not-found', '未找到 / Not found', `异议不存在 / Objection ${body.objectionId} not found`, [{ field: 'objectionId', message: '未知异议 / unknown objection' }]);
      if (objection.resolvedAt) throw Problem.conflict('objection-resolved', '该异议已处理 / The objection is already resolved');
      return {
        objections: application.objections.map((o) => (o.id === body.objectionId ? { ...o, resolution: body.resolution, resolvedBy: principal.username, resolvedAt: now.toISOString() } : o)),
      };
    });
  }

  closeNotice(id: string, principal: Principal): Promise<ApplicationView> {
    return this.step(id, principal, 'close-notice', ({ application, now }) => {
      const notice = application.notice!;
      const open = application.objections.filter((o) => o.resolvedAt === null).length;
      const check = mayCloseNotice({ endsOn: notice.endsOn, openObjections: open }, chinaDate(now));
      if (!check.ok) throw noticeRefused(check.refusal);
      return { notice: { ...notice, closedAt: now.toISOString() } };
    });
  }

  decide(id: string, body: DecideRequest, principal: Principal): Promise<ApplicationView> {
    return this.step(id, principal, 'decide', ({ application, now }) => {
      const problems = [...voteProblems(body), ...approvedAmountProblems(body.approvedAmountFen, application.requestedAmountFen)];
      if (body.meetingOn > chinaDate(now)) problems.push({ field: 'meetingOn', message: '不能晚于今天 / cannot be in the future' });
      if (problems.length > 0) throw Problem.badRequest('集体研究记录有误 / The collective decision is invalid', problems);
      return { decision: { ...meeting(body, principal, now), approvedAmountFen: body.approvedAmountFen } };
    });
  }

  approve(id: string, body: ApproveRequest, principal: Principal, requestId?: string): Promise<ApplicationView> {
    return this.step(
      id,
      principal,
      'approve',
      async (ctx) => {
        const decision = ctx.application.decision!;
        if (!decision.passed) {
          throw Problem.unprocessable('decision-not-passed', `集体研究未获通过（赞成 ${decision.votesFor} 票，参会 ${decision.attendees.length} 人） / The committee did not pass it (${decision.votesFor} for, ${decision.attendees.length} attending)`);
        }
        return this.reserveAndApprove(ctx, body.budgetId, decision.approvedAmountFen, 'committee');
      },
      requestId,
    );
  }

  chairApprove(id: string, body: ChairApproveRequest, principal: Principal, requestId?: string): Promise<ApplicationView> {
    return this.step(
      id,
      principal,
      'chair-approve',
      async (ctx) => {
        const problems = approvedAmountProblems(body.approvedAmountFen, ctx.application.requestedAmountFen);
        if (problems.length > 0) throw Problem.badRequest('批准金额有误 / The approved amount is invalid', problems);
        const chair = { meeting: `特事特办：工会主席${body.chair}审批`, meetingOn: chinaDate(ctx.now), attendees: [body.chair], votesFor: 1, votesAgainst: 0, abstentions: 0, passed: true };
        const approved = await this.reserveAndApprove(ctx, body.budgetId, body.approvedAmountFen, 'chair');
        return { ...approved, awaitingRatification: true, decision: { ...chair, approvedAmountFen: body.approvedAmountFen, by: principal.username, at: ctx.now.toISOString() } };
      },
      requestId,
    );
  }

  ratify(id: string, body: RatifyRequest, principal: Principal): Promise<ApplicationView> {
    return this.step(id, principal, 'ratify', ({ now }) => {
      const problems = voteProblems(body);
      if (problems.length > 0) throw Problem.badRequest('追认记录有误 / The ratification is invalid', problems);
      const record = meeting(body, principal, now);
      if (!record.passed) throw Problem.unprocessable('decision-not-passed', '追认未获通过 / The committee did not ratify it');
      return { ratification: record, awaitingRatification: false };
    });
  }

  reject(id: string, body: RejectRequest, principal: Principal, requestId?: string): Promise<ApplicationView> {
    return this.step(
      id,
      principal,
      'reject',
      async ({ tx, application, now }) => {
        await this.runtime.outbox.record(
          tx,
          AidApplicationRejectedV1,
          { applicationId: application.id, memberId: application.memberId, orgUnitId: application.orgUnitId, kind: application.kind, rejectedAt: now.toISOString() },
          { correlationId: requestId },
        );
        return { rejection: { reasons: body.reasons, by: principal.username, at: now.toISOString() } };
      },
      requestId,
    );
  }

  /** A cancelled approval gives its reservation back to the budget (a release entry). */
  cancel(id: string, body: CancelRequest, principal: Principal): Promise<ApplicationView> {
    return this.step(id, principal, 'cancel', async ({ tx, application, now }) => {
      // Hand-written: payment instructions belong to disbursement; an unsettled one holds the money
      const [pending] = await tx.query(`SELECT 1 FROM payment_instructions WHERE application_id = $1 AND status IN ('pending', 'failed') LIMIT 1`, [application.id]);
      if (pending) throw Problem.conflict('payment-pending', '该申请已进入发放批次，不能撤销 / A payment instruction for it is under way');
      await this.ledger.move(tx, application.budgetId!, 'release', application.approvedAmountFen!, principal.username, { applicationId: application.id, note: body.reason }, now);
      return { cancellation: { reason: body.reason, by: principal.username, at: now.toISOString() } };
    });
  }

  private async reserveAndApprove(ctx: StepContext, budgetId: string, amountFen: number, approvedBy: 'committee' | 'chair'): Promise<Changes> {
    const { tx, application, principal, now } = ctx;
    const budget = await this.budgets.findInScope(budgetId, principal, tx).catch(() => {
      throw new Problem(404, 'not-found', '未找到 / Not found', `资金不存在 / Budget ${budgetId} not found`, [{ field: 'budgetId', message: '未知资金 / unknown budget' }]);
    });
    if (!covers(budget.orgUnitPath, application.orgUnitPath)) {
      throw Problem.unprocessable('budget-does-not-cover', '该资金不覆盖申请人所在单位 / The budget does not cover the applicant’s unit');
    }
    ctx.last(() => this.ledger.move(tx, budget.id, 'reservation', amountFen, principal.username, { applicationId: application.id }, now));
    await this.runtime.outbox.record(
      tx,
      AidApplicationApprovedV1,
      { applicationId: application.id, memberId: application.memberId, orgUnitId: application.orgUnitId, kind: application.kind, budgetId: budget.id, approvedAmountFen: amountFen, approvedBy, approvedAt: now.toISOString() },
      { correlationId: ctx.requestId },
    );
    return { budgetId: budget.id, approvedAmountFen: amountFen, approvedBy, approvedAt: now };
  }

  /** One stage action, for this class and for the actions other folders own (the follow-up). */
  step(id: string, principal: Principal, action: ApplicationAction, work: (ctx: StepContext) => Changes | Promise<Changes>, requestId?: string): Promise<ApplicationView> {
    return this.transaction.run(async (tx) => {
      const application = await this.applications.lockInScope(tx, id, principal);
      const outcome = nextStage(application, action);
      if (!outcome.ok) throw stageRefused(outcome.refusal);
      const now = new Date();
      const lastly: (() => Promise<void>)[] = [];
      const changes = await work({ tx, application, principal, now, requestId, last: (w) => lastly.push(w) });
      const updated: AidApplication = { ...application, ...changes, stage: outcome.to };
      await this.applications.update(tx, id, { ...changes, stage: outcome.to });
      await this.applications.recordStep(tx, id, action, application.stage, outcome.to, principal.username, now);
      for (const w of lastly) await w();
      return toApplicationView(updated, clockSettings(), now, chinaDate(now));
    });
  }
}

function notInFuture(field: string): Problem {
  return Problem.badRequest(`${field} 不能晚于今天 / ${field} cannot be in the future`, [{ field, message: '不能晚于今天 / cannot be in the future' }]);
}

function meeting(body: MeetingRequest, principal: Principal, now: Date): Meeting {
  return {
    meeting: body.meeting,
    meetingOn: body.meetingOn,
    attendees: body.attendees.map((a) => a.trim()),
    votesFor: body.votesFor,
    votesAgainst: body.votesAgainst,
    abstentions: body.abstentions,
    passed: votePassed(body),
    by: principal.username,
    at: now.toISOString(),
  };
}
