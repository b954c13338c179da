import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AidCampaignDistributionRecordedV1 } from '@gonghui/contracts';
import { inScope, Principal, scopeLikePattern } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import {
  chinaDate,
  chinaTime,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  Problem,
  ServiceRuntime,
  toPage,
  TransactionBoundary,
} from '@gonghui/service-kit';
import { csvLine } from '../disbursement/domain/bank-file';
import {
  countLines,
  decideHandover,
  DistributionCounts,
  HandoverInput,
  LINE_STATUS_LABELS,
  LineStatus,
  NotDeliveredReason,
  ProxyRelation,
  SIGN_SHEET_HEADER,
  signSheetRows,
} from './domain/distribution';
import { Campaign, InKindItem } from './campaign.entity';
import { DistributionLineView, DistributionPage, DistributionQuery } from './campaign.dto';

interface LineRow {
  id: string;
  member_id: string;
  round: number;
  items: InKindItem[];
  status: LineStatus;
  delivered_on: string | null;
  received_by: 'member' | 'proxy' | null;
  proxy_name: string | null;
  proxy_relation: ProxyRelation | null;
  reason: NotDeliveredReason | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: Date | null;
}

const LINE_COLUMNS = `l.id, l.member_id, l.round, l.items, l.status, to_char(l.delivered_on, 'YYYY-MM-DD') AS delivered_on, l.received_by, l.proxy_name, l.proxy_relation, l.reason, l.note, l.recorded_by, l.recorded_at`;

const toLineView = (r: LineRow): DistributionLineView => ({
  id: r.id,
  memberId: r.member_id,
  round: r.round,
  items: r.items,
  status: r.status,
  deliveredOn: r.delivered_on,
  receivedBy: r.received_by,
  proxyName: r.proxy_name,
  proxyRelation: r.proxy_relation,
  reason: r.reason,
  note: r.note,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at ? chinaTime(r.recorded_at) : null,
});

/**
 * The in-kind distribution list of a campaign (实物发放清单): lines made at confirmation, one per
 * confirmed person with the standard's items; handovers (签收) recorded per line by the officers
 * of the member's subtree; the paper sign sheet (签收表). An officer sees the campaigns of their
 * subtree, and the lines of their own subtree in a campaign of a unit above them (a district
 * officer handing out a city campaign's goods sees that district's members only).
 */
