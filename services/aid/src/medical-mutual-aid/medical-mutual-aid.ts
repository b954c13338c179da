import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { MedicalClaimApprovedV1, MedicalClaimPaidV1, MedicalPlanJoinedV1, MemberEnrolledV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaDate, keysetPage, Page, PageQuery, Problem, requireActiveMember, requireInScope, ServiceRuntime, TransactionBoundary, whereInScope } from '@gonghui/service-kit';
import { BudgetLedger } from '../budgets/budget-ledger';
import { BudgetsRepository } from '../budgets/budgets.repository';
import { unitIdOfPath } from '../budgets/domain/budget';
import { claimAfterPayment, ClaimPaymentStep, claimFigureProblems, fastChannelApplies, isGigWorker, planRuleProblems, reimbursementFor } from './domain/medical-plan';
import { ClaimStatus, MedicalClaim, MedicalPlan, MedicalPlanMember } from './medical-mutual-aid.entity';
import {
  ClaimView,
  CreatePlanRequest,
  JoinPlanRequest,
  ListClaimsQuery,
  PayClaimRequest,
  PlanFigures,
  PlanMemberView,
  PlanView,
  RejectClaimRequest,
  SubmitClaimRequest,
  claimDaysTaken,
  toClaimView,
  toPlanMemberView,
  toPlanView,
} from './medical-mutual-aid.dto';

const STATUS_LABELS: Record<ClaimStatus, string> = { submitted: '待审核', approved: '已核准待支付', rejected: '不予报销', paid: '已支付', 'payment-failed': '支付失败' };
const wrongStatus = (c: MedicalClaim, action: string, actionZh: string) =>
  Problem.conflict('wrong-status', `该报销申请当前为“${STATUS_LABELS[c.status]}”，不能${actionZh} / The claim is ${c.status}: ${action} is not possible now`);
const FAST_CHANNEL = 'fast-channel';
/** The note of a claim's ledger entries (the ledger has no claim column): its reservation and its spend. */
export const claimLedgerNote = (claimId: string) => `医疗互助报销 medical-claim ${claimId}`;
const ledgerNote = claimLedgerNote;

/**
 * Medical mutual aid (职工医疗互助): yearly plans paid from an aid budget, members who join them
 * (gig workers free and without an officer, from their enrolment event), and claims after medical
 * insurance, reimbursed by the plan's rules within a yearly cap per person.
 */
@Injectable()
export class MedicalMutualAid {
  constructor(
    private readonly transaction: TransactionBoundary,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly budgets: BudgetsRepository,
    private readonly ledger: BudgetLedger,
    @InjectRepository(MedicalPlan) private readonly plans: Repository<MedicalPlan>,
    @InjectRepository(MedicalPlanMember) private readonly members: Repository<MedicalPlanMember>,
    @InjectRepository(MedicalClaim) private readonly claims: Repository<MedicalClaim>,
  ) {}

  createPlan(request: CreatePlanRequest, principal: Principal): Promise<PlanView> {
    const problems = planRuleProblems(request);
    if (problems.length > 0) throw Problem.badRequest('互助方案规则无法计算 / The plan’s rules cannot be evaluated', problems.map((p) => ({ field: p.field, message: `${p.zh} / ${p.en}` })));
    return this.transaction.run(
      async (tx) => {
        const budget = await this.budgets.findInScope(request.budgetId, principal, tx);
        if (budget.year !== request.year) {
          throw Problem.badRequest('须使用同一年度的资金 / The budget must be of the plan’s year', [{ field: 'budgetId', message: `资金年度为 ${budget.year} / the budget is for ${budget.year}` }]);
        }
        const plan: MedicalPlan = {
          id: randomUUID(),
          orgUnitId: unitIdOfPath(budget.orgUnitPath)!,
          orgUnitPath: budget.orgUnitPath,
          year: request.year,
          name: request.name.trim(),
          contributionFen: request.contributionFen,
          deductibleFen: request.deductibleFen,
          reimbursementPercent: request.reimbursementPercent,
          yearlyCapFen: request.yearlyCapFen,
          fastChannelLimitFen: request.fastChannelLimitFen,
          gigWorkersFree: request.gigWorkersFree,
          budgetId: budget.id,
          createdBy: principal.username,
          createdAt: new Date(),
        };
        await tx.insert(MedicalPlan, plan);
        if (plan.gigWorkersFree) await this.coverKnownGigWorkers(tx, plan);
        return toPlanView(plan, await this.figures(tx, plan.id));
      },
      {
        medical_plans_unit_year_name: () => Problem.conflict('plan-exists', `本单位 ${request.year} 年度已有同名互助方案 / The unit already has a plan of that name for ${request.year}`),
        medical_plans_gig_cover: () => Problem.conflict('gig-plan-exists', `本单位 ${request.year} 年度已有免费覆盖新就业形态劳动者的方案 / The unit already has a plan covering gig workers free in ${request.year}`),
      },
    );
  }

