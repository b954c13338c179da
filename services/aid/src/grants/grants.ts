import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { GrantProjectAwardedV1, GrantProjectCompletedV1 } from '@gonghui/contracts';
import { Tx } from '@gonghui/persistence';
import { chinaDate, keysetPage, Page, PageQuery, Problem, requireInScope, ServiceRuntime, TransactionBoundary, whereInScope } from '@gonghui/service-kit';
import { BudgetLedger } from '../budgets/budget-ledger';
import { BudgetsRepository } from '../budgets/budgets.repository';
import { awardInRankOrder, criteriaProblems, milestoneProblems, rankProposals, Ranked, scoreSheetProblems, weightedScore } from './domain/grants';
import { GrantCall, GrantMilestone, GrantProposal, GrantScore } from './grant.entity';
import {
  CreateGrantCallRequest,
  FinalEvaluationRequest,
  GrantCallView,
  ProposalView,
  RankingView,
  ScoreProposalRequest,
  ScoreSheetView,
  SubmitProposalRequest,
  toGrantCallView,
  toProposalView,
  toScoreSheetView,
} from './grant.dto';
import { alreadyScored, callInWrongStatus, notOnPanel, proposalExists, proposalInWrongStatus } from './grant-problems';

const callNotFound = (id: string) => `项目征集不存在 / Grant call ${id} not found`;
const proposalNotFound = (id: string) => `申报项目不存在 / Proposal ${id} not found`;

/**
 * Grants to social organisations' service projects (公益伙伴). The call's money is reserved on its
 * budget when the call is made (a guarded ledger movement); the award keeps what the projects get
 * and releases the rest; each milestone paid is a ledger spend; the final evaluation ends the
 * project and releases whatever milestones were left unpaid.
 */
@Injectable()
export class Grants {
  constructor(
    private readonly transaction: TransactionBoundary,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly budgets: BudgetsRepository,
    private readonly ledger: BudgetLedger,
    @InjectRepository(GrantCall) private readonly calls: Repository<GrantCall>,
    @InjectRepository(GrantProposal) private readonly proposals: Repository<GrantProposal>,
    @InjectRepository(GrantScore) private readonly scores: Repository<GrantScore>,
    @InjectRepository(GrantMilestone) private readonly milestones: Repository<GrantMilestone>,
  ) {}

  createCall(request: CreateGrantCallRequest, principal: Principal): Promise<GrantCallView> {
    const problems = criteriaProblems(request.criteria);
    if (problems.length > 0) throw Problem.badRequest('评审标准有误 / The criteria are not valid', problems);
    return this.transaction.run(async (tx) => {
      const budget = await this.budgets.findInScope(request.budgetId, principal, tx);
      const call: GrantCall = {
        id: randomUUID(),
        orgUnitId: budget.orgUnitId,
        orgUnitPath: budget.orgUnitPath,
        title: request.title.trim(),
        budgetId: budget.id,
        amountFen: request.amountFen,
        awardedFen: 0,
        criteria: request.criteria.map((c) => ({ key: c.key, name: c.name.trim(), weight: c.weight, maxScore: c.maxScore })),
        panel: [...new Set(request.panel.map((p) => p.trim()))],
        minScore: request.minScore ?? 0,
        status: 'open',
        createdBy: principal.username,
        createdAt: new Date(),
        awardedAt: null,
      };
      await tx.insert(GrantCall, call);
      await this.ledger.move(tx, budget.id, 'reservation', call.amountFen, principal.username, { note: `公益伙伴项目征集 grant call ${call.id}` });
      return toGrantCallView(call);
    });
  }

  listCalls(page: PageQuery, principal: Principal): Promise<Page<GrantCallView>> {
    const q = whereInScope(this.calls.createQueryBuilder('c'), 'c.orgUnitPath', principal);
    return keysetPage(q, page, { time: 'c.createdAt', id: 'c.id', positionOf: (c) => ({ t: c.createdAt, id: c.id }) }, toGrantCallView);
  }

  async call(id: string, principal: Principal): Promise<GrantCallView> {
    return toGrantCallView(requireInScope(await this.calls.findOneBy({ id }), (c) => c.orgUnitPath, principal, callNotFound(id)));
  }

  closeSubmissions(id: string, principal: Principal): Promise<GrantCallView> {
    return this.transaction.run(async (tx) => {
      const call = await this.lockCall(tx, id, principal);
      if (call.status !== 'open') throw callInWrongStatus(call.status, 'open');
      await tx.update(GrantCall, { id }, { status: 'reviewing' });
      return toGrantCallView({ ...call, status: 'reviewing' });
    });
  }

