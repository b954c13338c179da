import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AidApplicationApprovedV1, AidCampaignConfirmedV1, AidCampaignPaidV1, AidKind } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { returnedRows, Tx } from '@gonghui/persistence';
import {
  chinaTime,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  keysetPage,
  Page,
  PageQuery,
  Problem,
  requireInScope,
  rosterProblem,
  RosterSource,
  scanRoster,
  ServiceRuntime,
  toPage,
  TransactionBoundary,
  whereInScope,
} from '@gonghui/service-kit';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { covers } from '../budgets/domain/budget';
import { BudgetLedger } from '../budgets/budget-ledger';
import { BudgetsRepository } from '../budgets/budgets.repository';
import { PaymentBatch } from '../disbursement/payment.entity';
import { aidKindOf, Channel, classify, CrossCheckOutcome, mergeFacts, summarise } from './domain/cross-check';
import { gradesSought, parseRules } from './domain/eligibility';
import { NominatedPerson, NOMINATION_COLUMNS, NominationScreen, RowRejection } from './domain/nomination-rows';
import { Campaign, CampaignNomination } from './campaign.entity';
import { CampaignDistribution } from './distribution';
import {
  CampaignFigures,
  CampaignView,
  ConfirmationView,
  CreateCampaignRequest,
  CrossCheckQuery,
  CrossCheckReport,
  CrossCheckSummary,
  ListedView,
  NominationJobView,
  toCampaignView,
  toNominationView,
} from './campaign.dto';

const STATUS_LABELS: Record<Campaign['status'], string> = { collecting: '征集中', confirmed: '已确认', closed: '已结束' };
const CHUNK = 2_000;
/** A nomination roster may be at most this large, whether uploaded as a file or sent base64 in JSON. */
export const MAX_NOMINATION_BYTES = 10 * 1024 * 1024;

/** A roster to nominate from: who sends it, its file name, and its content to read (a stream over the upload). */
export interface NominationRoster {
  nominatedBy: string;
  fileName: string;
  open: RosterSource;
}
const LIVE_STAGES = ['approved', 'disbursed', 'followed-up'];

interface Approved {
  id: string;
  member_id: string;
  org_unit_id: string;
  kind: AidKind;
}

/**
 * Use cases of campaigns (专项行动): set up a budgeted cycle; list people through three channels
 * (hardship files matching the rules, roster nominations, individual applications); cross-check
 * the list (多渠道交叉核验) set-based; confirm the payable people as approved applications of the
 * campaign with one guarded reservation and one payment batch; close once the bank has settled it.
 */
@Injectable()
export class Campaigns {
  private readonly logger = new Logger('aid-campaigns');

  constructor(
    private readonly transaction: TransactionBoundary,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly budgets: BudgetsRepository,
    private readonly ledger: BudgetLedger,
    private readonly distribution: CampaignDistribution,
  ) {}

  async create(request: CreateCampaignRequest, principal: Principal): Promise<CampaignView> {
    const rules = parseRules(request.eligibility ?? []);
    if (!rules.ok) throw new Problem(400, 'rule-not-evaluable', '资格条件无法判断 / An eligibility rule cannot be evaluated', rules.errors.map((e) => e.message).join('; '), rules.errors);
    if (request.endsOn < request.startsOn) throw Problem.badRequest('结束日期早于开始日期 / The campaign ends before it starts', [{ field: 'endsOn', message: '须不早于 startsOn / must not be before startsOn' }]);
    if (request.cashFen === undefined && (request.items ?? []).length === 0) {
      throw Problem.badRequest('须给出每人标准 / A per-person standard is needed', [{ field: 'cashFen', message: '现金或实物至少一项 / give cashFen or items' }]);
    }
    return this.transaction.run(async (tx) => {
      const budget = await this.budgets.findInScope(request.budgetId, principal, tx);
      const excluded = [...new Set(request.excludePaidIn ?? [])];
      if (excluded.length > 0) {
        const found: { id: string; org_unit_path: string }[] = await tx.query('SELECT id, org_unit_path FROM aid_campaigns WHERE id = ANY($1)', [excluded]);
        const unknown = excluded.filter((id) => !found.some((f) => f.id === id && inScope(principal, f.org_unit_path)));
        if (unknown.length > 0) throw Problem.badRequest('互斥的专项行动不存在 / An excluded campaign does not exist', unknown.map((id) => ({ field: 'excludePaidIn', message: `专项行动 ${id} 不存在 / campaign ${id} not found` })));
      }
      const now = new Date();
      const campaign: Campaign = {
        id: randomUUID(),
        name: request.name.trim(),
        kind: request.kind,
        orgUnitId: budget.orgUnitId,
        orgUnitPath: budget.orgUnitPath,
        budgetId: budget.id,
        startsOn: request.startsOn,
        endsOn: request.endsOn,
        cashFen: request.cashFen ?? null,
        items: (request.items ?? []).map((i) => ({ name: i.name.trim(), quantity: i.quantity, unit: i.unit.trim() })),
        eligibility: rules.rules,
        excludedCampaignIds: excluded,
        status: 'collecting',
        rounds: 0,
        listChangedAt: now,
        checkedAt: null,
        createdBy: principal.username,
        createdAt: now,
        confirmedAt: null,
        closedAt: null,
      };
      await tx.insert(Campaign, campaign);
      return toCampaignView(campaign, await this.figures(tx, campaign.id));
    });
  }