  async plan(id: string, principal: Principal): Promise<PlanView> {
    const plan = await this.planInScope(this.plans.manager, id, principal);
    return toPlanView(plan, await this.figures(this.plans.manager, plan.id));
  }

  async listPlans(query: PageQuery, principal: Principal): Promise<Page<PlanView>> {
    const q = whereInScope(this.plans.createQueryBuilder('p'), 'p.orgUnitPath', principal);
    const page = await keysetPage(q, query, { time: 'p.createdAt', id: 'p.id', positionOf: (p) => ({ t: p.createdAt, id: p.id }) }, (p) => p);
    const items = [];
    for (const p of page.items) items.push(toPlanView(p, await this.figures(this.plans.manager, p.id)));
    return { items, nextCursor: page.nextCursor };
  }

  join(planId: string, request: JoinPlanRequest, principal: Principal, requestId?: string): Promise<PlanMemberView> {
    return this.transaction.run(
      async (tx) => {
        const plan = await this.planInScope(tx, planId, principal);
        const member = await requireActiveMember(tx, request.memberId, principal);
        if (!member.orgUnitPath.startsWith(plan.orgUnitPath)) {
          throw new Problem(422, 'outside-plan', '会员不在方案覆盖范围内 / Member outside the plan', '会员不属于该方案所属组织 / The member does not belong to the plan’s unit', [
            { field: 'memberId', message: '不在方案覆盖范围内 / outside the plan’s unit' },
          ]);
        }
        const joined = await this.enrol(tx, plan, member.memberId, member.orgUnitPath, 'officer', principal.username, requestId);
        return toPlanMemberView(joined!, plan.yearlyCapFen);
      },
      { medical_plan_members_pkey: () => Problem.conflict('already-in-plan', '该会员已参加本方案 / The member is already in this plan') },
    );
  }

  async planMembers(planId: string, query: PageQuery, principal: Principal): Promise<Page<PlanMemberView>> {
    const plan = await this.planInScope(this.plans.manager, planId, principal);
    const q = this.members.createQueryBuilder('m').where('m.planId = :planId', { planId });
    return keysetPage(q, query, { time: 'm.joinedAt', id: 'm.memberId', positionOf: (m) => ({ t: m.joinedAt, id: m.memberId }) }, (m) => toPlanMemberView(m, plan.yearlyCapFen));
  }

  /**
   * A gig worker enrolled (the member event): covered free by the nearest plan of the year that
   * covers gig workers, with no officer involved. A redelivered event changes nothing.
   */
  async gigWorkerEnrolled(tx: Tx, event: MemberEnrolledV1): Promise<void> {
    if (!isGigWorker(event.employmentForm)) return;
    // Hand-written: the path as it is now (through later unit moves), remembered for plans set up later
    const [{ path }]: { path: string }[] = await tx.query(
      `INSERT INTO medical_gig_workers (member_id, org_unit_path, enrolled_at) VALUES ($1, current_org_path($2, $3), $3)
       ON CONFLICT (member_id) DO UPDATE SET org_unit_path = EXCLUDED.org_unit_path RETURNING org_unit_path AS path`,
      [event.memberId, event.orgUnitPath, event.enrolledAt],
    );
    const year = Number(chinaDate(event.enrolledAt).slice(0, 4));
    const [nearest]: { id: string }[] = await tx.query(
      `SELECT id FROM medical_plans WHERE gig_workers_free AND year = $1 AND $2 LIKE org_unit_path || '%' ORDER BY length(org_unit_path) DESC LIMIT 1`,
      [year, path],
    );
    const plan = nearest ? await tx.findOneBy(MedicalPlan, { id: nearest.id }) : null;
    if (!plan || (await this.hasFreeCover(tx, event.memberId, year))) return;
    await this.enrol(tx, plan, event.memberId, path, 'gig-worker', 'aid');
  }