  submitProposal(callId: string, request: SubmitProposalRequest, principal: Principal): Promise<ProposalView> {
    const problems = milestoneProblems(request.milestones, request.requestedFen);
    if (problems.length > 0) throw Problem.badRequest('分期拨付计划有误 / The milestones are not valid', problems);
    return this.transaction.run(
      async (tx) => {
        const call = await this.lockCall(tx, callId, principal, 'pessimistic_read');
        if (call.status !== 'open') throw callInWrongStatus(call.status, 'open');
        if (request.requestedFen > call.amountFen) {
          throw Problem.badRequest('申请金额超过本次征集资金 / More than the call’s money', [{ field: 'requestedFen', message: `至多${call.amountFen}分 / at most ${call.amountFen} fen` }]);
        }
        const proposal: GrantProposal = {
          id: randomUUID(),
          callId: call.id,
          orgUnitPath: call.orgUnitPath,
          creditCode: request.creditCode.toUpperCase(),
          organisationName: request.organisationName.trim(),
          projectTitle: request.projectTitle.trim(),
          summary: request.summary.trim(),
          requestedFen: request.requestedFen,
          status: 'submitted',
          rank: null,
          score: null,
          finalRating: null,
          finalNote: null,
          evaluatedOn: null,
          evaluatedBy: null,
          submittedAt: new Date(),
        };
        const milestones: GrantMilestone[] = request.milestones.map((m, i) => ({ proposalId: proposal.id, seq: i + 1, name: m.name.trim(), amountFen: m.amountFen, dueOn: m.dueOn, status: 'planned', paidAt: null, paidBy: null }));
        await tx.insert(GrantProposal, proposal);
        await tx.insert(GrantMilestone, milestones);
        return toProposalView(proposal, milestones);
      },
      { grant_proposals_one_per_organisation: proposalExists },
    );
  }

  async listProposals(callId: string, page: PageQuery, principal: Principal): Promise<Page<ProposalView>> {
    await this.call(callId, principal);
    const q = this.proposals.createQueryBuilder('p').where('p.callId = :callId', { callId });
    const found = await keysetPage(q, page, { time: 'p.submittedAt', id: 'p.id', positionOf: (p) => ({ t: p.submittedAt, id: p.id }) }, (p) => p);
    const milestones = await this.milestonesOf(found.items.map((p) => p.id));
    return { items: found.items.map((p) => toProposalView(p, milestones.get(p.id) ?? [])), nextCursor: found.nextCursor };
  }

  async proposal(id: string, principal: Principal): Promise<ProposalView> {
    const proposal = requireInScope(await this.proposals.findOneBy({ id }), (p) => p.orgUnitPath, principal, proposalNotFound(id));
    return toProposalView(proposal, (await this.milestonesOf([id])).get(id) ?? []);
  }

  score(proposalId: string, request: ScoreProposalRequest, principal: Principal): Promise<ScoreSheetView> {
    return this.transaction.run(
      async (tx) => {
        const proposal = requireInScope(await tx.findOneBy(GrantProposal, { id: proposalId }), (p) => p.orgUnitPath, principal, proposalNotFound(proposalId));
        const call = await tx.findOneByOrFail(GrantCall, { id: proposal.callId });
        if (!call.panel.includes(principal.username)) throw notOnPanel();
        if (call.status !== 'reviewing') throw callInWrongStatus(call.status, 'reviewing');
        const problems = scoreSheetProblems(call.criteria, request.scores);
        if (problems.length > 0) throw Problem.badRequest('评分超出范围或不完整 / A score is out of range or missing', problems);
        const sheet: GrantScore = { id: randomUUID(), proposalId, reviewer: principal.username, scores: request.scores, weighted: weightedScore(call.criteria, request.scores), scoredAt: new Date() };
        await tx.insert(GrantScore, sheet);
        return toScoreSheetView(sheet);
      },
      { grant_scores_once_per_reviewer: alreadyScored },
    );
  }

  async sheets(proposalId: string, principal: Principal): Promise<{ items: ScoreSheetView[] }> {
    await this.proposal(proposalId, principal);
    return { items: (await this.scores.find({ where: { proposalId }, order: { scoredAt: 'ASC' } })).map(toScoreSheetView) };
  }

