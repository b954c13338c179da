import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { MEMBER_HONOURS, MemberHonour, SKILL_LEVELS, SkillLevel } from '@gonghui/contracts';
import { NestedArray, PageQuery } from '@gonghui/service-kit';
import { TIE_BREAKS, TieBreak } from './domain/ranking';

export class CreateCompetitionRequest {
  @ApiProperty({ example: '2026 年锦州市职工职业技能大赛', description: '竞赛名称 title' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', description: '所属组织 the unit this record belongs to: yours or one below it (default: yours; required for an officer without a unit)' })
  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId 须为 UUID / orgUnitId must be a UUID' })
  orgUnitId?: string;
}

export class CriterionDto {
  @ApiProperty({ example: 'quality', description: '评分项代码 key, unique in the event (a–z, 0–9, -)' })
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'key 须为小写字母开头的代码 / key must be a lower-case code' })
  key!: string;

  @ApiProperty({ example: '作品质量', description: '评分项 criterion name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 60, description: '权重 weight; the weights of an event sum to 100', minimum: 0.01, maximum: 100 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(100)
  weight!: number;

  @ApiProperty({ example: 0, description: '最低分 lowest score a judge may give' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(-1000)
  @Max(1000)
  minScore!: number;

  @ApiProperty({ example: 100, description: '最高分 highest score a judge may give' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(-1000)
  @Max(1000)
  maxScore!: number;
}

export class AddEventRequest {
  @ApiProperty({ example: '维修电工', description: '赛项名称 event name, unique in the competition' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: TIE_BREAKS, example: 'criteria-in-order', description: '并列规则 tie-break: criteria-in-order (first criterion, then the next) or shared (equal rank)' })
  @IsIn(TIE_BREAKS)
  tieBreak!: TieBreak;

  @ApiProperty({
    type: [CriterionDto],
    description: '评分标准 weighted criteria, in tie-break order',
    example: [
      { key: 'quality', name: '作品质量', weight: 60, minScore: 0, maxScore: 100 },
      { key: 'time', name: '用时', weight: 30, minScore: 0, maxScore: 10 },
      { key: 'safety', name: '安全规范', weight: 10, minScore: 0, maxScore: 5 },
    ],
  })
  @NestedArray(() => CriterionDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  criteria!: CriterionDto[];
}

export class EnterMemberRequest {
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'An active member of your subtree' })
  @IsUUID()
  memberId!: string;
}

export class AddJudgeRequest {
  @ApiProperty({ example: '刘志强（高级技师）', description: '评委 judge' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;
}

export class CriterionScoreDto {
  @ApiProperty({ example: 'quality', description: 'Criterion key' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  criterion!: string;

  @ApiProperty({ example: 92, description: 'Score, within the criterion’s range' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  score!: number;
}

export class SubmitScoreSheetRequest {
  @ApiProperty({ format: 'uuid', example: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b', description: 'The judge' })
  @IsUUID()
  judgeId!: string;

  @ApiProperty({ format: 'uuid', example: '2a3b4c5d-6e7f-4801-9a2b-3c4d5e6f7a8b', description: 'The entrant' })
  @IsUUID()
  entrantId!: string;

  @ApiProperty({
    type: [CriterionScoreDto],
    description: 'One score per criterion',
    example: [
      { criterion: 'quality', score: 92 },
      { criterion: 'time', score: 8 },
      { criterion: 'safety', score: 5 },
    ],
  })
  @NestedArray(() => CriterionScoreDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  scores!: CriterionScoreDto[];
}

export class GrantAwardRequest {
  @ApiProperty({ format: 'uuid', example: '2a3b4c5d-6e7f-4801-9a2b-3c4d5e6f7a8b', description: 'A ranked entrant' })
  @IsUUID()
  entrantId!: string;

  @ApiProperty({ example: '一等奖', description: '奖项 award title' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  title!: string;

  @ApiPropertyOptional({ enum: MEMBER_HONOURS, example: 'craftsman', description: '授予荣誉 honour granted through membership (craftsman 工匠, e.g. 技术能手)' })
  @IsOptional()
  @IsIn(MEMBER_HONOURS)
  honour?: MemberHonour;

  @ApiPropertyOptional({ enum: SKILL_LEVELS, example: 'master', description: '认定技能等级 skill level granted (novice 新手, skilled 熟手, master 高手)' })
  @IsOptional()
  @IsIn(SKILL_LEVELS)
  skillLevel?: SkillLevel;
}

export class CriterionView {
  @ApiProperty({ example: 'quality', description: 'Key' }) key!: string;
  @ApiProperty({ example: '作品质量', description: 'Name' }) name!: string;
  @ApiProperty({ example: 60, description: 'Weight' }) weight!: number;
  @ApiProperty({ example: 0, description: 'Lowest score' }) minScore!: number;
  @ApiProperty({ example: 100, description: 'Highest score' }) maxScore!: number;
}

export class CompetitionEventView {
  @ApiProperty({ format: 'uuid', example: '4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f', description: 'Event id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', description: 'Competition id' }) competitionId!: string;
  @ApiProperty({ example: '维修电工', description: '赛项' }) name!: string;
  @ApiProperty({ enum: TIE_BREAKS, example: 'criteria-in-order', description: '并列规则' }) tieBreak!: TieBreak;
  @ApiProperty({ type: [CriterionView], description: '评分标准', example: [{ key: 'quality', name: '作品质量', weight: 100, minScore: 0, maxScore: 100 }] }) criteria!: CriterionView[];
  @ApiProperty({ example: '2026-11-26T09:30:00.000+08:00', description: 'Created at, China time' }) createdAt!: string;
}

export class CompetitionView {
  @ApiProperty({ format: 'uuid', example: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', description: 'Competition id' }) id!: string;
  @ApiProperty({ example: '2026 年锦州市职工职业技能大赛', description: '竞赛名称' }) title!: string;
  @ApiProperty({ type: [CompetitionEventView], description: '赛项', example: [] }) events!: CompetitionEventView[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', description: 'The unit running it' }) orgUnitId!: string | null;
  @ApiProperty({ example: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/', description: 'Its path, for data scope' }) orgUnitPath!: string;
  @ApiProperty({ example: '2026-11-26T09:30:00.000+08:00', description: 'Created at, China time' }) createdAt!: string;
}

export class CompetitionPage {
  @ApiProperty({ type: [CompetitionView], description: 'One page' }) items!: CompetitionView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class EntrantView {
  @ApiProperty({ format: 'uuid', example: '2a3b4c5d-6e7f-4801-9a2b-3c4d5e6f7a8b', description: 'Entrant id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f', description: 'Event id' }) eventId!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'Member id' }) memberId!: string;
  @ApiProperty({ example: '2026-11-26T09:30:00.000+08:00', description: 'Entered at, China time' }) enteredAt!: string;
}

export class EntrantPage {
  @ApiProperty({ type: [EntrantView], description: 'One page' }) items!: EntrantView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class JudgeView {
  @ApiProperty({ format: 'uuid', example: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b', description: 'Judge id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f', description: 'Event id' }) eventId!: string;
  @ApiProperty({ example: '刘志强（高级技师）', description: '评委' }) name!: string;
}

export class ScoreSheetView {
  @ApiProperty({ format: 'uuid', example: '6e7f8a9b-0c1d-4e2f-8a3b-4c5d6e7f8a9b', description: 'Sheet id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b', description: 'Judge' }) judgeId!: string;
  @ApiProperty({ format: 'uuid', example: '2a3b4c5d-6e7f-4801-9a2b-3c4d5e6f7a8b', description: 'Entrant' }) entrantId!: string;
  @ApiProperty({ type: [CriterionScoreDto], description: 'Scores', example: [{ criterion: 'quality', score: 92 }] }) scores!: CriterionScoreDto[];
  @ApiProperty({ example: 91.2, description: '加权总分 weighted total out of 100' }) total!: number;
  @ApiProperty({ example: '2026-11-26T09:30:00.000+08:00', description: 'Submitted at, China time' }) submittedAt!: string;
}

export class RankingEntryView {
  @ApiProperty({ example: 1, description: '名次 rank (equal ranks share a number)' }) rank!: number;
  @ApiProperty({ format: 'uuid', example: '2a3b4c5d-6e7f-4801-9a2b-3c4d5e6f7a8b', description: 'Entrant' }) entrantId!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'Member' }) memberId!: string;
  @ApiProperty({ example: 91.2, description: '平均加权总分 mean weighted total out of 100, two decimals' }) total!: number;
  @ApiProperty({ example: 3, description: 'Sheets counted' }) sheets!: number;
}

export class RankingView {
  @ApiProperty({ format: 'uuid', example: '4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f', description: 'Event id' }) eventId!: string;
  @ApiProperty({ enum: TIE_BREAKS, example: 'criteria-in-order', description: 'The declared tie-break applied' }) tieBreak!: TieBreak;
  @ApiProperty({ type: [RankingEntryView], description: 'Entrants with at least one sheet, best first', example: [{ rank: 1, entrantId: '2a3b4c5d-6e7f-4801-9a2b-3c4d5e6f7a8b', memberId: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', total: 91.2, sheets: 3 }] })
  items!: RankingEntryView[];
}

export class AwardView {
  @ApiProperty({ format: 'uuid', example: '3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7a', description: 'Award id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f', description: 'Event id' }) eventId!: string;
  @ApiProperty({ format: 'uuid', example: '2a3b4c5d-6e7f-4801-9a2b-3c4d5e6f7a8b', description: 'Entrant' }) entrantId!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'Member' }) memberId!: string;
  @ApiProperty({ example: '一等奖', description: '奖项' }) title!: string;
  @ApiProperty({ enum: MEMBER_HONOURS, nullable: true, example: 'craftsman', description: 'Honour granted, if any' }) honour!: MemberHonour | null;
  @ApiProperty({ enum: SKILL_LEVELS, nullable: true, example: 'master', description: 'Skill level granted, if any' }) skillLevel!: SkillLevel | null;
  @ApiProperty({ example: '2026-11-26T09:30:00.000+08:00', description: 'Awarded at, China time' }) awardedAt!: string;
}

export class CompetitionListQuery extends PageQuery {}

export class JudgePage {
  @ApiProperty({ type: [JudgeView], description: 'One page, in the order the judges were added' }) items!: JudgeView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class ScoreSheetListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', example: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b', description: 'Only this judge’s sheets (一位评委的评分表)' })
  @IsOptional()
  @IsUUID('all', { message: 'judgeId 须为 UUID / judgeId must be a UUID' })
  judgeId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '2a3b4c5d-6e7f-4801-9a2b-3c4d5e6f7a8b', description: 'Only the sheets of this entrant' })
  @IsOptional()
  @IsUUID('all', { message: 'entrantId 须为 UUID / entrantId must be a UUID' })
  entrantId?: string;
}

export class ScoreSheetPage {
  @ApiProperty({ type: [ScoreSheetView], description: 'One page, in the order the sheets were submitted' }) items!: ScoreSheetView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}