  submitClaim(request: SubmitClaimRequest, principal: Principal, requestId?: string): Promise<ClaimView> {
    const problems = claimFigureProblems(request);
    if (problems.length > 0) throw Problem.badRequest('报销金额有误 / The claim’s figures are not valid', problems.map((p) => ({ field: p.field, message: `${p.zh} / ${p.en}` })));
    return this.transaction.run(async (tx) => {
      const plan = await this.planInScope(tx, request.planId, principal);
      const member = await tx.findOneBy(MedicalPlanMember, { planId: plan.id, memberId: request.memberId });
      if (!member || !inScope(principal, member.orgUnitPath)) {
        throw new Problem(422, 'not-in-plan', '会员未参加该方案 / Member not in the plan', `会员 ${request.memberId} 未参加该互助方案 / Member ${request.memberId} is not in this plan`, [
          { field: 'memberId', message: '未参加方案 / not in the plan' },
        ]);
      }
      const now = new Date();
      const claim: MedicalClaim = {
        id: randomUUID(),
        planId: plan.id,
        memberId: member.memberId,
        orgUnitPath: member.orgUnitPath,
        billTotalFen: request.billTotalFen,
        insuranceFen: request.insuranceFen,
        selfPaidFen: request.selfPaidFen,
        documents: [...new Set(request.documents)],
        status: 'submitted',
        reimbursementFen: null,
        capped: null,
        fastChannel: false,
        rejectionReason: null,
        submittedOn: chinaDate(now),
        submittedBy: principal.username,
        submittedAt: now,
        decidedBy: null,
        decidedAt: null,
        paidAt: null,
        bankReference: null,
        paymentBatchId: null,
        paymentFailureReason: null,
      };
      await tx.insert(MedicalClaim, claim);
      const expected = reimbursementFor(plan, claim, member.reimbursedFen);
      if (fastChannelApplies(plan, member.joinedVia, claim.documents, expected.reimbursementFen)) {
        // the fast channel approves on its own when the budget covers it; otherwise an officer looks at it
        await this.approveIn(tx, claim, plan, FAST_CHANNEL, true, requestId);
      }
      return toClaimView(claim, now);
    });
  }

  async claim(id: string, principal: Principal): Promise<ClaimView> {
    return toClaimView(requireInScope(await this.claims.findOneBy({ id }), (c) => c.orgUnitPath, principal, `报销申请不存在 / Claim ${id} not found`));
  }

  listClaims(query: ListClaimsQuery, principal: Principal): Promise<Page<ClaimView>> {
    const q = whereInScope(this.claims.createQueryBuilder('c'), 'c.orgUnitPath', principal);
    if (query.planId) q.andWhere('c.planId = :planId', { planId: query.planId });
    if (query.status) q.andWhere('c.status = :status', { status: query.status });
    const now = new Date();
    return keysetPage(q, query, { time: 'c.submittedAt', id: 'c.id', positionOf: (c) => ({ t: c.submittedAt, id: c.id }) }, (c) => toClaimView(c, now));
  }

  approve(id: string, principal: Principal, requestId?: string): Promise<ClaimView> {
    return this.transaction.run(async (tx) => {
      const claim = await this.claimForUpdate(tx, id, principal);
      if (claim.status !== 'submitted') throw wrongStatus(claim, 'approve', '核准');
      const plan = await tx.findOneByOrFail(MedicalPlan, { id: claim.planId });
      await this.approveIn(tx, claim, plan, principal.username, false, requestId);
      return toClaimView(claim);
    });
  }

