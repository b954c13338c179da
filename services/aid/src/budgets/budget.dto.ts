import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { BUDGET_SOURCES, BudgetSource } from '@gonghui/contracts';
import { chinaTime, PageQuery } from '@gonghui/service-kit';
import { figuresFromTotals, LEDGER_ENTRY_KINDS, LedgerEntryKind } from './domain/budget';
import { Budget, BudgetLedgerEntry } from './budget.entity';

/** Largest amount accepted anywhere (10 billion yuan): far below 2^53, so fen stay exact. */
export const MAX_FEN = 1_000_000_000_000;
const PATH = /^\/([0-9a-f]{32}\/)+$/;
const pathMessage = 'orgUnitPath 须为组织路径，如 /<32位十六进制>/<32位十六进制>/ / orgUnitPath must be an organisation path like /<32 hex>/<32 hex>/';

export class CreateBudgetRequest {
  @ApiProperty({ example: '2026年度困难职工帮扶资金', description: '资金名称 name of the fund' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 2026, description: '年度 year of the fund' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ enum: BUDGET_SOURCES, example: 'federation-appropriation', description: '资金来源 source: 上级拨款 / 工会经费 / 财政 / 社会捐赠 / 隐患举报奖励' })
  @IsIn(BUDGET_SOURCES as BudgetSource[], { message: `source 须为 ${BUDGET_SOURCES.join('、')} 之一 / source must be one of ${BUDGET_SOURCES.join(', ')}` })
  source!: BudgetSource;

  @ApiProperty({ example: 500000000, description: '金额（分） amount in fen, a positive integer' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen!: number;

  @ApiPropertyOptional({
    example: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/',
    description: 'The unit the fund belongs to, as its organisation path, inside your subtree; your own unit when left out',
  })
  @IsOptional()
  @IsString()
  @Matches(PATH, { message: pathMessage })
  @MaxLength(2000)
  orgUnitPath?: string;
}

export class AllocateBudgetRequest {
  @ApiProperty({ example: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/5d0e6a1c2b3f4c4d8e5f6a7b8c9d0e1f/', description: 'The child unit (district or street) below the budget’s unit, as its organisation path' })
  @IsString()
  @Matches(PATH, { message: pathMessage })
  @MaxLength(2000)
  orgUnitPath!: string;

  @ApiProperty({ example: 50000000, description: '下达金额（分） amount in fen, at most the parent’s available amount' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen!: number;

  @ApiPropertyOptional({ example: '渝北区2026年度帮扶资金', description: 'Name of the child budget; the parent’s name when left out' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}

export class ListBudgetsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Only this year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: BUDGET_SOURCES, description: 'Only this source' })
  @IsOptional()
  @IsIn(BUDGET_SOURCES as BudgetSource[], { message: `source 须为 ${BUDGET_SOURCES.join('、')} 之一 / source must be one of ${BUDGET_SOURCES.join(', ')}` })
  source?: BudgetSource;
}

export class BudgetView {
  @ApiProperty({ format: 'uuid', example: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '4c9d5b0a-1a2e-4b3c-8d4e-5f6a7b8c9d0e', description: 'The budget it was allocated from; null for a fund' }) parentId!: string | null;
  @ApiProperty({ format: 'uuid', example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11' }) orgUnitId!: string;
  @ApiProperty({ example: '2026年度困难职工帮扶资金' }) name!: string;
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ enum: BUDGET_SOURCES, example: 'federation-appropriation' }) source!: BudgetSource;
  @ApiProperty({ example: 50000000, description: '已下达（分） received, from the fund or the parent' }) allocatedFen!: number;
  @ApiProperty({ example: 20000000, description: '已下拨下级（分） passed down to child budgets' }) allocatedToChildrenFen!: number;
  @ApiProperty({ example: 2650000, description: '已预留（分） held by approvals not yet paid' }) reservedFen!: number;
  @ApiProperty({ example: 1419300, description: '已支出（分） paid out' }) spentFen!: number;
  @ApiProperty({ example: 25930700, description: '可用（分） available, derived from the ledger; never below zero' }) availableFen!: number;
  @ApiProperty({ example: 'yubei.aid' }) createdBy!: string;
  @ApiProperty({ example: '2026-11-24T10:00:00.000+08:00' }) createdAt!: string;
}

export class BudgetPage {
  @ApiProperty({ type: [BudgetView] }) items!: BudgetView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

export class LedgerEntryView {
  @ApiProperty({ format: 'uuid', example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }) id!: string;
  @ApiProperty({ enum: LEDGER_ENTRY_KINDS, example: 'reservation', description: 'allocation 下达 / sub-allocation 下拨 / reservation 预留 / release 释放 / spend 支出' }) kind!: LedgerEntryKind;
  @ApiProperty({ example: 2650000 }) amountFen!: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'The other budget of an allocation' }) counterpartBudgetId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '6e1f7a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b', description: 'The application the money is for' }) applicationId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'The payment instruction that spent it' }) paymentInstructionId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'The hazard-report reward the money is for' }) hazardRewardId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) note!: string | null;
  @ApiProperty({ example: 'yubei.aid' }) actor!: string;
  @ApiProperty({ example: '2026-11-26T10:00:00.000+08:00' }) recordedAt!: string;
}

export class LedgerPage {
  @ApiProperty({ type: [LedgerEntryView] }) items!: LedgerEntryView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

/** The budget as shown; `totals` (per kind, from the ledger) give the figures when present. */
export function toBudgetView(b: Budget, totals?: Partial<Record<LedgerEntryKind, number>>): BudgetView {
  const figures = totals
    ? figuresFromTotals(totals)
    : { allocatedFen: b.allocatedFen, allocatedToChildrenFen: b.allocatedToChildrenFen, reservedFen: b.reservedFen, spentFen: b.spentFen, availableFen: b.availableFen };
  return {
    id: b.id,
    parentId: b.parentId,
    orgUnitId: b.orgUnitId,
    name: b.name,
    year: b.year,
    source: b.source,
    ...figures,
    createdBy: b.createdBy,
    createdAt: chinaTime(b.createdAt),
  };
}

export function toLedgerEntryView(e: BudgetLedgerEntry): LedgerEntryView {
  return {
    id: e.id,
    kind: e.kind,
    amountFen: e.amountFen,
    counterpartBudgetId: e.counterpartBudgetId,
    applicationId: e.applicationId,
    paymentInstructionId: e.paymentInstructionId,
    hazardRewardId: e.hazardRewardId,
    note: e.note,
    actor: e.actor,
    recordedAt: chinaTime(e.recordedAt),
  };
}
