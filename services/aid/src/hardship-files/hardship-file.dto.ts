import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { HARDSHIP_CAUSES, HardshipCause } from '@gonghui/contracts';
import { NestedObject, PageQuery } from '@gonghui/service-kit';
import { HardshipDetails, MAX_REASON_LENGTH } from './domain/detail-access';
import { HardshipDetailAccess } from './hardship-detail-access.entity';
import { HardshipFile } from './hardship-file.entity';

/** What a household visit (入户走访) must make clear: the "six clears" (六清). */
export class HouseholdVisit {
  @ApiProperty({ example: '2026-11-20', description: 'Date of the visit' })
  @IsDateString({ strict: true })
  visitedOn!: string;

  @ApiProperty({ example: 4, description: '家庭人口 household size' })
  @IsInt()
  @Min(1)
  @Max(30)
  householdSize!: number;

  @ApiProperty({ example: 320000, description: '家庭月收入（分） monthly household income in fen' })
  @IsInt()
  @Min(0)
  @Max(100_000_000_00)
  monthlyHouseholdIncomeFen!: number;

  @ApiProperty({ example: '本人工资，丈夫无业', description: '收入来源 income sources' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  incomeSources!: string;

  @ApiProperty({ example: '租住单间', description: '住房 housing' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  housing!: string;

  @ApiProperty({ example: '丈夫、公婆患病', description: '健康 health' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  health!: string;

  @ApiProperty({ example: '一子读初中', description: '子女就学 children’s schooling' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  childrenSchooling!: string;
}

export class OpenHardshipFileRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  memberId!: string;

  @ApiProperty({ enum: HARDSHIP_CAUSES, description: '致困原因 cause of hardship' })
  @IsIn(HARDSHIP_CAUSES as HardshipCause[], { message: `cause 须为 / cause must be one of: ${HARDSHIP_CAUSES.join(', ')}` })
  cause!: HardshipCause;

  @ApiProperty({ type: HouseholdVisit })
  @NestedObject(() => HouseholdVisit)
  visit!: HouseholdVisit;
}

/**
 * The household visit as a reader of the file sees it. When and how many people: for everyone
 * who may read the file. Income, income sources, housing, health and children's schooling: only
 * for a hardship case worker who gave a reason (the view is logged), omitted for everyone else.
 */
export class HouseholdVisitView {
  @ApiProperty({ example: '2026-11-20', description: 'Date of the visit' }) visitedOn!: string;
  @ApiProperty({ example: 4, description: '家庭人口 household size' }) householdSize!: number;
  @ApiPropertyOptional({ example: 320000, description: '家庭月收入（分） monthly household income in fen; case workers only' }) monthlyHouseholdIncomeFen?: number;
  @ApiPropertyOptional({ example: '本人工资，丈夫无业', description: '收入来源 income sources; case workers only' }) incomeSources?: string;
  @ApiPropertyOptional({ example: '租住单间', description: '住房 housing; case workers only' }) housing?: string;
  @ApiPropertyOptional({ example: '丈夫、公婆患病', description: '健康 health; case workers only' }) health?: string;
  @ApiPropertyOptional({ example: '一子读初中', description: '子女就学 children’s schooling; case workers only' }) childrenSchooling?: string;
}

export class HardshipFileView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({ enum: HARDSHIP_CAUSES }) cause!: HardshipCause;
  @ApiProperty({ type: HouseholdVisitView }) visit!: HouseholdVisitView;
  @ApiProperty({
    example: true,
    description: 'true when the visit’s income, housing, health and schooling details are left out: shown only to a hardship-case-worker who gives a reason (logged)',
  })
  detailsWithheld!: boolean;
  @ApiProperty() visitedBy!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
}

/** `?reason=`: why a hardship case worker opens the file's details; required of them, and logged with the view. */
export class ViewHardshipFileQuery {
  @ApiPropertyOptional({
    maxLength: MAX_REASON_LENGTH,
    example: '核定临时救助金额 / assessing the amount of temporary relief',
    description: '查看详情的理由（个案工作者必填，记入日志） / Why the details are viewed: required of a hardship-case-worker, logged',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON_LENGTH)
  reason?: string;
}

export class DetailAccessEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) fileId!: string;
  @ApiProperty({ format: 'uuid' }) actorId!: string;
  @ApiProperty({ example: 'caseworker-wang' }) actor!: string;
  @ApiProperty({ example: '核定临时救助金额 / assessing the amount of temporary relief' }) reason!: string;
  @ApiProperty({ format: 'date-time' }) accessedAt!: string;
}

export class DetailAccessLogPage {
  @ApiProperty({ type: [DetailAccessEntryView] }) items!: DetailAccessEntryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class DetailAccessLogQuery extends PageQuery {}

export class HardshipFilePage {
  @ApiProperty({ type: [HardshipFileView] }) items!: HardshipFileView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ListHardshipFilesQuery extends PageQuery {}

/** The file as a reader sees it: with the details when `details` were opened for a logged view, without them (and flagged) otherwise. */
export function toHardshipFileView(file: HardshipFile, details: HardshipDetails | null): HardshipFileView {
  return {
    id: file.id,
    memberId: file.memberId,
    orgUnitId: file.orgUnitId,
    status: file.status,
    cause: file.cause,
    visit: { visitedOn: file.visitedOn, householdSize: file.householdSize, ...(details ?? {}) },
    detailsWithheld: details === null,
    visitedBy: file.visitedBy,
    openedAt: file.openedAt.toISOString(),
  };
}

export function toDetailAccessEntryView(entry: HardshipDetailAccess): DetailAccessEntryView {
  return { id: entry.id, fileId: entry.fileId, actorId: entry.actorId, actor: entry.actor, reason: entry.reason, accessedAt: entry.accessedAt.toISOString() };
}