  reject(id: string, request: RejectClaimRequest, principal: Principal): Promise<ClaimView> {
    return this.transaction.run(async (tx) => {
      const claim = await this.claimForUpdate(tx, id, principal);
      if (claim.status !== 'submitted') throw wrongStatus(claim, 'reject', '不予报销');
      Object.assign(claim, { status: 'rejected', rejectionReason: request.reason.trim(), decidedBy: principal.username, decidedAt: new Date() });
      await tx.update(MedicalClaim, { id }, { status: claim.status, rejectionReason: claim.rejectionReason, decidedBy: claim.decidedBy, decidedAt: claim.decidedAt });
      return toClaimView(claim);
    });
  }

  /**
   * The approved reimbursement paid outside the bank file, recorded by hand: the reservation on the
   * plan's budget is spent. Refused while an instruction of a payment batch is with the bank.
   */
  pay(id: string, request: PayClaimRequest, principal: Principal, requestId?: string): Promise<ClaimView> {
    return this.transaction.run(async (tx) => {
      const claim = await this.claimForUpdate(tx, id, principal);
      // Hand-written: payment instructions belong to disbursement; a pending one is with the bank
      const withBank = (await tx.query(`SELECT 1 FROM payment_instructions WHERE medical_claim_id = $1 AND status = 'pending' LIMIT 1`, [claim.id])).length > 0;
      const to = this.paymentStep(claim, 'pay-directly', withBank, 'pay', '支付');
      const plan = await tx.findOneByOrFail(MedicalPlan, { id: claim.planId });
      const now = new Date();
      await this.ledger.move(tx, plan.budgetId, 'spend', claim.reimbursementFen!, principal.username, { note: ledgerNote(claim.id) }, now);
      await this.recordPaid(tx, claim, plan, to, request.bankReference.trim(), now, requestId);
      return toClaimView(claim, now);
    });
  }

  /**
   * The bank paid the claim's instruction (disbursement's result import, in its transaction, which
   * spends the reservation): the claim is paid and medical-claim.paid announced.
   */
  async paidThroughBank(tx: Tx, claimId: string, bankReference: string, now: Date, requestId?: string): Promise<void> {
    const claim = await tx.findOneOrFail(MedicalClaim, { where: { id: claimId }, lock: { mode: 'pessimistic_write' } });
    const to = this.paymentStep(claim, 'bank-paid', true, 'be paid by the bank', '由银行支付');
    const plan = await tx.findOneByOrFail(MedicalPlan, { id: claim.planId });
    await this.recordPaid(tx, claim, plan, to, bankReference, now, requestId);
  }

  /** The bank returned the claim's payment: the claim shows it failed, and why; the reservation is kept. */
  async failedThroughBank(tx: Tx, claimId: string, reason: string | null): Promise<void> {
    const claim = await tx.findOneOrFail(MedicalClaim, { where: { id: claimId }, lock: { mode: 'pessimistic_write' } });
    const to = this.paymentStep(claim, 'bank-failed', true, 'fail', '支付失败');
    await tx.update(MedicalClaim, { id: claim.id }, { status: to, paymentFailureReason: reason });
  }

  /** A failed payment re-issued (disbursement's reissue, in its transaction): the claim awaits the bank again. */
  async reissuedForPayment(tx: Tx, claimId: string): Promise<void> {
    const claim = await tx.findOneOrFail(MedicalClaim, { where: { id: claimId }, lock: { mode: 'pessimistic_write' } });
    const to = this.paymentStep(claim, 'reissue', false, 'be re-issued', '重新发放');
    await tx.update(MedicalClaim, { id: claim.id }, { status: to, paymentFailureReason: null });
  }