  async view(id: string, principal: Principal): Promise<CampaignView> {
    const campaign = await this.find(this.dataSource.manager, id, principal);
    return toCampaignView(campaign, await this.figures(this.dataSource.manager, id));
  }

  async page(principal: Principal, query: PageQuery): Promise<Page<CampaignView>> {
    const q = whereInScope(this.dataSource.getRepository(Campaign).createQueryBuilder('c'), 'c.orgUnitPath', principal);
    const page = await keysetPage(q, query, { time: 'c.createdAt', id: 'c.id', positionOf: (c) => ({ t: c.createdAt, id: c.id }) }, (c) => c);
    const items = [];
    for (const c of page.items) items.push(toCampaignView(c, await this.figures(this.dataSource.manager, c.id)));
    return { items, nextCursor: page.nextCursor };
  }

  /** Channel 1: the open hardship files of the campaign's subtree whose grade the rules accept, listed set-based. */
  listFromHardshipFiles(id: string, orgUnitPath: string | undefined, principal: Principal): Promise<ListedView> {
    return this.transaction.run(async (tx) => {
      const campaign = await this.collecting(tx, id, principal);
      const path = orgUnitPath ?? campaign.orgUnitPath;
      if (!path.startsWith(campaign.orgUnitPath) || !inScope(principal, path)) {
        throw Problem.badRequest('单位不在专项行动范围内 / The unit is outside the campaign', [{ field: 'orgUnitPath', message: '须在专项行动所属单位之下 / must be within the campaign’s unit' }]);
      }
      const grades = gradesSought(campaign.eligibility);
      // Hand-written: one INSERT … SELECT for a whole city's files
      const added: unknown[] = await tx.query(
        `INSERT INTO aid_campaign_listings (campaign_id, member_id, channel, source_id, added_at)
         SELECT $1, f.member_id, 'hardship-file', f.id, $4 FROM hardship_files f
          WHERE f.status = 'open' AND f.org_unit_path LIKE $2 || '%' AND ($3::text[] IS NULL OR f.grade = ANY($3))
         ON CONFLICT DO NOTHING RETURNING member_id`,
        [campaign.id, path, grades, new Date()],
      );
      await this.listChanged(tx, campaign.id);
      return { added: added.length };
    });
  }

