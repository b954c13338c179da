import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { HazardReportVerifiedV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaDate, findKnownMember, keysetPage, Page, Problem, requireInScope, TransactionBoundary, whereInScope } from '@gonghui/service-kit';
import { BudgetLedger } from '../budgets/budget-ledger';
import { HazardReward } from './hazard-reward.entity';
import { HazardRewardView, ListHazardRewardsQuery, toHazardRewardView } from './hazard-reward.dto';

const STATUS_LABELS: Record<HazardReward['status'], string> = { 'awaiting-budget': '待落实资金', 'awaiting-payee': '待确认领取人', payable: '待发放', paid: '已发放' };

function wrongStatus(reward: HazardReward, action: string, actionZh: string): Problem {
  return Problem.conflict('wrong-status', `该奖励当前为“${STATUS_LABELS[reward.status]}”，不能${actionZh} / The reward is ${reward.status}: ${action} is not possible now`);
}

/**
 * Use cases of hazard-report rewards: record a verified report's reward and reserve it from the
 * nearest hazard-reward budget up the unit path (or list it as awaiting a budget); retry the
 * reservation once a budget exists; name the payee, which makes it payable in the budget's next
 * payment batch.
 */
@Injectable()
export class HazardRewards {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly ledger: BudgetLedger,
    @InjectRepository(HazardReward) private readonly rewards: Repository<HazardReward>,
  ) {}

  /** From mediation's event, in the consumer's transaction; a repeated report changes nothing. */
  async record(tx: Tx, report: HazardReportVerifiedV1): Promise<void> {
    const reward: HazardReward = {
      id: randomUUID(),
      reportId: report.reportId,
      orgUnitId: report.orgUnitId,
      orgUnitPath: report.orgUnitPath,
      rewardLevel: report.rewardLevel,
      rewardFen: report.rewardFen,
      verifiedAt: new Date(report.verifiedAt),
      status: 'awaiting-budget',
      budgetId: null,
      memberId: null,
      payeeNamedBy: null,
      payeeNamedAt: null,
      paidAt: null,
      receivedAt: new Date(),
    };
    const inserted = await tx.createQueryBuilder().insert().into(HazardReward).values(reward).orIgnore().returning('id').execute();
    if (inserted.raw.length === 0) return;
    await this.reserve(tx, reward, 'aid');
  }

  list(principal: Principal, query: ListHazardRewardsQuery): Promise<Page<HazardRewardView>> {
    const q = whereInScope(this.rewards.createQueryBuilder('r'), 'r.orgUnitPath', principal);
    if (query.status) q.andWhere('r.status = :status', { status: query.status });
    return keysetPage(q, query, { time: 'r.receivedAt', id: 'r.id', positionOf: (r) => ({ t: r.receivedAt, id: r.id }) }, toHazardRewardView);
  }

  async get(id: string, principal: Principal): Promise<HazardRewardView> {
    return toHazardRewardView(requireInScope(await this.rewards.findOneBy({ id }), (r) => r.orgUnitPath, principal, notFound(id)));
  }

  /** Retry the reservation of a reward awaiting a budget (e.g. once the year's fund is set up). */
  retryReservation(id: string, principal: Principal): Promise<HazardRewardView> {
    return this.transaction.run(async (tx) => {
      const reward = await this.lock(tx, id, principal);
      if (reward.status !== 'awaiting-budget') throw wrongStatus(reward, 'reserve', '落实资金');
      if (!(await this.reserve(tx, reward, principal.username))) {
        throw Problem.unprocessable('no-budget', `本级及上级均无足额的${reward.verifiedAt.getUTCFullYear()}年度隐患举报奖励资金 / No hazard-reward budget up the unit path can cover it`);
      }
      return toHazardRewardView((await tx.findOneBy(HazardReward, { id }))!);
    });
  }

  /** The reporter came in person: the officer names the member to be paid; the reward joins the budget's next batch. */
  namePayee(id: string, memberId: string, principal: Principal): Promise<HazardRewardView> {
    return this.transaction.run(async (tx) => {
      const reward = await this.lock(tx, id, principal);
      if (reward.status !== 'awaiting-payee') throw wrongStatus(reward, 'name-payee', '确认领取人');
      const member = await findKnownMember(tx, memberId);
      if (!member || !inScope(principal, member.orgUnitPath)) {
        throw new Problem(404, 'not-found', '未找到 / Not found', `未找到会员 ${memberId} / Member ${memberId} not found`, [{ field: 'memberId', message: '未知会员 / unknown member' }]);
      }
      const now = new Date();
      await tx.update(HazardReward, { id }, { status: 'payable', memberId, payeeNamedBy: principal.username, payeeNamedAt: now });
      return toHazardRewardView({ ...reward, status: 'payable', memberId, payeeNamedBy: principal.username, payeeNamedAt: now });
    });
  }

  /**
   * Reserve from the nearest budget of source `hazard-reward` for the verification's year (China
   * calendar) on the path from the reward's unit up to the root, the nearest first; a budget too
   * small is passed over for the next one up. False when none can cover it.
   */
  private async reserve(tx: Tx, reward: HazardReward, actor: string): Promise<boolean> {
    const year = Number(chinaDate(reward.verifiedAt).slice(0, 4));
    // Hand-written: "every budget whose path is a prefix of this one", nearest (longest) first
    const candidates: { id: string }[] = await tx.query(
      `SELECT id FROM budgets WHERE source = 'hazard-reward' AND year = $2 AND starts_with($1, org_unit_path) ORDER BY length(org_unit_path) DESC, created_at, id`,
      [reward.orgUnitPath, year],
    );
    for (const { id: budgetId } of candidates) {
      if (await this.ledger.tryMove(tx, budgetId, 'reservation', reward.rewardFen, actor, { hazardRewardId: reward.id, note: `隐患举报奖励 ${reward.reportId}` })) {
        await tx.update(HazardReward, { id: reward.id }, { status: 'awaiting-payee', budgetId });
        return true;
      }
    }
    return false;
  }

  private async lock(tx: Tx, id: string, principal: Principal): Promise<HazardReward> {
    const reward = await tx.getRepository(HazardReward).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return requireInScope(reward, (r) => r.orgUnitPath, principal, notFound(id));
  }
}

const notFound = (id: string) => `奖励不存在 / Hazard reward ${id} not found`;