  private paymentStep(claim: MedicalClaim, step: ClaimPaymentStep, withBank: boolean, action: string, actionZh: string): ClaimStatus {
    const outcome = claimAfterPayment(claim.status, step, withBank);
    if (outcome.ok) return outcome.to;
    if (outcome.reason === 'payment-in-batch') {
      throw Problem.conflict('payment-in-batch', '该报销已进入发放批次，等待银行结果，不能另行支付 / The claim is in a payment batch awaiting the bank’s result; it cannot be paid another way');
    }
    throw wrongStatus(claim, action, actionZh);
  }

  private async recordPaid(tx: Tx, claim: MedicalClaim, plan: MedicalPlan, to: ClaimStatus, bankReference: string, now: Date, requestId?: string): Promise<void> {
    Object.assign(claim, { status: to, paidAt: now, bankReference, paymentFailureReason: null });
    await tx.update(MedicalClaim, { id: claim.id }, { status: to, paidAt: now, bankReference, paymentFailureReason: null });
    await this.runtime.outbox.record(
      tx,
      MedicalClaimPaidV1,
      { claimId: claim.id, planId: plan.id, memberId: claim.memberId, budgetId: plan.budgetId, amountFen: claim.reimbursementFen!, daysTaken: claimDaysTaken(claim, now), paidAt: now.toISOString() },
      { correlationId: requestId },
    );
  }

  /**
   * Approve in the caller's transaction. The member's plan row is locked first, so two claims of
   * one person approved at once are counted one after the other against the yearly cap; the
   * money is reserved on the plan's budget by the ledger's guarded UPDATE. `tolerant` (the fast
   * channel): a budget that is short leaves the claim for an officer instead of failing.
   */
  private async approveIn(tx: Tx, claim: MedicalClaim, plan: MedicalPlan, actor: string, tolerant: boolean, requestId?: string): Promise<boolean> {
    const member = await tx.findOneOrFail(MedicalPlanMember, { where: { planId: plan.id, memberId: claim.memberId }, lock: { mode: 'pessimistic_write' } });
    const result = reimbursementFor(plan, claim, member.reimbursedFen);
    if (result.reimbursementFen === 0) {
      if (tolerant) return false;
      const why = result.byRulesFen === 0 ? '个人自付未超过起付线 / the self-paid part does not exceed the deductible' : '已达年度封顶线 / the yearly cap is reached';
      throw Problem.unprocessable('nothing-to-reimburse', `按方案规则无可报销金额：${why.split(' / ')[0]} / Nothing to reimburse under the plan’s rules: ${why.split(' / ')[1]}`);
    }
    const now = new Date();
    const ref = { note: ledgerNote(claim.id) };
    if (tolerant) {
      if (!(await this.ledger.tryMove(tx, plan.budgetId, 'reservation', result.reimbursementFen, actor, ref, now))) return false;
    } else {
      await this.ledger.move(tx, plan.budgetId, 'reservation', result.reimbursementFen, actor, ref, now);
    }
    // Hand-written: guarded like the budget, and the row is already ours (locked above)
    const [, counted] = await tx.query('UPDATE medical_plan_members SET reimbursed_fen = reimbursed_fen + $3 WHERE plan_id = $1 AND member_id = $2 AND reimbursed_fen + $3 <= $4', [
      plan.id,
      claim.memberId,
      result.reimbursementFen,
      plan.yearlyCapFen,
    ]);
    if (counted !== 1) throw new Error(`yearly cap passed for claim ${claim.id}`);
    Object.assign(claim, { status: 'approved', reimbursementFen: result.reimbursementFen, capped: result.capped, fastChannel: actor === FAST_CHANNEL, decidedBy: actor, decidedAt: now });
    await tx.update(MedicalClaim, { id: claim.id }, { status: 'approved', reimbursementFen: claim.reimbursementFen, capped: claim.capped, fastChannel: claim.fastChannel, decidedBy: actor, decidedAt: now });
    await this.runtime.outbox.record(
      tx,
      MedicalClaimApprovedV1,
      { claimId: claim.id, planId: plan.id, memberId: claim.memberId, reimbursementFen: result.reimbursementFen, fastChannel: claim.fastChannel, approvedAt: now.toISOString() },
      { correlationId: requestId },
    );
    return true;
  }