  /** Channel 3: individual applications, decided with a passing vote, brought into the campaign. */
  listApplications(id: string, applicationIds: string[], principal: Principal): Promise<ListedView> {
    const ids = [...new Set(applicationIds.map((a) => a.toLowerCase()))];
    return this.transaction.run(async (tx) => {
      const campaign = await this.collecting(tx, id, principal);
      const found: { id: string; member_id: string; org_unit_path: string; stage: string; passed: boolean | null; campaign_id: string | null }[] = await tx.query(
        `SELECT id, member_id, org_unit_path, stage, (decision->>'passed')::boolean AS passed, campaign_id FROM aid_applications WHERE id = ANY($1)`,
        [ids],
      );
      const visible = new Map(found.filter((a) => inScope(principal, a.org_unit_path) && a.org_unit_path.startsWith(campaign.orgUnitPath)).map((a) => [a.id, a]));
      const errors = [];
      for (const applicationId of ids) {
        const a = visible.get(applicationId);
        if (!a) errors.push({ field: 'applicationIds', message: `申请 ${applicationId} 不存在或不在专项行动范围内 / application ${applicationId} not found in the campaign’s unit` });
        else if (a.stage !== 'decided' || !a.passed || a.campaign_id) errors.push({ field: 'applicationIds', message: `申请 ${applicationId} 不是已通过集体研究的待批准申请 / application ${applicationId} is not decided with a passing vote` });
      }
      if (errors.length > 0) throw new Problem(422, 'application-not-listable', '申请不能纳入专项行动 / Applications cannot be listed', `${errors.length} 份申请不能纳入 / ${errors.length} application(s) cannot be listed`, errors.slice(0, 50));
      const added: unknown[] = await tx.query(
        `INSERT INTO aid_campaign_listings (campaign_id, member_id, channel, source_id, added_at)
         SELECT $1, x.member_id, 'application', x.id, $4 FROM unnest($2::uuid[], $3::uuid[]) AS x(id, member_id)
         ON CONFLICT DO NOTHING RETURNING member_id`,
        [campaign.id, [...visible.keys()], [...visible.values()].map((a) => a.member_id), new Date()],
      );
      await this.listChanged(tx, campaign.id);
      return { added: added.length };
    });
  }

  /**
   * Channel 2: a roster from a district or an enterprise. The whole file is checked first (type,
   * encoding, header: refused whole, nothing recorded); then a job lists its good rows in chunks,
   * with progress, and reports every rejected row with its line and reason.
   */
  async nominate(id: string, roster: NominationRoster, principal: Principal, field = 'file'): Promise<NominationJobView> {
    const campaign = await this.transaction.run((tx) => this.collecting(tx, id, principal));
    const screen = new NominationScreen();
    const people: NominatedPerson[] = [];
    const rejections: RowRejection[] = [];
    const read = await scanRoster(
      roster.open,
      roster.fileName,
      NOMINATION_COLUMNS,
      (row) => {
        const screened = screen.screen(row);
        if (screened.person) people.push(screened.person);
        rejections.push(...screened.rejections);
      },
      { maxBytes: MAX_NOMINATION_BYTES },
    );
    if (!read.ok) throw rosterProblem(read.problem, field, MAX_NOMINATION_BYTES);
    const job: CampaignNomination = {
      id: randomUUID(),
      campaignId: campaign.id,
      fileName: roster.fileName.slice(0, 255),
      nominatedBy: roster.nominatedBy.trim(),
      status: 'running',
      totalRows: read.rows,
      rowsDone: new Set(rejections.map((r) => r.line)).size,
      accepted: 0,
      rejected: new Set(rejections.map((r) => r.line)).size,
      rejections,
      submittedBy: principal.username,
      submittedAt: new Date(),
      finishedAt: null,
    };
    await this.dataSource.manager.insert(CampaignNomination, job);
    void this.runNomination(job, people);
    return toNominationView(job);
  }

  async nomination(campaignId: string, jobId: string, principal: Principal): Promise<NominationJobView> {
    await this.find(this.dataSource.manager, campaignId, principal);
    const job = await this.dataSource.manager.findOneBy(CampaignNomination, { id: jobId, campaignId });
    if (!job) throw Problem.notFound(`名单任务不存在 / Nomination ${jobId} not found`);
    return toNominationView(job);
  }

  private async runNomination(job: CampaignNomination, people: NominatedPerson[]): Promise<void> {
    try {
      for (let i = 0; i < people.length; i += CHUNK) {
        const chunk = people.slice(i, i + CHUNK);
        await this.transaction.run(async (tx) => {
          // Hand-written: a chunk in one statement; a person nominated again has their facts brought up to date
          await tx.query(
            `INSERT INTO aid_campaign_listings (campaign_id, member_id, channel, source_id, employment_form, industry, child_in_school, added_at)
             SELECT $1, x.member_id, 'nomination', $2, x.form, x.industry, x.child, $3
               FROM unnest($4::uuid[], $5::text[], $6::text[], $7::boolean[]) AS x(member_id, form, industry, child)
             ON CONFLICT (campaign_id, member_id, channel) DO UPDATE
               SET source_id = EXCLUDED.source_id, employment_form = EXCLUDED.employment_form, industry = EXCLUDED.industry, child_in_school = EXCLUDED.child_in_school`,
            [job.campaignId, job.id, new Date(), chunk.map((p) => p.memberId), chunk.map((p) => p.employmentForm), chunk.map((p) => p.industry), chunk.map((p) => p.childInSchool)],
          );
          await tx.query('UPDATE aid_campaign_nominations SET rows_done = rows_done + $2, accepted = accepted + $2 WHERE id = $1', [job.id, chunk.length]);
          await this.listChanged(tx, job.campaignId);
        });
      }
      await this.dataSource.query(`UPDATE aid_campaign_nominations SET status = 'completed', finished_at = now() WHERE id = $1`, [job.id]);
    } catch (error) {
      this.logger.error(`nomination ${job.id} failed: ${(error as Error).message}`);
      await this.dataSource
        .query(`UPDATE aid_campaign_nominations SET status = 'failed', finished_at = now() WHERE id = $1`, [job.id])
        .catch(() => undefined);
    }
  }