  async ranking(callId: string, principal: Principal): Promise<RankingView> {
    const call = requireInScope(await this.calls.findOneBy({ id: callId }), (c) => c.orgUnitPath, principal, callNotFound(callId));
    const { ranking, incomplete, proposals, sheetCounts } = await this.rank(this.calls.manager, call);
    const decision = awardInRankOrder(ranking, call.amountFen, call.minScore);
    const awarded = new Set(decision.awarded.map((r) => r.id));
    return {
      callId,
      amountFen: call.amountFen,
      ranking: ranking.map((r) => ({
        rank: r.rank,
        proposalId: r.id,
        organisationName: proposals.get(r.id)!.organisationName,
        projectTitle: proposals.get(r.id)!.projectTitle,
        score: r.score,
        sheets: sheetCounts.get(r.id) ?? 0,
        requestedFen: r.requestedFen,
        withinBudget: awarded.has(r.id),
      })),
      incomplete,
    };
  }

  /** Award in rank order within the call's money; only once every panel member has scored every proposal. */
  award(callId: string, principal: Principal): Promise<GrantCallView> {
    return this.transaction.run(async (tx) => {
      const call = await this.lockCall(tx, callId, principal);
      if (call.status !== 'reviewing') throw callInWrongStatus(call.status, 'reviewing');
      const { ranking, incomplete } = await this.rank(tx, call);
      if (incomplete.length > 0) {
        throw new Problem(422, 'scoring-incomplete', '评审尚未完成 / Scoring is not complete', `尚有${incomplete.length}个项目未获全部评审评分 / ${incomplete.length} proposal(s) still lack a panel member’s sheet`, incomplete.map((id) => ({ field: 'proposals', message: id })));
      }
      const decision = awardInRankOrder(ranking, call.amountFen, call.minScore);
      const mark = async (rows: Ranked[], status: 'awarded' | 'not-awarded') => {
        for (const r of rows) await tx.update(GrantProposal, { id: r.id }, { status, rank: r.rank, score: r.score });
      };
      await mark(decision.awarded, 'awarded');
      await mark(decision.notAwarded, 'not-awarded');
      const now = new Date();
      await tx.update(GrantCall, { id: call.id }, { status: 'awarded', awardedFen: decision.awardedFen, awardedAt: now });
      const codes = new Map((await tx.find(GrantProposal, { where: { callId: call.id }, select: { id: true, creditCode: true } })).map((p) => [p.id, p.creditCode]));
      for (const r of decision.awarded) {
        await this.runtime.outbox.record(tx, GrantProjectAwardedV1, {
          projectId: r.id,
          callId: call.id,
          budgetId: call.budgetId,
          orgUnitId: call.orgUnitId,
          creditCode: codes.get(r.id)!,
          awardedFen: r.requestedFen,
          rank: r.rank,
          score: r.score,
          awardedAt: now.toISOString(),
        });
      }
      if (decision.leftFen > 0) await this.ledger.move(tx, call.budgetId, 'release', decision.leftFen, principal.username, { note: `公益伙伴项目征集未立项结余 grant call ${call.id}` });
      return toGrantCallView({ ...call, status: 'awarded', awardedFen: decision.awardedFen, awardedAt: now });
    });
  }

  payMilestone(proposalId: string, seq: number, principal: Principal): Promise<ProposalView> {
    return this.transaction.run(async (tx) => {
      const proposal = await this.lockProposal(tx, proposalId, principal);
      if (proposal.status !== 'awarded') throw proposalInWrongStatus(proposal.status);
      const milestones = await tx.find(GrantMilestone, { where: { proposalId }, order: { seq: 'ASC' } });
      const milestone = milestones.find((m) => m.seq === seq);
      if (!milestone) throw Problem.notFound(`该项目没有第${seq}期 / The project has no milestone ${seq}`);
      if (milestone.status !== 'planned') throw Problem.conflict('milestone-paid', `第${seq}期已拨付 / Milestone ${seq} is already paid`);
      const earlier = milestones.find((m) => m.seq < seq && m.status === 'planned');
      if (earlier) throw Problem.conflict('milestone-out-of-order', `须先拨付第${earlier.seq}期 / Milestone ${earlier.seq} comes first`);
      const call = await tx.findOneByOrFail(GrantCall, { id: proposal.callId });
      const now = new Date();
      await this.ledger.move(tx, call.budgetId, 'spend', milestone.amountFen, principal.username, { note: `公益伙伴项目第${seq}期拨付 grant project ${proposal.id} milestone ${seq}` });
      await tx.update(GrantMilestone, { proposalId, seq }, { status: 'paid', paidAt: now, paidBy: principal.username });
      return toProposalView(proposal, milestones.map((m) => (m.seq === seq ? { ...m, status: 'paid', paidAt: now, paidBy: principal.username } : m)));
    });
  }

