import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBase64, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CAMPAIGN_KINDS, CampaignKind } from '@gonghui/contracts';
import { chinaTime, PageQuery } from '@gonghui/service-kit';
import { MAX_FEN } from '../budgets/budget.dto';
import { CROSS_CHECK_OUTCOMES, CrossCheckOutcome } from './domain/cross-check';
import { ELIGIBILITY_FACTS } from './domain/eligibility';
import { LINE_STATUSES, LineStatus, NOT_DELIVERED_REASONS, NotDeliveredReason, PROXY_RELATIONS, ProxyRelation } from './domain/distribution';
import { Campaign, CampaignNomination } from './campaign.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class InKindItemDto {
  @ApiProperty({ example: '米', description: '物品名称 item' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 10, description: '每人数量 quantity per person' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity!: number;

  @ApiProperty({ example: '公斤', description: '单位 unit' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  unit!: string;
}

export class EligibilityConditionDto {
  @ApiProperty({ enum: ELIGIBILITY_FACTS, example: 'hardship-grade', description: '条件 fact: 困难等级 / 用工形式 / 行业 / 有在读子女' })
  fact!: string;

  @ApiPropertyOptional({ example: ['deep', 'relative'], description: 'Qualifying values (hardship-grade, employment-form, industry)' })
  anyOf?: string[];

  @ApiPropertyOptional({ example: true, description: 'Yes or no (child-in-school)' })
  equals?: boolean;
}

export class CreateCampaignRequest {
  @ApiProperty({ example: '2027年两节送温暖', description: '名称 name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: CAMPAIGN_KINDS, example: 'spring-warmth', description: '类别：两节送温暖 / 夏送清凉 / 金秋助学 / 两癌关爱 / 其他' })
  @IsIn(CAMPAIGN_KINDS as CampaignKind[], { message: `kind 须为 ${CAMPAIGN_KINDS.join('、')} 之一 / kind must be one of ${CAMPAIGN_KINDS.join(', ')}` })
  kind!: CampaignKind;

  @ApiProperty({ example: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f', description: 'The aid budget the campaign reserves from; the campaign belongs to its unit' })
  @IsUUID()
  budgetId!: string;

  @ApiProperty({ example: '2027-01-10', description: '开始日期 first day' })
  @Matches(DATE, { message: 'startsOn 须为 YYYY-MM-DD / startsOn must be YYYY-MM-DD' })
  startsOn!: string;

  @ApiProperty({ example: '2027-02-10', description: '结束日期 last day' })
  @Matches(DATE, { message: 'endsOn 须为 YYYY-MM-DD / endsOn must be YYYY-MM-DD' })
  endsOn!: string;

  @ApiPropertyOptional({ example: 33875, description: '每人现金标准（分） cash per person in fen' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  cashFen?: number;

  @ApiPropertyOptional({ type: [InKindItemDto], example: [{ name: '米', quantity: 10, unit: '公斤' }], description: '每人实物 in-kind items per person' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => InKindItemDto)
  items?: InKindItemDto[];

  @ApiPropertyOptional({ type: [EligibilityConditionDto], example: [{ fact: 'hardship-grade', anyOf: ['deep', 'relative'] }], description: 'Conditions that must all hold; a condition that cannot be evaluated is a 400' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  eligibility?: unknown[];

  @ApiPropertyOptional({ example: ['7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'], description: 'People already paid in these campaigns are not paid again (互斥的专项行动)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  excludePaidIn?: string[];
}

export class CampaignFigures {
  @ApiProperty({ example: 16000, description: 'Approved applications of the campaign (all rounds)' })
  confirmed!: number;

  @ApiProperty({ example: 542000000, description: 'Money confirmed (reserved or spent), fen' })
  confirmedFen!: number;

  @ApiProperty({ example: 15998, description: 'People paid by the bank' })
  paid!: number;

  @ApiProperty({ example: 541932250, description: 'Money paid, fen' })
  paidFen!: number;

  @ApiProperty({ example: 0, description: 'Payments still waiting for the bank’s result' })
  pending!: number;

  @ApiProperty({ example: 2, description: 'Payments the bank failed (not re-issued)' })
  failed!: number;
}

export class CampaignView {
  @ApiProperty({ example: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }) id!: string;
  @ApiProperty({ example: '2027年两节送温暖' }) name!: string;
  @ApiProperty({ enum: CAMPAIGN_KINDS, example: 'spring-warmth' }) kind!: CampaignKind;
  @ApiProperty({ example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11' }) orgUnitId!: string;
  @ApiProperty({ example: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/' }) orgUnitPath!: string;
  @ApiProperty({ example: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f' }) budgetId!: string;
  @ApiProperty({ example: '2027-01-10' }) startsOn!: string;
  @ApiProperty({ example: '2027-02-10' }) endsOn!: string;
  @ApiProperty({ example: 33875, nullable: true, type: Number }) cashFen!: number | null;
  @ApiProperty({ type: [InKindItemDto], example: [{ name: '米', quantity: 10, unit: '公斤' }] }) items!: InKindItemDto[];
  @ApiProperty({ type: [EligibilityConditionDto], example: [{ fact: 'hardship-grade', anyOf: ['deep', 'relative'] }] }) eligibility!: EligibilityConditionDto[];
  @ApiProperty({ example: [], type: [String] }) excludePaidIn!: string[];
  @ApiProperty({ enum: ['collecting', 'confirmed', 'closed'], example: 'collecting', description: '征集中 / 已确认 / 已结束' }) status!: string;
  @ApiProperty({ example: 1, description: 'Confirmation rounds so far (a supplementary round 补发 is a second one)' }) rounds!: number;
  @ApiProperty({ example: '2027-01-18T10:00:00.000+08:00', nullable: true, type: String, description: 'When the list was last cross-checked' }) checkedAt!: string | null;
  @ApiProperty({ example: true, description: 'The list changed since the last cross-check: confirm needs a new one' }) crossCheckStale!: boolean;
  @ApiProperty({ example: '2027-01-05T09:00:00.000+08:00' }) createdAt!: string;
  @ApiProperty({ example: '2027-01-20T10:00:00.000+08:00', nullable: true, type: String }) confirmedAt!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ type: CampaignFigures, example: { confirmed: 16000, confirmedFen: 542000000, paid: 15998, paidFen: 541932250, pending: 0, failed: 2 } }) figures!: CampaignFigures;
}

export class CampaignPage {
  @ApiProperty({ type: [CampaignView], example: [] }) items!: CampaignView[];
  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export const toCampaignView = (c: Campaign, figures: CampaignFigures): CampaignView => ({
  id: c.id,
  name: c.name,
  kind: c.kind,
  orgUnitId: c.orgUnitId,
  orgUnitPath: c.orgUnitPath,
  budgetId: c.budgetId,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  cashFen: c.cashFen,
  items: c.items,
  eligibility: c.eligibility,
  excludePaidIn: c.excludedCampaignIds,
  status: c.status,
  rounds: c.rounds,
  checkedAt: c.checkedAt ? chinaTime(c.checkedAt) : null,
  crossCheckStale: !c.checkedAt || c.checkedAt < c.listChangedAt,
  createdAt: chinaTime(c.createdAt)!,
  confirmedAt: c.confirmedAt ? chinaTime(c.confirmedAt) : null,
  closedAt: c.closedAt ? chinaTime(c.closedAt) : null,
  figures,
});

export class ListFromHardshipFilesRequest {
  @ApiPropertyOptional({ example: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/5d0e6a1c2b3f4c4d8e5f6a7b8c9d0e1f/', description: 'Only files of this unit’s subtree (within the campaign’s)' })
  @IsOptional()
  @IsString()
  @Matches(/^\/([0-9a-f]{32}\/)+$/, { message: 'orgUnitPath 须为组织路径 / orgUnitPath must be an organisation path' })
  orgUnitPath?: string;
}

export class ListApplicationsRequest {
  @ApiProperty({ example: ['2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e'], description: 'Decided (passed) individual applications to bring into the campaign' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20_000)
  @IsUUID('all', { each: true })
  applicationIds!: string[];
}

export class ListedView {
  @ApiProperty({ example: 3, description: 'People added to the list through this channel (already listed through it: not counted)' }) added!: number;
}

/** The multipart form of a nomination roster upload (as the console sends it). */
export class NominationUpload {
  @ApiProperty({ example: '渝北区总工会', description: '推荐单位 the district or enterprise nominating (1–200 characters)' })
  nominatedBy!: string;

  @ApiProperty({
    type: 'string',
    format: 'binary',
    example: '会员编号,用工形式,有在读子女\n1e2d3c4b-5a69-4786-9a5b-4c3d2e1f0a9b,外卖骑手,是\n',
    description: 'CSV (UTF-8 with or without BOM, or GBK) or XLSX (first sheet), at most 10 MB. Header: 会员编号/memberId, optional 用工形式/employmentForm, 行业/industry, 有在读子女/childInSchool',
  })
  file!: unknown;
}

/** The same roster as JSON with the file base64 (kept for scripts: the demo seed, the benchmark). */
export class NominateRequest {
  @ApiProperty({ example: '渝北区总工会', description: '推荐单位 the district or enterprise nominating' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nominatedBy!: string;

  @ApiProperty({ example: 'yubei-nominations.csv', description: 'File name: .csv (UTF-8 or GBK) or .xlsx' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fileName!: string;

  @ApiProperty({ example: '5Lya5ZGY57yW5Y+3LOeUqOW3peW9ouW8jwo=', description: 'The file, base64 (at most 10 MB). Header: 会员编号/memberId, optional 用工形式/employmentForm, 行业/industry, 有在读子女/childInSchool' })
  @IsString()
  @IsBase64()
  @MaxLength(14_000_000)
  contentBase64!: string;
}

export class NominationRejectionView {
  @ApiProperty({ example: 3 }) line!: number;
  @ApiProperty({ example: 'memberId' }) field!: string;
  @ApiProperty({ example: '会员编号“abc”无效 / not a member id' }) reason!: string;
}

export class NominationJobView {
  @ApiProperty({ example: '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }) id!: string;
  @ApiProperty({ example: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }) campaignId!: string;
  @ApiProperty({ example: '渝北区总工会' }) nominatedBy!: string;
  @ApiProperty({ example: 'yubei-nominations.csv' }) fileName!: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'], example: 'completed', description: 'failed: the job stopped part-way (its rows done so far are listed); send the roster again' }) status!: string;
  @ApiProperty({ example: 120 }) totalRows!: number;
  @ApiProperty({ example: 120, description: 'Rows processed so far (progress)' }) rowsDone!: number;
  @ApiProperty({ example: 118 }) accepted!: number;
  @ApiProperty({ example: 2 }) rejected!: number;
  @ApiProperty({ type: [NominationRejectionView], example: [{ line: 3, field: 'memberId', reason: '会员编号“abc”无效 / not a member id' }] }) rejections!: NominationRejectionView[];
  @ApiProperty({ example: '2027-01-12T09:00:00.000+08:00' }) submittedAt!: string;
  @ApiProperty({ example: '2027-01-12T09:00:02.000+08:00', nullable: true, type: String }) finishedAt!: string | null;
}

export const toNominationView = (n: CampaignNomination): NominationJobView => ({
  id: n.id,
  campaignId: n.campaignId,
  nominatedBy: n.nominatedBy,
  fileName: n.fileName,
  status: n.status,
  totalRows: n.totalRows,
  rowsDone: n.rowsDone,
  accepted: n.accepted,
  rejected: n.rejected,
  rejections: n.rejections,
  submittedAt: chinaTime(n.submittedAt)!,
  finishedAt: n.finishedAt ? chinaTime(n.finishedAt) : null,
});

export class CrossCheckCounts {
  @ApiProperty({ example: 15990 }) payable!: number;
  @ApiProperty({ example: 3 }) 'already-paid'!: number;
  @ApiProperty({ example: 1 }) 'paid-in-excluded'!: number;
  @ApiProperty({ example: 2 }) 'not-member'!: number;
  @ApiProperty({ example: 2 }) left!: number;
  @ApiProperty({ example: 2 }) ineligible!: number;
  @ApiProperty({ example: 12 }) missed!: number;
}

export class CrossCheckSummary {
  @ApiProperty({ example: 16000, description: 'People listed, each once however many channels listed them' }) listed!: number;
  @ApiProperty({ example: 420, description: 'People listed through more than one channel (counted once)' }) duplicates!: number;
  @ApiProperty({ type: CrossCheckCounts, example: { payable: 15990, 'already-paid': 3, 'paid-in-excluded': 1, 'not-member': 2, left: 2, ineligible: 2, missed: 12 } }) counts!: CrossCheckCounts;
  @ApiProperty({ example: 541661250, description: 'Payable people × the cash standard, fen' }) payableFen!: number;
  @ApiProperty({ example: '2027-01-18T10:00:00.000+08:00', nullable: true, type: String }) checkedAt!: string | null;
}

export class VerdictView {
  @ApiProperty({ example: '1e2d3c4b-5a69-4786-9a5b-4c3d2e1f0a9b' }) memberId!: string;
  @ApiProperty({ enum: CROSS_CHECK_OUTCOMES, example: 'payable' }) outcome!: CrossCheckOutcome;
  @ApiProperty({ example: true, description: 'Listed through more than one channel' }) duplicate!: boolean;
  @ApiProperty({ example: ['hardship-file', 'nomination'], type: [String] }) channels!: string[];
  @ApiProperty({ example: null, nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ example: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d', nullable: true, type: String }) hardshipFileId!: string | null;
}

export class CrossCheckReport {
  @ApiProperty({ type: CrossCheckSummary, example: { listed: 3, duplicates: 1, counts: { payable: 2, 'already-paid': 0, 'paid-in-excluded': 0, 'not-member': 0, left: 1, ineligible: 0, missed: 1 }, payableFen: 67750, checkedAt: '2027-01-18T10:00:00.000+08:00' } })
  summary!: CrossCheckSummary;

  @ApiProperty({ type: [VerdictView], example: [{ memberId: '1e2d3c4b-5a69-4786-9a5b-4c3d2e1f0a9b', outcome: 'payable', duplicate: true, channels: ['hardship-file', 'nomination'], reason: null, hardshipFileId: null }] })
  items!: VerdictView[];

  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class CrossCheckQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CROSS_CHECK_OUTCOMES, example: 'missed', description: 'Only this outcome' })
  @IsOptional()
  @IsIn(CROSS_CHECK_OUTCOMES as CrossCheckOutcome[], { message: `outcome 须为 ${CROSS_CHECK_OUTCOMES.join('、')} 之一 / outcome must be one of ${CROSS_CHECK_OUTCOMES.join(', ')}` })
  outcome?: CrossCheckOutcome;

  @ApiPropertyOptional({ example: 'true', description: 'Only people listed through more than one channel' })
  @IsOptional()
  @IsIn(['true', 'false'])
  duplicate?: 'true' | 'false';
}

export class ConfirmationView {
  @ApiProperty({ example: 1 }) round!: number;
  @ApiProperty({ example: 15990, description: 'People confirmed in this round' }) beneficiaries!: number;
  @ApiProperty({ example: 541661250, description: 'Money reserved on the budget, fen (0 for an in-kind-only campaign)' }) reservedFen!: number;
  @ApiProperty({ example: '8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e', nullable: true, type: String, description: 'The payment batch (export it and import the bank’s result under payment-batches/); null for an in-kind-only campaign' }) paymentBatchId!: string | null;
  @ApiProperty({ example: 15990, description: 'Lines added to the in-kind distribution list (实物发放清单) in this round; 0 for a cash-only campaign' }) distributionLines!: number;
}

export class DistributionQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LINE_STATUSES, example: 'pending', description: '待发放 / 已签收 / 未送达' })
  @IsOptional()
  @IsIn(LINE_STATUSES as readonly string[] as string[], { message: `status 须为 ${LINE_STATUSES.join('、')} 之一 / status must be one of ${LINE_STATUSES.join(', ')}` })
  status?: LineStatus;
}

export class DistributionCountsView {
  @ApiProperty({ example: 120, description: 'Lines in your subtree' }) total!: number;
  @ApiProperty({ example: 80, description: '已签收 delivered' }) delivered!: number;
  @ApiProperty({ example: 3, description: '未送达 not delivered (with a reason)' }) undelivered!: number;
  @ApiProperty({ example: 37, description: '待发放 nothing recorded yet' }) pending!: number;
}

export class DistributionLineView {
  @ApiProperty({ example: '4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f' }) id!: string;
  @ApiProperty({ example: '1e2d3c4b-5a69-4786-9a5b-4c3d2e1f0a9b' }) memberId!: string;
  @ApiProperty({ example: 1, description: 'The confirmation round that listed the person' }) round!: number;
  @ApiProperty({ type: [InKindItemDto], example: [{ name: '米', quantity: 10, unit: '公斤' }] }) items!: InKindItemDto[];
  @ApiProperty({ enum: LINE_STATUSES, example: 'delivered', description: '待发放 / 已签收 / 未送达' }) status!: LineStatus;
  @ApiProperty({ example: '2027-01-22', nullable: true, type: String, description: 'Day of the handover (China)' }) deliveredOn!: string | null;
  @ApiProperty({ enum: ['member', 'proxy'], example: 'proxy', nullable: true, type: String, description: '本人 / 代领' }) receivedBy!: 'member' | 'proxy' | null;
  @ApiProperty({ example: '王芳', nullable: true, type: String, description: 'The proxy who received the goods (代领人)' }) proxyName!: string | null;
  @ApiProperty({ enum: PROXY_RELATIONS, example: 'spouse', nullable: true, type: String, description: 'The proxy’s relation to the member' }) proxyRelation!: ProxyRelation | null;
  @ApiProperty({ enum: NOT_DELIVERED_REASONS, example: null, nullable: true, type: String, description: 'Why the goods could not be delivered' }) reason!: NotDeliveredReason | null;
  @ApiProperty({ example: '本人住院，由配偶代领', nullable: true, type: String }) note!: string | null;
  @ApiProperty({ example: 'aid-yubei', nullable: true, type: String, description: 'The officer who recorded the handover (经办人)' }) recordedBy!: string | null;
  @ApiProperty({ example: '2027-01-22T15:30:00.000+08:00', nullable: true, type: String }) recordedAt!: string | null;
}

export class DistributionPage {
  @ApiProperty({ type: DistributionCountsView, example: { total: 120, delivered: 80, undelivered: 3, pending: 37 }, description: 'Counts over the whole list in your subtree (not just this page or filter)' })
  counts!: DistributionCountsView;

  @ApiProperty({ type: [DistributionLineView], example: [{ id: '4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f', memberId: '1e2d3c4b-5a69-4786-9a5b-4c3d2e1f0a9b', round: 1, items: [{ name: '米', quantity: 10, unit: '公斤' }], status: 'pending', deliveredOn: null, receivedBy: null, proxyName: null, proxyRelation: null, reason: null, note: null, recordedBy: null, recordedAt: null }] })
  items!: DistributionLineView[];

  @ApiProperty({ example: null, nullable: true, type: String }) nextCursor!: string | null;
}

export class HandoverRequest {
  @ApiProperty({ enum: ['delivered', 'not-delivered'], example: 'delivered', description: '已签收 / 未送达' })
  @IsIn(['delivered', 'not-delivered'], { message: 'outcome 须为 delivered 或 not-delivered / outcome must be delivered or not-delivered' })
  outcome!: 'delivered' | 'not-delivered';

  @ApiPropertyOptional({ example: '2027-01-22', description: 'Delivered: the day of the handover in China (from the confirmation to today)' })
  @IsOptional()
  @Matches(DATE, { message: 'deliveredOn 须为 YYYY-MM-DD / deliveredOn must be YYYY-MM-DD' })
  deliveredOn?: string;

  @ApiPropertyOptional({ enum: ['member', 'proxy'], example: 'proxy', description: 'Delivered: 本人签收 or 代领' })
  @IsOptional()
  @IsIn(['member', 'proxy'], { message: 'receivedBy 须为 member 或 proxy / receivedBy must be member or proxy' })
  receivedBy?: 'member' | 'proxy';

  @ApiPropertyOptional({ example: '王芳', description: 'Received by a proxy: their name' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  proxyName?: string;

  @ApiPropertyOptional({ enum: PROXY_RELATIONS, example: 'spouse', description: 'Received by a proxy: their relation to the member' })
  @IsOptional()
  @IsIn(PROXY_RELATIONS as readonly string[] as string[], { message: `proxyRelation 须为 ${PROXY_RELATIONS.join('、')} 之一 / proxyRelation must be one of ${PROXY_RELATIONS.join(', ')}` })
  proxyRelation?: ProxyRelation;

  @ApiPropertyOptional({ enum: NOT_DELIVERED_REASONS, example: 'moved', description: 'Not delivered: 未找到本人 / 本人谢绝 / 已搬迁 / 已去世 / 其他 (with a note)' })
  @IsOptional()
  @IsIn(NOT_DELIVERED_REASONS as readonly string[] as string[], { message: `reason 须为 ${NOT_DELIVERED_REASONS.join('、')} 之一 / reason must be one of ${NOT_DELIVERED_REASONS.join(', ')}` })
  reason?: NotDeliveredReason;

  @ApiPropertyOptional({ example: '本人住院，由配偶代领', description: 'A note (required when the reason is other)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