  /**
   * The cross-check: every listed person's channels, membership, file and payments gathered in
   * one query, classified by the pure rules, the verdicts written in one statement; then the
   * missed (qualifying files listed by no channel) in one more.
   */
  crossCheck(id: string, principal: Principal): Promise<CrossCheckSummary> {
    return this.transaction.run(async (tx) => {
      const campaign = await this.find(tx, id, principal, true);
      if (campaign.status === 'closed') throw this.wrongStatus(campaign, 'cross-check');
      // Hand-written: the whole list in one set-based query
      const rows: {
        member_id: string;
        channels: Channel[];
        employment_form: string | null;
        industry: string | null;
        child_in_school: boolean | null;
        member_status: string | null;
        org_unit_path: string | null;
        hardship_file_id: string | null;
        grade: string | null;
        paid_here: boolean;
        paid_excluded: boolean;
      }[] = await tx.query(
        `WITH people AS (
           SELECT l.member_id, array_agg(DISTINCT l.channel) AS channels,
                  (array_agg(l.employment_form ORDER BY l.added_at) FILTER (WHERE l.employment_form IS NOT NULL))[1] AS employment_form,
                  (array_agg(l.industry ORDER BY l.added_at) FILTER (WHERE l.industry IS NOT NULL))[1] AS industry,
                  (array_agg(l.child_in_school ORDER BY l.added_at) FILTER (WHERE l.child_in_school IS NOT NULL))[1] AS child_in_school
             FROM aid_campaign_listings l WHERE l.campaign_id = $1 GROUP BY l.member_id
         ), paid AS (
           SELECT DISTINCT a.member_id, a.campaign_id = $1 AS here FROM aid_applications a
            WHERE (a.campaign_id = $1 OR a.campaign_id = ANY($3)) AND a.stage = ANY($4)
           UNION -- people on the in-kind distribution list were confirmed too
           SELECT g.member_id, g.campaign_id = $1 FROM aid_campaign_distribution_lines g WHERE g.campaign_id = $1 OR g.campaign_id = ANY($3)
         )
         SELECT p.*, d.status AS member_status, d.org_unit_path, f.id AS hardship_file_id, f.grade,
                EXISTS (SELECT 1 FROM paid x WHERE x.member_id = p.member_id AND x.here) AS paid_here,
                EXISTS (SELECT 1 FROM paid x WHERE x.member_id = p.member_id AND NOT x.here) AS paid_excluded
           FROM people p
           LEFT JOIN member_directory d ON d.member_id = p.member_id AND d.org_unit_path LIKE $2 || '%'
           LEFT JOIN hardship_files f ON f.member_id = p.member_id AND f.status = 'open'`,
        [campaign.id, campaign.orgUnitPath, campaign.excludedCampaignIds, LIVE_STAGES],
      );
      const verdicts = rows.map((r) => ({
        row: r,
        verdict: classify(
          {
            channels: r.channels,
            memberStatus: r.member_status,
            facts: mergeFacts(r.hardship_file_id ? { grade: r.grade } : null, [{ employmentForm: r.employment_form, industry: r.industry, childInSchool: r.child_in_school }]),
            paidInThisCampaign: r.paid_here,
            paidInExcluded: r.paid_excluded,
          },
          campaign.eligibility,
        ),
      }));
      await tx.query('DELETE FROM aid_campaign_verdicts WHERE campaign_id = $1', [campaign.id]);
      await tx.query(
        `INSERT INTO aid_campaign_verdicts (campaign_id, member_id, outcome, duplicate, channels, reason, hardship_file_id, org_unit_path)
         SELECT $1, x.member_id, x.outcome, x.duplicate, string_to_array(x.channels, ','), x.reason, x.file, x.path
           FROM unnest($2::uuid[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::uuid[], $8::text[]) AS x(member_id, outcome, duplicate, channels, reason, file, path)`,
        [
          campaign.id,
          verdicts.map((v) => v.row.member_id),
          verdicts.map((v) => v.verdict.outcome),
          verdicts.map((v) => v.verdict.duplicate),
          verdicts.map((v) => [...v.row.channels].sort().join(',')),
          verdicts.map((v) => v.verdict.reason),
          verdicts.map((v) => v.row.hardship_file_id),
          verdicts.map((v) => v.row.org_unit_path),
        ],
      );
      const grades = gradesSought(campaign.eligibility);
      if (grades) {
        const others = campaign.eligibility.some((r) => r.fact !== 'hardship-grade');
        // Hand-written: the missed in one statement (qualifying open files of active members that no channel listed, not paid here)
        await tx.query(
          `INSERT INTO aid_campaign_verdicts (campaign_id, member_id, outcome, duplicate, channels, reason, hardship_file_id, org_unit_path)
           SELECT $1, f.member_id, 'missed', false, '{}', $5, f.id, d.org_unit_path
             FROM hardship_files f JOIN member_directory d ON d.member_id = f.member_id AND d.status = 'active'
            WHERE f.status = 'open' AND f.grade = ANY($3) AND f.org_unit_path LIKE $2 || '%'
              AND NOT EXISTS (SELECT 1 FROM aid_campaign_listings l WHERE l.campaign_id = $1 AND l.member_id = f.member_id)
              AND NOT EXISTS (SELECT 1 FROM aid_applications a WHERE a.campaign_id = $1 AND a.member_id = f.member_id AND a.stage = ANY($4))
              AND NOT EXISTS (SELECT 1 FROM aid_campaign_distribution_lines g WHERE g.campaign_id = $1 AND g.member_id = f.member_id)`,
          [
            campaign.id,
            campaign.orgUnitPath,
            grades,
            LIVE_STAGES,
            others
              ? '困难等级符合但未经任何渠道提名（其他条件需核实） / the grade qualifies but no channel listed them (other conditions to verify)'
              : '符合条件但未经任何渠道提名 / qualifies but no channel listed them',
          ],
        );
      }
      const now = new Date();
      await tx.query('UPDATE aid_campaigns SET checked_at = $2 WHERE id = $1', [campaign.id, now]);
      return this.summary(tx, { ...campaign, checkedAt: now });
    });
  }

