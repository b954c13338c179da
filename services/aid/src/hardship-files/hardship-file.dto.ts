import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { HARDSHIP_CAUSES, HardshipCause } from '@gonghui/contracts';
import { PageQuery } from '@gonghui/service-kit';
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
  @ValidateNested()
  @Type(() => HouseholdVisit)
  visit!: HouseholdVisit;
}

export class HardshipFileView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({ enum: HARDSHIP_CAUSES }) cause!: HardshipCause;
  @ApiProperty({ type: HouseholdVisit }) visit!: HouseholdVisit;
  @ApiProperty() visitedBy!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
}

export class HardshipFilePage {
  @ApiProperty({ type: [HardshipFileView] }) items!: HardshipFileView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ListHardshipFilesQuery extends PageQuery {}

export function toHardshipFileView(file: HardshipFile): HardshipFileView {
  return {
    id: file.id,
    memberId: file.memberId,
    orgUnitId: file.orgUnitId,
    status: file.status,
    cause: file.cause,
    visit: {
      visitedOn: file.visitedOn,
      householdSize: file.householdSize,
      monthlyHouseholdIncomeFen: file.monthlyHouseholdIncomeFen,
      incomeSources: file.incomeSources,
      housing: file.housing,
      health: file.health,
      childrenSchooling: file.childrenSchooling,
    },
    visitedBy: file.visitedBy,
    openedAt: file.openedAt.toISOString(),
  };
}