  private async enrol(tx: Tx, plan: MedicalPlan, memberId: string, orgUnitPath: string, joinedVia: MedicalPlanMember['joinedVia'], joinedBy: string, requestId?: string): Promise<MedicalPlanMember | null> {
    const row: MedicalPlanMember = {
      planId: plan.id,
      memberId,
      orgUnitPath,
      joinedVia,
      contributionFen: joinedVia === 'gig-worker' ? 0 : plan.contributionFen,
      reimbursedFen: 0,
      joinedBy,
      joinedAt: new Date(),
    };
    if (joinedVia === 'gig-worker') {
      const inserted = await tx.createQueryBuilder().insert().into(MedicalPlanMember).values(row).orIgnore().returning('member_id').execute();
      if (inserted.raw.length === 0) return null;
    } else {
      await tx.insert(MedicalPlanMember, row);
    }
    await this.runtime.outbox.record(
      tx,
      MedicalPlanJoinedV1,
      { planId: plan.id, memberId, year: plan.year, joinedVia, contributionFen: row.contributionFen, joinedAt: row.joinedAt.toISOString() },
      { correlationId: requestId },
    );
    return row;
  }

  /** A plan set up after gig workers enrolled covers those of its subtree not yet covered free that year (and not known to have left). */
  private async coverKnownGigWorkers(tx: Tx, plan: MedicalPlan): Promise<void> {
    const workers: { member_id: string; org_unit_path: string }[] = await tx.query(
      `SELECT g.member_id, g.org_unit_path FROM medical_gig_workers g
        WHERE g.org_unit_path LIKE $1 || '%'
          AND NOT EXISTS (SELECT 1 FROM member_directory d WHERE d.member_id = g.member_id AND d.status <> 'active')
          AND NOT EXISTS (SELECT 1 FROM medical_plan_members m JOIN medical_plans p ON p.id = m.plan_id
                           WHERE m.member_id = g.member_id AND p.year = $2 AND p.gig_workers_free AND m.joined_via = 'gig-worker')`,
      [plan.orgUnitPath, plan.year],
    );
    for (const w of workers) await this.enrol(tx, plan, w.member_id, w.org_unit_path, 'gig-worker', 'aid');
  }

  private async hasFreeCover(tx: Tx, memberId: string, year: number): Promise<boolean> {
    const rows = await tx.query(
      `SELECT 1 FROM medical_plan_members m JOIN medical_plans p ON p.id = m.plan_id WHERE m.member_id = $1 AND p.year = $2 AND m.joined_via = 'gig-worker' LIMIT 1`,
      [memberId, year],
    );
    return rows.length > 0;
  }

  private async planInScope(tx: Tx, id: string, principal: Principal): Promise<MedicalPlan> {
    return requireInScope(await tx.findOneBy(MedicalPlan, { id }), (p) => p.orgUnitPath, principal, `互助方案不存在 / Medical mutual-aid plan ${id} not found`);
  }

  private async claimForUpdate(tx: Tx, id: string, principal: Principal): Promise<MedicalClaim> {
    const claim = await tx.findOne(MedicalClaim, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return requireInScope(claim, (c) => c.orgUnitPath, principal, `报销申请不存在 / Claim ${id} not found`);
  }

  private async figures(tx: Tx, planId: string): Promise<PlanFigures> {
    const [row] = await tx.query(
      `SELECT (SELECT count(*) FROM medical_plan_members WHERE plan_id = $1)::int AS members,
              (SELECT count(*) FROM medical_plan_members WHERE plan_id = $1 AND joined_via = 'gig-worker')::int AS "gigWorkers",
              (SELECT count(*) FROM medical_claims WHERE plan_id = $1)::int AS claims,
              (SELECT coalesce(sum(reimbursed_fen), 0) FROM medical_plan_members WHERE plan_id = $1)::text AS reimbursed`,
      [planId],
    );
    return { members: row.members, gigWorkers: row.gigWorkers, claims: row.claims, reimbursedFen: Number(row.reimbursed) };
  }
}