  async report(id: string, query: CrossCheckQuery, principal: Principal): Promise<CrossCheckReport> {
    const manager = this.dataSource.manager;
    const campaign = await this.find(manager, id, principal);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor<{ m: string }>(query.cursor, { m: 'uuid' });
    const rows: { member_id: string; outcome: CrossCheckOutcome; duplicate: boolean; channels: string[]; reason: string | null; hardship_file_id: string | null; org_unit_path: string | null }[] = await manager.query(
      `SELECT member_id, outcome, duplicate, channels, reason, hardship_file_id, org_unit_path FROM aid_campaign_verdicts
        WHERE campaign_id = $1 AND ($2::text IS NULL OR outcome = $2) AND ($3::boolean IS NULL OR duplicate = $3) AND ($4::uuid IS NULL OR member_id > $4)
        ORDER BY member_id LIMIT $5`,
      [campaign.id, query.outcome ?? null, query.duplicate === undefined ? null : query.duplicate === 'true', after?.m ?? null, limit + 1],
    );
    const page = toPage(
      rows,
      limit,
      (r) => {
        // a person outside the caller's own subtree (a district officer looking at a city campaign) is shown without their file
        const visible = r.org_unit_path === null || inScope(principal, r.org_unit_path);
        return { memberId: r.member_id, outcome: r.outcome, duplicate: r.duplicate, channels: r.channels, reason: r.reason, hardshipFileId: visible ? r.hardship_file_id : null };
      },
      (r) => ({ m: r.member_id }),
    );
    return { summary: await this.summary(manager, campaign), ...page };
  }

