import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCreditCode } from '@gonghui/identifiers';
import { chinaTime, PageQuery } from '@gonghui/service-kit';
import { MAX_FEN } from '../budgets/budget.dto';
import { FINAL_RATINGS, FinalRating } from './domain/grants';
import { GrantCall, GrantMilestone, GrantProposal, GrantScore } from './grant.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CriterionInput {
  @ApiProperty({ example: 'need', description: 'Short key the score sheets use (lower-case letters, digits, hyphens)' })
  @IsString()
  @MaxLength(40)
  key!: string;

  @ApiProperty({ example: '服务需求的迫切性', description: '评审标准名称' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 40, description: '权重 weight in percentage points; the weights add up to 100' })
  @IsInt()
  @Min(1)
  @Max(100)
  weight!: number;

  @ApiProperty({ example: 10, description: '满分 a score runs from 0 to this' })
  @IsInt()
  @Min(1)
  @Max(1000)
  maxScore!: number;
}

export class CreateGrantCallRequest {
  @ApiProperty({ example: '2027年度公益伙伴服务项目征集', description: '征集名称' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ format: 'uuid', example: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f', description: 'The aid budget the call’s money is reserved on (in your subtree)' })
  @IsUUID()
  budgetId!: string;

  @ApiProperty({ example: 30000000, description: '征集资金（分） reserved on the budget at once; at most its available amount' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen!: number;

  @ApiProperty({ type: [CriterionInput], description: '评审标准 weighted criteria' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria!: CriterionInput[];

  @ApiProperty({ type: [String], example: ['yubei.aid', 'yubei.reviewer2'], description: '评审组 usernames of the review panel; each scores each proposal once' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  panel!: string[];

  @ApiPropertyOptional({ example: 60, description: '立项最低分 a proposal scoring below this (out of 100) is not awarded; 0 by default' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  minScore?: number;
}

export class MilestoneInput {
  @ApiProperty({ example: '首期：项目启动', description: '阶段名称' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 4000000, description: '本期拨付（分）' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen!: number;

  @ApiProperty({ example: '2027-03-01', description: '计划拨付日期 YYYY-MM-DD' })
  @Matches(DATE, { message: 'dueOn 须为 YYYY-MM-DD / dueOn must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'dueOn 不是有效日期 / dueOn is not a valid date' })
  dueOn!: string;
}

export class SubmitProposalRequest {
  @ApiProperty({ example: '52500112MJP574747B', description: '统一社会信用代码 the organisation’s unified social credit code (18 characters, check character verified)' })
  @IsCreditCode()
  creditCode!: string;

  @ApiProperty({ example: '重庆市渝北区新航社会工作服务中心', description: '社会组织名称' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  organisationName!: string;

  @ApiProperty({ example: '新就业形态劳动者“暖心驿站”服务项目', description: '项目名称' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  projectTitle!: string;

  @ApiProperty({ example: '为外卖骑手、网约车司机提供驿站休息、法律咨询和心理疏导服务，计划服务2000人次', description: '项目简介' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  summary!: string;

  @ApiProperty({ example: 8000000, description: '申请金额（分）; the milestones add up to it' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  requestedFen!: number;

  @ApiProperty({ type: [MilestoneInput], description: '分期拨付计划 1 to 6 milestones in date order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => MilestoneInput)
  milestones!: MilestoneInput[];
}

export class ScoreProposalRequest {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { need: 9, design: 8, capacity: 4 }, description: 'One score per criterion key, each from 0 to its maxScore' })
  @IsObject()
  scores!: Record<string, number>;
}

export class FinalEvaluationRequest {
  @ApiProperty({ enum: FINAL_RATINGS, example: 'good', description: '结项评估 excellent 优秀 / good 良好 / pass 合格 / fail 不合格' })
  @IsIn(FINAL_RATINGS as unknown as string[], { message: `rating 须为 ${FINAL_RATINGS.join('、')} / rating must be one of ${FINAL_RATINGS.join(', ')}` })
  rating!: FinalRating;

  @ApiProperty({ example: '2027-12-15', description: '评估日期 YYYY-MM-DD, not in the future' })
  @Matches(DATE, { message: 'evaluatedOn 须为 YYYY-MM-DD / evaluatedOn must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'evaluatedOn 不是有效日期 / evaluatedOn is not a valid date' })
  evaluatedOn!: string;

  @ApiProperty({ example: '完成服务2136人次，满意度96%', description: '评估意见' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

export class ListProposalsQuery extends PageQuery {}

export class CriterionView {
  @ApiProperty({ example: 'need' }) key!: string;
  @ApiProperty({ example: '服务需求的迫切性' }) name!: string;
  @ApiProperty({ example: 40 }) weight!: number;
  @ApiProperty({ example: 10 }) maxScore!: number;
}

export class GrantCallView {
  @ApiProperty({ format: 'uuid', example: '7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9' }) id!: string;
  @ApiProperty({ example: '2027年度公益伙伴服务项目征集' }) title!: string;
  @ApiProperty({ format: 'uuid', example: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f' }) budgetId!: string;
  @ApiProperty({ example: 30000000, description: 'Reserved on the budget for the call' }) amountFen!: number;
  @ApiProperty({ example: 22000000, description: 'Awarded to projects (what is left was released at the award)' }) awardedFen!: number;
  @ApiProperty({ type: [CriterionView] }) criteria!: CriterionView[];
  @ApiProperty({ type: [String], example: ['yubei.aid', 'yubei.reviewer2'] }) panel!: string[];
  @ApiProperty({ example: 60 }) minScore!: number;
  @ApiProperty({ enum: ['open', 'reviewing', 'awarded'], example: 'reviewing', description: 'open 征集中 / reviewing 评审中 / awarded 已立项' }) status!: string;
  @ApiProperty({ example: 'yubei.aid' }) createdBy!: string;
  @ApiProperty({ example: '2026-11-26T10:00:00.000+08:00' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) awardedAt!: string | null;
}

export class GrantCallPage {
  @ApiProperty({ type: [GrantCallView] }) items!: GrantCallView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

export class MilestoneView {
  @ApiProperty({ example: 1 }) seq!: number;
  @ApiProperty({ example: '首期：项目启动' }) name!: string;
  @ApiProperty({ example: 4000000 }) amountFen!: number;
  @ApiProperty({ example: '2027-03-01' }) dueOn!: string;
  @ApiProperty({ enum: ['planned', 'paid', 'cancelled'], example: 'paid' }) status!: string;
  @ApiProperty({ type: String, nullable: true, example: '2027-03-02T09:00:00.000+08:00' }) paidAt!: string | null;
}

export class ScoreSheetView {
  @ApiProperty({ example: 'yubei.reviewer2' }) reviewer!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { need: 9, design: 8, capacity: 4 } }) scores!: Record<string, number>;
  @ApiProperty({ example: 82.4, description: 'Out of 100, by the criteria’s weights' }) weighted!: number;
  @ApiProperty({ example: '2026-12-01T15:00:00.000+08:00' }) scoredAt!: string;
}

export class ProposalView {
  @ApiProperty({ format: 'uuid', example: '3c2b1a09-8f7e-4d6c-9b5a-493827161504' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9' }) callId!: string;
  @ApiProperty({ example: '52500112MJP574747B' }) creditCode!: string;
  @ApiProperty({ example: '重庆市渝北区新航社会工作服务中心' }) organisationName!: string;
  @ApiProperty({ example: '新就业形态劳动者“暖心驿站”服务项目' }) projectTitle!: string;
  @ApiProperty({ example: '为外卖骑手、网约车司机提供驿站休息、法律咨询和心理疏导服务' }) summary!: string;
  @ApiProperty({ example: 8000000 }) requestedFen!: number;
  @ApiProperty({ enum: ['submitted', 'awarded', 'not-awarded', 'completed'], example: 'awarded', description: 'submitted 已申报 / awarded 已立项 / not-awarded 未立项 / completed 已结项' }) status!: string;
  @ApiProperty({ type: Number, nullable: true, example: 1, description: 'Rank at the award' }) rank!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 86.5, description: 'Mean of the panel’s sheets, at the award' }) score!: number | null;
  @ApiProperty({ type: [MilestoneView] }) milestones!: MilestoneView[];
  @ApiProperty({ example: 4000000, description: 'Paid so far over the milestones' }) paidFen!: number;
  @ApiProperty({ enum: FINAL_RATINGS, nullable: true, example: null }) finalRating!: FinalRating | null;
  @ApiProperty({ type: String, nullable: true, example: null }) finalNote!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) evaluatedOn!: string | null;
  @ApiProperty({ example: '2026-11-26T10:00:00.000+08:00' }) submittedAt!: string;
}

export class ProposalPage {
  @ApiProperty({ type: [ProposalView] }) items!: ProposalView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

export class RankingEntryView {
  @ApiProperty({ example: 1 }) rank!: number;
  @ApiProperty({ format: 'uuid', example: '3c2b1a09-8f7e-4d6c-9b5a-493827161504' }) proposalId!: string;
  @ApiProperty({ example: '重庆市渝北区新航社会工作服务中心' }) organisationName!: string;
  @ApiProperty({ example: '新就业形态劳动者“暖心驿站”服务项目' }) projectTitle!: string;
  @ApiProperty({ example: 86.5 }) score!: number;
  @ApiProperty({ example: 2 }) sheets!: number;
  @ApiProperty({ example: 8000000 }) requestedFen!: number;
  @ApiProperty({ example: true, description: 'Would be awarded if the award were made now (in rank order within the call’s money, at or above minScore)' }) withinBudget!: boolean;
}

export class RankingView {
  @ApiProperty({ format: 'uuid', example: '7e6d5c4b-3a29-4817-9605-f4e3d2c1b0a9' }) callId!: string;
  @ApiProperty({ example: 30000000 }) amountFen!: number;
  @ApiProperty({ type: [RankingEntryView] }) ranking!: RankingEntryView[];
  @ApiProperty({ type: [String], example: [], description: 'Proposals still missing a panel member’s sheet' }) incomplete!: string[];
}

export function toGrantCallView(c: GrantCall): GrantCallView {
  return {
    id: c.id,
    title: c.title,
    budgetId: c.budgetId,
    amountFen: c.amountFen,
    awardedFen: c.awardedFen,
    criteria: c.criteria,
    panel: c.panel,
    minScore: c.minScore,
    status: c.status,
    createdBy: c.createdBy,
    createdAt: chinaTime(c.createdAt),
    awardedAt: chinaTime(c.awardedAt),
  };
}

export function toScoreSheetView(s: GrantScore): ScoreSheetView {
  return { reviewer: s.reviewer, scores: s.scores, weighted: s.weighted, scoredAt: chinaTime(s.scoredAt) };
}

export function toProposalView(p: GrantProposal, milestones: GrantMilestone[]): ProposalView {
  return {
    id: p.id,
    callId: p.callId,
    creditCode: p.creditCode,
    organisationName: p.organisationName,
    projectTitle: p.projectTitle,
    summary: p.summary,
    requestedFen: p.requestedFen,
    status: p.status,
    rank: p.rank,
    score: p.score,
    milestones: milestones.map((m) => ({ seq: m.seq, name: m.name, amountFen: m.amountFen, dueOn: m.dueOn, status: m.status, paidAt: chinaTime(m.paidAt) })),
    paidFen: milestones.filter((m) => m.status === 'paid').reduce((sum, m) => sum + m.amountFen, 0),
    finalRating: p.finalRating,
    finalNote: p.finalNote,
    evaluatedOn: p.evaluatedOn,
    submittedAt: chinaTime(p.submittedAt),
  };
}