@Injectable()
export class CampaignDistribution {
  constructor(
    private readonly transaction: TransactionBoundary,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Confirmation: a line for each of these members not listed yet, with the campaign's items. Answers how many were added. */
  async addLines(tx: Tx, campaign: Campaign, memberIds: string[], round: number, now: Date): Promise<number> {
    if (campaign.items.length === 0 || memberIds.length === 0) return 0;
    const added: unknown[] = await tx.query(
      `INSERT INTO aid_campaign_distribution_lines (id, campaign_id, member_id, round, items, created_at)
       SELECT gen_random_uuid(), $1, x.member_id, $2, $3::jsonb, $4 FROM unnest($5::uuid[]) AS x(member_id)
       ON CONFLICT (campaign_id, member_id) DO NOTHING RETURNING member_id`,
      [campaign.id, round, JSON.stringify(campaign.items), now, memberIds],
    );
    return added.length;
  }

  async page(campaignId: string, query: DistributionQuery, principal: Principal): Promise<DistributionPage> {
    const manager = this.dataSource.manager;
    const campaign = await this.visibleCampaign(manager, campaignId, principal);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor<{ m: string }>(query.cursor, { m: 'uuid' });
    const rows: LineRow[] = await manager.query(
      `SELECT ${LINE_COLUMNS} FROM aid_campaign_distribution_lines l JOIN member_directory d ON d.member_id = l.member_id AND d.org_unit_path LIKE $2
        WHERE l.campaign_id = $1 AND ($3::text IS NULL OR l.status = $3) AND ($4::uuid IS NULL OR l.member_id > $4)
        ORDER BY l.member_id LIMIT $5`,
      [campaign.id, scopeLikePattern(principal), query.status ?? null, after?.m ?? null, limit + 1],
    );
    return { counts: await this.counts(manager, campaign.id, principal), ...toPage(rows, limit, toLineView, (r) => ({ m: r.member_id })) };
  }

  /**
   * Record the handover of one line: delivered (day, by the member or a named proxy) or not
   * delivered with a reason. A delivered line is final (409 naming its state); a not-delivered one
   * may be recorded again (the member was found later). Still open once the campaign is closed (closing
   * settles the money; goods reach people at their own pace). Publishes the delivery (member and items only).
   */
  handover(
    campaignId: string,
    lineId: string,
    input: HandoverInput,
    principal: Principal,
    requestId?: string,
  ): Promise<DistributionLineView> {
    return this.transaction.run(async (tx) => {
      const campaign = await this.visibleCampaign(tx, campaignId, principal);
      const [line]: (LineRow & { org_unit_path: string })[] = await tx.query(
        `SELECT ${LINE_COLUMNS}, d.org_unit_path FROM aid_campaign_distribution_lines l JOIN member_directory d ON d.member_id = l.member_id
          WHERE l.id = $1 AND l.campaign_id = $2 FOR UPDATE OF l`,
        [lineId, campaign.id],
      );
      if (!line || !inScope(principal, line.org_unit_path))
        throw Problem.notFound(`发放清单中没有这一行 / Distribution line ${lineId} not found`);
      const now = new Date();
      const decision = decideHandover(line.status, input, chinaDate(now), chinaDate(campaign.confirmedAt ?? now));
      if (!decision.ok) {
        if ('conflict' in decision) {
          throw Problem.conflict(
            'line-already-recorded',
            `该行已为“${LINE_STATUS_LABELS[decision.conflict]}”，不能重复登记 / The line is already ${decision.conflict}: it cannot be recorded again`,
          );
        }
        throw Problem.badRequest('签收信息有误 / The handover is invalid', decision.errors);
      }
      const h = decision.handover;
      await tx.query(
        `UPDATE aid_campaign_distribution_lines SET status = $2, delivered_on = $3, received_by = $4, proxy_name = $5, proxy_relation = $6, reason = $7, note = $8, recorded_by = $9, recorded_at = $10 WHERE id = $1`,
        [line.id, h.status, h.deliveredOn, h.receivedBy, h.proxyName, h.proxyRelation, h.reason, h.note, principal.username, now],
      );
      if (h.status === 'delivered') {
        // who received the goods for the member, and why some could not be delivered, stay here
        await this.runtime.outbox.record(
          tx,
          AidCampaignDistributionRecordedV1,
          {
            campaignId: campaign.id,
            kind: campaign.kind,
            orgUnitId: campaign.orgUnitId,
            memberId: line.member_id,
            items: line.items,
            deliveredOn: h.deliveredOn!,
            recordedAt: now.toISOString(),
          },
          { correlationId: requestId },
        );
      }
      return toLineView({
        ...line,
        status: h.status,
        delivered_on: h.deliveredOn,
        received_by: h.receivedBy,
        proxy_name: h.proxyName,
        proxy_relation: h.proxyRelation,
        reason: h.reason,
        note: h.note,
        recorded_by: principal.username,
        recorded_at: now,
      });
    });
  }

  /** The paper sign sheet (签收表) of the lines in the caller's subtree, by unit then member, CSV UTF-8 with BOM. */
  async signSheet(campaignId: string, status: LineStatus | undefined, principal: Principal): Promise<StreamableFile> {
    const manager = this.dataSource.manager;
    const campaign = await this.visibleCampaign(manager, campaignId, principal);
    const rows: LineRow[] = await manager.query(
      `SELECT ${LINE_COLUMNS} FROM aid_campaign_distribution_lines l JOIN member_directory d ON d.member_id = l.member_id AND d.org_unit_path LIKE $2
        WHERE l.campaign_id = $1 AND ($3::text IS NULL OR l.status = $3) ORDER BY d.org_unit_path, l.member_id`,
      [campaign.id, scopeLikePattern(principal), status ?? null],
    );
    // aid's member directory keeps no names or member numbers (id, unit, status only): the sheet names the member id
    const lines = rows.map((r) => ({
      memberId: r.member_id,
      memberLabel: null,
      items: r.items,
      status: r.status,
      deliveredOn: r.delivered_on,
      receivedBy: r.received_by,
      proxyName: r.proxy_name,
      proxyRelation: r.proxy_relation,
      reason: r.reason,
      note: r.note,
    }));
    const text = [csvLine(SIGN_SHEET_HEADER), ...signSheetRows(lines).map(csvLine)].join('\r\n') + '\r\n';
    // with a BOM, so that a spreadsheet opens the Chinese right
    return new StreamableFile(Buffer.from(`\uFEFF${text}`, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="campaign-${campaign.id}-distribution.csv"`,
    });
  }

  private async counts(tx: Tx, campaignId: string, principal: Principal): Promise<DistributionCounts> {
    const rows: { status: LineStatus; n: number }[] = await tx.query(
      `SELECT l.status, count(*)::int AS n FROM aid_campaign_distribution_lines l JOIN member_directory d ON d.member_id = l.member_id AND d.org_unit_path LIKE $2
        WHERE l.campaign_id = $1 GROUP BY l.status`,
      [campaignId, scopeLikePattern(principal)],
    );
    return countLines(Object.fromEntries(rows.map((r) => [r.status, r.n])));
  }

  /** A campaign of the caller's subtree, or of a unit above them (whose lines they see in part); otherwise 404. */
  private async visibleCampaign(tx: Tx, id: string, principal: Principal): Promise<Campaign> {
    const campaign = await tx.getRepository(Campaign).findOneBy({ id });
    if (!campaign || !(inScope(principal, campaign.orgUnitPath) || principal.scopePath.startsWith(campaign.orgUnitPath)))
      throw Problem.notFound(`专项行动不存在 / Campaign ${id} not found`);
    return campaign;
  }
}