  /**
   * Confirm the payable people of the last cross-check as one round: their decided applications
   * in the campaign are approved, everyone else gets an approved application of the campaign;
   * one guarded reservation of the total (422, nothing applied, when the budget is short); one
   * payment batch of exactly these applications. Someone who left since the cross-check is passed over.
   * A standard with items also puts the same people on the in-kind distribution list; an
   * items-only standard makes only the list (no application, reservation or batch).
   */
  confirm(id: string, principal: Principal, requestId?: string): Promise<ConfirmationView> {
    return this.transaction.run(
      async (tx) => {
        const campaign = await this.find(tx, id, principal, true);
        if (campaign.status === 'closed') throw this.wrongStatus(campaign, 'confirm');
        if (!campaign.checkedAt || campaign.checkedAt < campaign.listChangedAt) {
          throw Problem.conflict('cross-check-stale', '名单在上次核验后有变动（或尚未核验），请先重新交叉核验 / The list changed since the last cross-check (or was never checked): run the cross-check first');
        }
        if (campaign.cashFen === null) return this.confirmInKind(tx, campaign, requestId);
        const budget = await this.budgets.findInScope(campaign.budgetId, principal, tx);
        if (!covers(budget.orgUnitPath, campaign.orgUnitPath)) throw Problem.unprocessable('budget-does-not-cover', '该资金不覆盖专项行动的单位 / The budget does not cover the campaign’s unit');
        const now = new Date();
        const cash = campaign.cashFen;
        const reason = `专项行动：${campaign.name}`;
        // the individual applications listed for payable people are approved into the campaign
        const fromApplications: Approved[] = await tx.query(
          `UPDATE aid_applications a SET stage = 'approved', approved_by = 'committee', approved_amount_fen = $3, budget_id = $4, approved_at = $5, campaign_id = $1
             FROM aid_campaign_listings l JOIN aid_campaign_verdicts v ON v.campaign_id = l.campaign_id AND v.member_id = l.member_id AND v.outcome = 'payable'
            WHERE l.campaign_id = $1 AND l.channel = 'application' AND a.id = l.source_id AND a.stage = 'decided' AND a.org_unit_path LIKE $2 || '%'
              AND EXISTS (SELECT 1 FROM member_directory d WHERE d.member_id = a.member_id AND d.status = 'active')
           RETURNING a.id, a.member_id, a.org_unit_id, a.kind`,
          [campaign.id, campaign.orgUnitPath, cash, budget.id, now],
        ).then((r) => returnedRows<Approved>(r));
        await tx.query(
          `INSERT INTO aid_application_steps (id, application_id, action, from_stage, to_stage, actor, acted_at)
           SELECT gen_random_uuid(), x.id, 'approve', 'decided', 'approved', $2, $3 FROM unnest($1::uuid[]) AS x(id)`,
          [fromApplications.map((a) => a.id), principal.username, now],
        );
        // Hand-written: everyone else payable gets an approved application of the campaign, set-based
        const created: Approved[] = await tx.query(
          `INSERT INTO aid_applications (id, member_id, hardship_file_id, org_unit_id, org_unit_path, kind, requested_amount_fen, reason, stage, approved_by, approved_amount_fen, budget_id, submitted_by, submitted_at, approved_at, campaign_id)
           SELECT gen_random_uuid(), v.member_id, v.hardship_file_id, d.org_unit_id, d.org_unit_path, $2, $3, $4, 'approved', 'committee', $3, $5, $6, $7, $7, $1
             FROM aid_campaign_verdicts v JOIN member_directory d ON d.member_id = v.member_id AND d.status = 'active'
            WHERE v.campaign_id = $1 AND v.outcome = 'payable'
              AND NOT EXISTS (SELECT 1 FROM aid_applications a WHERE a.campaign_id = $1 AND a.member_id = v.member_id AND a.stage NOT IN ('rejected', 'cancelled'))
           RETURNING id, member_id, org_unit_id, kind`,
          [campaign.id, aidKindOf(campaign.kind), cash, reason, budget.id, principal.username, now],
        );
        await tx.query(
          `INSERT INTO aid_application_steps (id, application_id, action, from_stage, to_stage, actor, acted_at)
           SELECT gen_random_uuid(), x.id, 'approve', NULL, 'approved', $2, $3 FROM unnest($1::uuid[]) AS x(id)`,
          [created.map((a) => a.id), principal.username, now],
        );
        const approved = [...fromApplications, ...created];
        if (approved.length === 0) throw Problem.unprocessable('nothing-to-confirm', '核验结果中没有可发放的人员 / The cross-check found nobody payable');
        // the batch of exactly this round's applications, as disbursement gathers one
        const batch: PaymentBatch = { id: randomUUID(), budgetId: budget.id, orgUnitPath: budget.orgUnitPath, createdBy: principal.username, createdAt: now };
        await tx.insert(PaymentBatch, batch);
        await tx.query(
          `INSERT INTO payment_instructions (id, batch_id, budget_id, application_id, member_id, org_unit_path, amount_fen, status, created_at)
           SELECT gen_random_uuid(), $1, a.budget_id, a.id, a.member_id, a.org_unit_path, a.approved_amount_fen, 'pending', $2
             FROM aid_applications a WHERE a.id = ANY($3)`,
          [batch.id, now, approved.map((a) => a.id)],
        );
        const round = campaign.rounds + 1;
        const distributionLines = await this.distribution.addLines(tx, campaign, approved.map((a) => a.member_id), round, now);
        // the list must be checked again before another round
        await tx.query(`UPDATE aid_campaigns SET status = 'confirmed', rounds = $2, confirmed_at = $3, checked_at = NULL WHERE id = $1`, [campaign.id, round, now]);
        // each application is approved as the casework knows it: ids, kind and amount only
        await this.runtime.outbox.recordMany(
          tx,
          AidApplicationApprovedV1,
          approved.map((a) => ({ applicationId: a.id, memberId: a.member_id, orgUnitId: a.org_unit_id, kind: a.kind, budgetId: budget.id, approvedAmountFen: cash, approvedBy: 'committee' as const, approvedAt: now.toISOString() })),
          { correlationId: requestId },
        );
        await this.runtime.outbox.record(
          tx,
          AidCampaignConfirmedV1,
          { campaignId: campaign.id, kind: campaign.kind, orgUnitId: campaign.orgUnitId, budgetId: budget.id, round, beneficiaries: approved.length, reservedFen: approved.length * cash, paymentBatchId: batch.id, confirmedAt: now.toISOString() },
          { correlationId: requestId },
        );
        // last, so that the budget row is locked for as short a time as possible
        await this.ledger.moveMany(tx, budget.id, 'reservation', approved.map((a) => ({ applicationId: a.id, amountFen: cash })), principal.username, now);
        return { round, beneficiaries: approved.length, reservedFen: approved.length * cash, paymentBatchId: batch.id, distributionLines };
      },
      { aid_applications_one_per_campaign: () => Problem.conflict('confirmation-in-progress', '该专项行动正在另一处确认 / The campaign is being confirmed elsewhere') },
    );
  }