  /** The final evaluation (结项评估) ends the project: milestones not paid by then are cancelled and their money released. */
  evaluate(proposalId: string, request: FinalEvaluationRequest, principal: Principal): Promise<ProposalView> {
    if (request.evaluatedOn > chinaDate(new Date())) throw Problem.badRequest('评估日期不能晚于今天 / evaluatedOn cannot be in the future', [{ field: 'evaluatedOn', message: '不能晚于今天 / not in the future' }]);
    return this.transaction.run(async (tx) => {
      const proposal = await this.lockProposal(tx, proposalId, principal);
      if (proposal.status !== 'awarded') throw proposalInWrongStatus(proposal.status);
      const milestones = await tx.find(GrantMilestone, { where: { proposalId }, order: { seq: 'ASC' } });
      const unpaid = milestones.filter((m) => m.status === 'planned');
      const unpaidFen = unpaid.reduce((sum, m) => sum + m.amountFen, 0);
      const call = await tx.findOneByOrFail(GrantCall, { id: proposal.callId });
      if (unpaidFen > 0) {
        await this.ledger.move(tx, call.budgetId, 'release', unpaidFen, principal.username, { note: `公益伙伴项目结项未拨付部分 grant project ${proposal.id}` });
        await tx.update(GrantMilestone, { proposalId, seq: In(unpaid.map((m) => m.seq)) }, { status: 'cancelled' });
      }
      const changes = { status: 'completed' as const, finalRating: request.rating, finalNote: request.note.trim(), evaluatedOn: request.evaluatedOn, evaluatedBy: principal.username };
      await tx.update(GrantProposal, { id: proposalId }, changes);
      await this.runtime.outbox.record(tx, GrantProjectCompletedV1, {
        projectId: proposal.id,
        callId: call.id,
        orgUnitId: call.orgUnitId,
        rating: request.rating,
        paidFen: milestones.filter((m) => m.status === 'paid').reduce((sum, m) => sum + m.amountFen, 0),
        releasedFen: unpaidFen,
        evaluatedOn: request.evaluatedOn,
      });
      return toProposalView({ ...proposal, ...changes }, milestones.map((m) => (m.status === 'planned' ? { ...m, status: 'cancelled' } : m)));
    });
  }

  private async rank(db: Tx, call: GrantCall) {
    const proposals = await db.find(GrantProposal, { where: { callId: call.id } });
    const sheets = proposals.length === 0 ? [] : await db.find(GrantScore, { where: { proposalId: In(proposals.map((p) => p.id)) } });
    const byProposal = new Map<string, number[]>();
    for (const s of sheets) byProposal.set(s.proposalId, [...(byProposal.get(s.proposalId) ?? []), s.weighted]);
    const ranking = rankProposals(proposals.map((p) => ({ id: p.id, requestedFen: p.requestedFen, submittedAt: p.submittedAt, sheetScores: byProposal.get(p.id) ?? [] })));
    const sheetCounts = new Map([...byProposal].map(([id, s]) => [id, s.length]));
    const incomplete = proposals.filter((p) => (sheetCounts.get(p.id) ?? 0) < call.panel.length).map((p) => p.id);
    return { ranking, incomplete, proposals: new Map(proposals.map((p) => [p.id, p])), sheetCounts };
  }

  private async milestonesOf(proposalIds: string[]): Promise<Map<string, GrantMilestone[]>> {
    const rows = proposalIds.length === 0 ? [] : await this.milestones.find({ where: { proposalId: In(proposalIds) }, order: { seq: 'ASC' } });
    const map = new Map<string, GrantMilestone[]>();
    for (const m of rows) map.set(m.proposalId, [...(map.get(m.proposalId) ?? []), m]);
    return map;
  }

  private async lockCall(tx: Tx, id: string, principal: Principal, mode: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write'): Promise<GrantCall> {
    return requireInScope(await tx.findOne(GrantCall, { where: { id }, lock: { mode } }), (c) => c.orgUnitPath, principal, callNotFound(id));
  }

  private async lockProposal(tx: Tx, id: string, principal: Principal): Promise<GrantProposal> {
    return requireInScope(await tx.findOne(GrantProposal, { where: { id }, lock: { mode: 'pessimistic_write' } }), (p) => p.orgUnitPath, principal, proposalNotFound(id));
  }
}
