import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AID_KINDS, AidKind } from '@gonghui/contracts';
import { chinaTime, NestedArray, PageQuery } from '@gonghui/service-kit';
import { MAX_FEN } from '../budgets/budget.dto';
import { allowedActions, APPLICATION_STAGES, ApplicationStage, fastTrackClock, followUpOverdue, OFFICER_ACTIONS, OfficerAction } from './domain/application';
import { AidApplication, AidApplicationStep } from './application.entity';

export const DOCUMENT_KINDS = ['identity', 'household', 'medical', 'income', 'schooling', 'other'] as const;
const kindMessage = `kind 须为 ${AID_KINDS.join('、')} 之一 / kind must be one of ${AID_KINDS.join(', ')}`;

export class ApplicationDocumentItem {
  @ApiProperty({ example: '住院费用清单', description: '材料名称 name of the document (the file itself is not stored here)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: DOCUMENT_KINDS, example: 'medical', description: '材料类别 identity / household / medical / income / schooling / other' })
  @IsIn(DOCUMENT_KINDS as unknown as string[], { message: `kind 须为 ${DOCUMENT_KINDS.join('、')} 之一 / kind must be one of ${DOCUMENT_KINDS.join(', ')}` })
  kind!: string;
}

export class SubmitApplicationRequest {
  @ApiPropertyOptional({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'The member applying; may be left out when a hardship file is named' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: null, nullable: true, type: String, description: 'The hardship file (困难职工档案) the application is for, if any' })
  @IsOptional()
  @IsUUID()
  hardshipFileId?: string;

  @ApiProperty({ enum: AID_KINDS, example: 'medical', description: '类别 living 生活救助 / medical 医疗救助 / education 助学 / emergency 应急救助' })
  @IsIn(AID_KINDS as AidKind[], { message: kindMessage })
  kind!: AidKind;

  @ApiProperty({ example: 2650000, description: '申请金额（分） requested amount in fen' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  requestedAmountFen!: number;

  @ApiProperty({ example: '女儿患急性白血病住院治疗，医保报销后自付部分负担较重', description: '申请事由 the reason; stays in the service' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ type: [ApplicationDocumentItem], description: '申请材料 documents listed' })
  @NestedArray(() => ApplicationDocumentItem)
  @ArrayMaxSize(50)
  documents!: ApplicationDocumentItem[];

  @ApiPropertyOptional({ example: false, description: '特事特办 the emergency fast track; emergency aid only' })
  @IsOptional()
  @IsBoolean()
  fastTrack?: boolean;
}

export class ReviewRequest {
  @ApiProperty({ example: '材料齐全，符合申请条件，同意进入入户调查', description: '初审意见 opinion of the grassroots or street union' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  opinion!: string;
}

export class InvestigateRequest {
  @ApiProperty({ example: '2026-11-24', description: '调查日期 date of the household investigation' })
  @IsDateString({ strict: true })
  investigatedOn!: string;

  @ApiProperty({ example: '王芳、李强', description: '调查人 who investigated' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  investigator!: string;

  @ApiPropertyOptional({ example: '随州市社会工作服务中心', description: '第三方调查机构 a third party that investigated, if any' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  thirdParty?: string;

  @ApiProperty({ example: '经入户核实并与医保、民政数据比对，家庭无其他收入来源，情况属实', description: '调查结论 findings' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  findings!: string;
}

export class StartNoticeRequest {
  @ApiProperty({ example: 5, description: '公示天数 days of the public notice' })
  @IsInt()
  @Min(1)
  @Max(30)
  days!: number;

  @ApiPropertyOptional({ example: '2026-11-25', description: '公示开始日期 first day of the notice (China date); today when left out, never in the future' })
  @IsOptional()
  @IsDateString({ strict: true })
  startsOn?: string;
}

export class LodgeObjectionRequest {
  @ApiProperty({ example: '有职工反映申请人家庭另有经营收入', description: '异议内容 the objection' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  summary!: string;
}

export class ResolveObjectionRequest {
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091', description: 'The objection resolved' })
  @IsUUID()
  objectionId!: string;

  @ApiProperty({ example: '经复核，该经营已于2025年注销，异议不成立', description: '处理结果 how it was resolved' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  resolution!: string;
}

export class CloseNoticeRequest {
  @ApiPropertyOptional({ example: '公示期满，无异议', description: 'A note on the close of the notice' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class MeetingRequest {
  @ApiProperty({ example: '区总工会2026年第12次主席办公会', description: '会议 the meeting' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  meeting!: string;

  @ApiProperty({ example: '2026-11-26', description: '会议日期 date of the meeting' })
  @IsDateString({ strict: true })
  meetingOn!: string;

  @ApiProperty({ example: ['张明', '李华', '王芳', '赵强', '陈静'], description: '参会人员 who attended; at least one' })
  @IsArray()
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  @ArrayMaxSize(100)
  attendees!: string[];

  @ApiProperty({ example: 5, description: '赞成票 votes for' })
  @IsInt()
  @Min(0)
  @Max(100)
  votesFor!: number;

  @ApiProperty({ example: 0, description: '反对票 votes against' })
  @IsInt()
  @Min(0)
  @Max(100)
  votesAgainst!: number;

  @ApiProperty({ example: 0, description: '弃权票 abstentions' })
  @IsInt()
  @Min(0)
  @Max(100)
  abstentions!: number;
}

export class DecideRequest extends MeetingRequest {
  @ApiProperty({ example: 2650000, description: '批准金额（分） the amount decided on, at most the amount requested' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  approvedAmountFen!: number;
}

export class RatifyRequest extends MeetingRequest {}

export class ApproveRequest {
  @ApiProperty({ format: 'uuid', example: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f', description: 'The budget the approved amount is reserved from; of the application’s unit or one above it' })
  @IsUUID()
  budgetId!: string;
}

export class ChairApproveRequest {
  @ApiProperty({ example: '张明', description: '工会主席 the union chair who approves alone (特事特办)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  chair!: string;

  @ApiProperty({ example: 2650000, description: '批准金额（分） approved amount, at most the amount requested' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  approvedAmountFen!: number;

  @ApiProperty({ format: 'uuid', example: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f', description: 'The budget reserved from' })
  @IsUUID()
  budgetId!: string;
}

export class ApproveCampaignRequest {
  @ApiProperty({ example: ['6e1f7a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b'], description: 'The decided applications to approve together (a campaign), 1 to 20,000; all or none' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20_000)
  @IsUUID('all', { each: true })
  applicationIds!: string[];
}

export class ApproveCampaignView {
  @ApiProperty({ example: 16000 }) approved!: number;
  @ApiProperty({ example: 542000000, description: 'Reserved from the budget, in fen' }) reservedFen!: number;
}

export class RejectRequest {
  @ApiProperty({ example: ['家庭人均收入高于当地困难职工认定标准'], description: '不予救助理由 reasons; at least one' })
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(500, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  reasons!: string[];
}

export class CancelRequest {
  @ApiProperty({ example: '申请人已获其他渠道全额救助', description: '撤销理由 why the approval is cancelled; the reservation is released' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class ListApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: APPLICATION_STAGES, description: 'The work queue of one stage' })
  @IsOptional()
  @IsIn(APPLICATION_STAGES as ApplicationStage[], { message: `stage 须为 ${APPLICATION_STAGES.join('、')} 之一 / stage must be one of ${APPLICATION_STAGES.join(', ')}` })
  stage?: ApplicationStage;

  @ApiPropertyOptional({ enum: AID_KINDS })
  @IsOptional()
  @IsIn(AID_KINDS as AidKind[], { message: kindMessage })
  kind?: AidKind;

  @ApiPropertyOptional({ example: true, description: 'Only fast-track (or only regular) applications' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  fastTrack?: boolean;

  @ApiPropertyOptional({ example: true, description: 'Only applications whose member has left the union' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  memberLeft?: boolean;
}

export class DocumentView {
  @ApiProperty({ example: '住院费用清单' }) name!: string;
  @ApiProperty({ example: 'medical' }) kind!: string;
}

export class ObjectionView {
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091' }) id!: string;
  @ApiProperty({ example: '有职工反映申请人家庭另有经营收入' }) summary!: string;
  @ApiProperty({ example: 'yubei.aid' }) lodgedBy!: string;
  @ApiProperty({ example: '2026-11-26T10:00:00.000+08:00' }) lodgedAt!: string;
  @ApiProperty({ nullable: true, type: String, example: '经复核，异议不成立' }) resolution!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'yubei.aid' }) resolvedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-27T10:00:00.000+08:00' }) resolvedAt!: string | null;
}

export class FastTrackClockView {
  @ApiProperty({ example: 30, description: 'Hours from submission to payment, or to now while unpaid' }) hoursElapsed!: number;
  @ApiProperty({ example: 72, description: 'The federation’s target (AID_FAST_TRACK_TARGET_HOURS)' }) targetHours!: number;
  @ApiProperty({ example: false, description: 'Past the target' }) overdue!: boolean;
}

export class StepView {
  @ApiProperty({ example: 'review' }) action!: string;
  @ApiProperty({ nullable: true, type: String, example: 'submitted' }) fromStage!: string | null;
  @ApiProperty({ example: 'reviewed' }) toStage!: string;
  @ApiProperty({ example: 'yubei.aid' }) actor!: string;
  @ApiProperty({ example: '2026-11-26T10:00:00.000+08:00' }) actedAt!: string;
}

export class ApplicationView {
  @ApiProperty({ format: 'uuid', example: '6e1f7a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6' }) memberId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null }) hardshipFileId!: string | null;
  @ApiProperty({ format: 'uuid', example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11' }) orgUnitId!: string;
  @ApiProperty({ enum: AID_KINDS, example: 'medical' }) kind!: AidKind;
  @ApiProperty({ example: 2650000 }) requestedAmountFen!: number;
  @ApiProperty({ example: '女儿患急性白血病住院治疗' }) reason!: string;
  @ApiProperty({ type: [DocumentView] }) documents!: DocumentView[];
  @ApiProperty({ enum: APPLICATION_STAGES, example: 'submitted' }) stage!: ApplicationStage;
  @ApiProperty({ example: false }) fastTrack!: boolean;
  @ApiProperty({ type: FastTrackClockView, nullable: true, description: 'Fast track only: the clock from submission to payment' }) fastTrackClock!: FastTrackClockView | null;
  @ApiProperty({ example: false, description: 'Approved by the chair alone, not yet ratified by the committee' }) awaitingRatification!: boolean;
  @ApiProperty({
    enum: OFFICER_ACTIONS,
    isArray: true,
    example: ['review', 'reject'],
    description:
      'The actions its stage allows now (POST …/applications/{id}/<action>): chair-approve only on the fast track, ratify only while a chair approval awaits it, ' +
      'resolve-objection only while an objection is open. An action may still be refused for a reason of the day or of money (a notice still running, a short budget).',
  })
  allowedActions!: OfficerAction[];
  @ApiProperty({ nullable: true, type: String, enum: ['committee', 'chair'], example: null }) approvedBy!: 'committee' | 'chair' | null;
  @ApiProperty({ nullable: true, type: Number, example: null }) approvedAmountFen!: number | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null }) budgetId!: string | null;
  @ApiProperty({ nullable: true, type: Object, example: null, description: '初审 { opinion, by, at }' }) review!: object | null;
  @ApiProperty({ nullable: true, type: Object, example: null, description: '入户调查 { investigatedOn, investigator, thirdParty, findings, by, at }' }) investigation!: object | null;
  @ApiProperty({ nullable: true, type: Object, example: null, description: '公示 { startsOn, days, endsOn, closedAt }' }) notice!: object | null;
  @ApiProperty({ type: [ObjectionView] }) objections!: ObjectionView[];
  @ApiProperty({ nullable: true, type: Object, example: null, description: '集体研究 { meeting, meetingOn, attendees, votesFor, votesAgainst, abstentions, passed, approvedAmountFen, by, at }' }) decision!: object | null;
  @ApiProperty({ nullable: true, type: Object, example: null, description: '追认 (fast track): the committee’s later meeting' }) ratification!: object | null;
  @ApiProperty({ nullable: true, type: Object, example: null, description: '不予救助 { reasons, by, at }' }) rejection!: object | null;
  @ApiProperty({ nullable: true, type: Object, example: null, description: '撤销 { reason, by, at }' }) cancellation!: object | null;
  @ApiProperty({ nullable: true, type: Object, example: null, description: '回访 { visitedOn, useOfAid, situation, note, by, at }' }) followUp!: object | null;
  @ApiProperty({ nullable: true, type: String, example: null, description: '回访应于 the follow-up is due on (China date)' }) followUpDueOn!: string | null;
  @ApiProperty({ example: false, description: 'The follow-up is past its due date' }) followUpOverdue!: boolean;
  @ApiProperty({ example: false, description: 'The member has left the union (flagged)' }) memberLeft!: boolean;
  @ApiProperty({ example: 'yubei.aid' }) submittedBy!: string;
  @ApiProperty({ example: '2026-11-24T10:00:00.000+08:00' }) submittedAt!: string;
  @ApiProperty({ nullable: true, type: String, example: null }) approvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) paidAt!: string | null;
  @ApiPropertyOptional({ type: [StepView], description: 'Every step, oldest first (one application only)' }) steps?: StepView[];
}

export class ApplicationPage {
  @ApiProperty({ type: [ApplicationView] }) items!: ApplicationView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

export interface ClockSettings {
  fastTrackTargetHours: number;
  followUpDays: number;
}

export function toApplicationView(a: AidApplication, settings: ClockSettings, now: Date, today: string, steps?: AidApplicationStep[]): ApplicationView {
  return {
    id: a.id,
    memberId: a.memberId,
    hardshipFileId: a.hardshipFileId,
    orgUnitId: a.orgUnitId,
    kind: a.kind,
    requestedAmountFen: a.requestedAmountFen,
    reason: a.reason,
    documents: a.documents,
    stage: a.stage,
    fastTrack: a.fastTrack,
    fastTrackClock: a.fastTrack ? { ...fastTrackClock(a.submittedAt, a.paidAt, now, settings.fastTrackTargetHours), targetHours: settings.fastTrackTargetHours } : null,
    awaitingRatification: a.awaitingRatification,
    allowedActions: allowedActions({ ...a, openObjections: a.objections.filter((o) => o.resolvedAt === null).length }),
    approvedBy: a.approvedBy,
    approvedAmountFen: a.approvedAmountFen,
    budgetId: a.budgetId,
    review: a.review,
    investigation: a.investigation,
    notice: a.notice,
    objections: a.objections,
    decision: a.decision,
    ratification: a.ratification,
    rejection: a.rejection,
    cancellation: a.cancellation,
    followUp: a.followUp,
    followUpDueOn: a.followUpDueOn,
    followUpOverdue: a.stage === 'disbursed' && followUpOverdue(a.followUpDueOn, a.followUp !== null, today),
    memberLeft: a.memberLeftAt !== null,
    submittedBy: a.submittedBy,
    submittedAt: chinaTime(a.submittedAt),
    approvedAt: chinaTime(a.approvedAt),
    paidAt: chinaTime(a.paidAt),
    ...(steps ? { steps: steps.map((s) => ({ action: s.action, fromStage: s.fromStage, toStage: s.toStage, actor: s.actor, actedAt: chinaTime(s.actedAt) })) } : {}),
  };
}