  /** An items-only standard: the payable people still members go on the distribution list, nothing is paid. */
  private async confirmInKind(tx: Tx, campaign: Campaign, requestId?: string): Promise<ConfirmationView> {
    const now = new Date();
    const round = campaign.rounds + 1;
    const payable: { member_id: string }[] = await tx.query(
      `SELECT v.member_id FROM aid_campaign_verdicts v JOIN member_directory d ON d.member_id = v.member_id AND d.status = 'active'
        WHERE v.campaign_id = $1 AND v.outcome = 'payable'`,
      [campaign.id],
    );
    const added = await this.distribution.addLines(tx, campaign, payable.map((p) => p.member_id), round, now);
    if (added === 0) throw Problem.unprocessable('nothing-to-confirm', '核验结果中没有可发放的人员 / The cross-check found nobody payable');
    await tx.query(`UPDATE aid_campaigns SET status = 'confirmed', rounds = $2, confirmed_at = $3, checked_at = NULL WHERE id = $1`, [campaign.id, round, now]);
    await this.runtime.outbox.record(
      tx,
      AidCampaignConfirmedV1,
      { campaignId: campaign.id, kind: campaign.kind, orgUnitId: campaign.orgUnitId, budgetId: campaign.budgetId, round, beneficiaries: added, reservedFen: 0, paymentBatchId: null, confirmedAt: now.toISOString() },
      { correlationId: requestId },
    );
    return { round, beneficiaries: added, reservedFen: 0, paymentBatchId: null, distributionLines: added };
  }

  /** Close the campaign once the bank has settled every payment: publishes the paid totals. */
  close(id: string, principal: Principal, requestId?: string): Promise<CampaignView> {
    return this.transaction.run(async (tx) => {
      const campaign = await this.find(tx, id, principal, true);
      if (campaign.status !== 'confirmed') throw this.wrongStatus(campaign, 'close');
      const figures = await this.figures(tx, campaign.id);
      if (figures.pending > 0) throw Problem.conflict('payments-pending', `还有 ${figures.pending} 笔发放等待银行结果 / ${figures.pending} payment(s) still wait for the bank’s result`);
      // the in-kind list does not hold the close up: goods reach people at their own pace, and handovers are still recorded after it
      const now = new Date();
      await tx.query(`UPDATE aid_campaigns SET status = 'closed', closed_at = $2 WHERE id = $1`, [campaign.id, now]);
      await this.runtime.outbox.record(
        tx,
        AidCampaignPaidV1,
        { campaignId: campaign.id, kind: campaign.kind, orgUnitId: campaign.orgUnitId, budgetId: campaign.budgetId, paidCount: figures.paid, paidFen: figures.paidFen, failedCount: figures.failed, closedAt: now.toISOString() },
        { correlationId: requestId },
      );
      return toCampaignView({ ...campaign, status: 'closed', closedAt: now }, figures);
    });
  }

  private async summary(tx: Tx, campaign: Campaign): Promise<CrossCheckSummary> {
    const rows: { outcome: CrossCheckOutcome; duplicate: boolean; n: number }[] = await tx.query(
      'SELECT outcome, duplicate, count(*)::int AS n FROM aid_campaign_verdicts WHERE campaign_id = $1 GROUP BY outcome, duplicate',
      [campaign.id],
    );
    const verdicts = rows.flatMap((r) => Array.from({ length: r.n }, () => ({ outcome: r.outcome, duplicate: r.duplicate })));
    return { ...summarise(verdicts, campaign.cashFen ?? 0), checkedAt: campaign.checkedAt ? chinaTime(campaign.checkedAt) : null };
  }

  private async figures(tx: Tx, campaignId: string): Promise<CampaignFigures> {
    // Hand-written: the campaign's money at a glance, from its applications and their instructions
    const [row] = await tx.query(
      `SELECT count(*)::int AS confirmed, coalesce(sum(a.approved_amount_fen), 0)::text AS confirmed_fen,
              count(p.id) FILTER (WHERE p.status = 'paid')::int AS paid, coalesce(sum(p.amount_fen) FILTER (WHERE p.status = 'paid'), 0)::text AS paid_fen,
              count(p.id) FILTER (WHERE p.status = 'pending')::int AS pending, count(p.id) FILTER (WHERE p.status = 'failed')::int AS failed
         FROM aid_applications a LEFT JOIN payment_instructions p ON p.application_id = a.id AND p.status <> 'reissued'
        WHERE a.campaign_id = $1 AND a.stage = ANY($2)`,
      [campaignId, LIVE_STAGES],
    );
    return { confirmed: row.confirmed, confirmedFen: Number(row.confirmed_fen), paid: row.paid, paidFen: Number(row.paid_fen), pending: row.pending, failed: row.failed };
  }

  private async find(tx: Tx, id: string, principal: Principal, lock = false): Promise<Campaign> {
    const campaign = await tx.getRepository(Campaign).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    return requireInScope(campaign, (c) => c.orgUnitPath, principal, `专项行动不存在 / Campaign ${id} not found`);
  }

  private async collecting(tx: Tx, id: string, principal: Principal): Promise<Campaign> {
    const campaign = await this.find(tx, id, principal);
    if (campaign.status === 'closed') throw this.wrongStatus(campaign, 'list');
    return campaign;
  }

  private async listChanged(tx: Tx, campaignId: string): Promise<void> {
    await tx.query('UPDATE aid_campaigns SET list_changed_at = now() WHERE id = $1', [campaignId]);
  }

  private wrongStatus(campaign: Campaign, action: string): Problem {
    return Problem.conflict('wrong-campaign-status', `专项行动当前为“${STATUS_LABELS[campaign.status]}”，不能进行此操作 / The campaign is ${campaign.status}: it cannot ${action}`);
  }
}
