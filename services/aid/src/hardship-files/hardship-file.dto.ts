import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { HARDSHIP_CAUSES, HARDSHIP_FILE_CLOSURES, HARDSHIP_GRADES, HardshipCause, HardshipFileClosure, HardshipGrade } from '@gonghui/contracts';
import { chinaTime, NestedObject, PageQuery } from '@gonghui/service-kit';
import { HardshipDetails, MAX_REASON_LENGTH } from './domain/detail-access';
import { HardshipDetailAccess } from './hardship-detail-access.entity';
import { MAX_NOTE_LENGTH, MAX_REASON_TEXT_LENGTH, REVIEW_DECISIONS, ReviewDecision } from './domain/file-life';
import { HardshipFile, HardshipFileReview, HardshipFileVisit } from './hardship-file.entity';

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

const GRADE_MESSAGE = `grade 须为 / grade must be one of: ${HARDSHIP_GRADES.join(', ')}`;

export class OpenHardshipFileRequest {
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: '会员 the member the file is for' })
  @IsUUID()
  memberId!: string;

  @ApiProperty({ enum: HARDSHIP_CAUSES, example: 'illness', description: '致困原因 cause of hardship' })
  @IsIn(HARDSHIP_CAUSES as HardshipCause[], { message: `cause 须为 / cause must be one of: ${HARDSHIP_CAUSES.join(', ')}` })
  cause!: HardshipCause;

  @ApiPropertyOptional({ enum: HARDSHIP_GRADES, example: 'relative', description: '困难类别：deep 深度困难 / relative 相对困难 / sudden-accident 意外致困; may be given later' })
  @IsOptional()
  @IsIn(HARDSHIP_GRADES as HardshipGrade[], { message: GRADE_MESSAGE })
  grade?: HardshipGrade;

  @ApiPropertyOptional({
    maxLength: 200,
    example: '渝北区龙溪街道松石北路88号3-2',
    description:
      '户号或户籍地址 the household id or registered address found at the visit: one open file per household (a spouse who is also a member gets no second file). Stored only as a keyed hash. Without it the member is a household of their own.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  household?: string;

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

export class JobTakenView {
  @ApiProperty({ example: '重庆长安汽车股份有限公司', description: '用人单位 employer' }) employerName!: string;
  @ApiProperty({ example: '装配工', description: '岗位 position' }) position!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-25T10:30:00.000+08:00', description: '接受录用时间 when the offer was accepted' }) takenAt!: string;
}

export class HardshipFileView {
  @ApiProperty({ format: 'uuid', example: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', description: '档案 file id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: '会员 member' }) memberId!: string;
  @ApiProperty({ format: 'uuid', example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', description: '所属工会 the member’s union unit' }) orgUnitId!: string;
  @ApiProperty({ enum: ['open', 'closed'], example: 'open', description: 'open 在档 / closed 已销档' }) status!: 'open' | 'closed';
  @ApiProperty({ enum: HARDSHIP_CAUSES, example: 'illness', description: '致困原因 cause of hardship' }) cause!: HardshipCause;
  @ApiProperty({ enum: HARDSHIP_GRADES, nullable: true, example: 'relative', description: '困难类别 grade; null until graded' }) grade!: HardshipGrade | null;
  @ApiProperty({ type: HouseholdVisitView }) visit!: HouseholdVisitView;
  @ApiProperty({
    example: true,
    description: 'true when the visit’s income, housing, health and schooling details are left out: shown only to a hardship-case-worker who gives a reason (logged)',
  })
  detailsWithheld!: boolean;
  @ApiProperty({ example: 'officer-wang', description: '建档走访人 who made the opening visit' }) visitedBy!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T10:00:00.000+08:00', description: '建档时间 when the file was opened' }) openedAt!: string;
  @ApiProperty({ format: 'date', example: '2026-11-20', description: '最近走访日期 date of the latest visit' }) lastVisitedOn!: string;
  @ApiProperty({ format: 'date', nullable: true, example: '2026-11-25', type: String, description: '最近年度复核日期 date of the latest annual review' }) lastReviewedOn!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, example: '2026-11-26T09:00:00.000+08:00', type: String, description: '最近一次帮扶发放 latest payment of aid for the file; null: never helped' })
  lastHelpedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, example: null, type: String, description: '销档时间 when the file was closed' }) closedAt!: string | null;
  @ApiProperty({ enum: HARDSHIP_FILE_CLOSURES, nullable: true, example: null, description: '销档类别 out-of-hardship 脱困' }) closure!: HardshipFileClosure | null;
  @ApiProperty({ nullable: true, example: null, type: String, description: '脱困理由 why the review closed the file' }) closureReason!: string | null;
  @ApiProperty({ type: JobTakenView, nullable: true, description: '已就业 a job taken through an employment referral' }) jobTaken!: JobTakenView | null;
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
  @ApiProperty({ format: 'uuid', example: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d', description: 'entry id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', description: '档案 file id' }) fileId!: string;
  @ApiProperty({ format: 'uuid', example: '1f2e3d4c-5b6a-4789-8a9b-0c1d2e3f4a5b', description: '查看人 user id' }) actorId!: string;
  @ApiProperty({ example: 'caseworker-wang', description: '查看人 user name' }) actor!: string;
  @ApiProperty({ example: '核定临时救助金额 / assessing the amount of temporary relief', description: '理由 reason given' }) reason!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-25T14:00:00.000+08:00', description: '查看时间 when' }) accessedAt!: string;
}

export class DetailAccessLogPage {
  @ApiProperty({ type: [DetailAccessEntryView] }) items!: DetailAccessEntryView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class DetailAccessLogQuery extends PageQuery {}

export class HardshipFilePage {
  @ApiProperty({ type: [HardshipFileView] }) items!: HardshipFileView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'cursor of the next page; null on the last' }) nextCursor!: string | null;
}

/** The aid desk's queries: by status, grade, cause and unit subtree; not visited for N days; never helped. */
export class ListHardshipFilesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'closed'], example: 'open', description: '档案状态 status' })
  @IsOptional()
  @IsIn(['open', 'closed'], { message: 'status 须为 open 或 closed / status must be open or closed' })
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ enum: HARDSHIP_GRADES, example: 'deep', description: '困难类别 grade' })
  @IsOptional()
  @IsIn(HARDSHIP_GRADES as HardshipGrade[], { message: GRADE_MESSAGE })
  grade?: HardshipGrade;

  @ApiPropertyOptional({ enum: HARDSHIP_CAUSES, example: 'illness', description: '致困原因 cause' })
  @IsOptional()
  @IsIn(HARDSHIP_CAUSES as HardshipCause[], { message: `cause 须为 / cause must be one of: ${HARDSHIP_CAUSES.join(', ')}` })
  cause?: HardshipCause;

  @ApiPropertyOptional({ format: 'uuid', example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', description: '只看该工会及其下级 only files of this unit’s subtree (within yours)' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 3650, example: 365, description: '超过 N 天未走访的在档档案 open files whose latest visit is N or more days ago (365: not visited for a year)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  unvisitedDays?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'], example: 'true', description: 'true: 从未获帮扶的档案 files never helped (no payment recorded); false: files helped at least once' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'neverHelped 须为 true 或 false / neverHelped must be true or false' })
  neverHelped?: 'true' | 'false';
}

export class GradeHardshipFileRequest {
  @ApiProperty({ enum: HARDSHIP_GRADES, example: 'deep', description: '困难类别：deep 深度困难 / relative 相对困难 / sudden-accident 意外致困' })
  @IsIn(HARDSHIP_GRADES as HardshipGrade[], { message: GRADE_MESSAGE })
  grade!: HardshipGrade;
}

export class RecordVisitRequest {
  @ApiProperty({ format: 'date', example: '2026-11-25', description: '走访日期 date of the visit (not in the future, not before the opening visit)' })
  @IsString()
  @MaxLength(10)
  visitedOn!: string;

  @ApiProperty({ maxLength: MAX_NOTE_LENGTH, example: '丈夫病情稳定，女儿已入学，家中仍靠本人工资维持', description: '走访情况 what the visit found; sealed at rest, shown to case workers only' })
  @IsString()
  @MaxLength(MAX_NOTE_LENGTH)
  notes!: string;
}

export class VisitView {
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f70-4819-9a2b-3c4d5e6f7a8b', description: '走访记录 visit id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', description: '档案 file id' }) fileId!: string;
  @ApiProperty({ format: 'date', example: '2026-11-25', description: '走访日期 date of the visit' }) visitedOn!: string;
  @ApiProperty({ example: 'officer-wang', description: '走访人 who visited' }) visitedBy!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-25T16:00:00.000+08:00', description: '登记时间 when it was recorded' }) recordedAt!: string;
  @ApiPropertyOptional({ example: '丈夫病情稳定，女儿已入学，家中仍靠本人工资维持', description: '走访情况: case workers only, with a reason (logged)' }) notes?: string;
  @ApiProperty({ example: true, description: 'true when the notes are left out' }) detailsWithheld!: boolean;
}

export class VisitPage {
  @ApiProperty({ type: [VisitView] }) items!: VisitView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class ListVisitsQuery extends PageQuery {
  @ApiPropertyOptional({
    maxLength: MAX_REASON_LENGTH,
    example: '年度复核前了解走访情况 / reading the visits before the annual review',
    description: '查看走访情况的理由（个案专干必填，记入日志） / Why the notes are read: required of a hardship-case-worker, logged',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON_LENGTH)
  reason?: string;
}

export class ReviewHardshipFileRequest {
  @ApiProperty({ format: 'date', example: '2026-11-25', description: '复核日期 date of the review (once per calendar year)' })
  @IsString()
  @MaxLength(10)
  reviewedOn!: string;

  @ApiProperty({ enum: REVIEW_DECISIONS, example: 'keep', description: 'keep 继续保留 / close 脱困销档' })
  @IsIn(REVIEW_DECISIONS as ReviewDecision[], { message: 'decision 须为 keep 或 close / decision must be keep or close' })
  decision!: ReviewDecision;

  @ApiPropertyOptional({ maxLength: MAX_REASON_TEXT_LENGTH, example: '本人已稳定就业，家庭人均收入超过当地低保标准', description: '理由 reason; required to close as out of hardship (脱困)' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON_TEXT_LENGTH)
  reason?: string;
}

/** The file as a reader sees it: with the details when `details` were opened for a logged view, without them (and flagged) otherwise. */
export function toHardshipFileView(file: HardshipFile, details: HardshipDetails | null): HardshipFileView {
  return {
    id: file.id,
    memberId: file.memberId,
    orgUnitId: file.orgUnitId,
    status: file.status,
    cause: file.cause,
    visit: { visitedOn: file.visitedOn, householdSize: file.householdSize, ...(details ?? {}) },
    grade: file.grade,
    detailsWithheld: details === null,
    visitedBy: file.visitedBy,
    openedAt: chinaTime(file.openedAt),
    lastVisitedOn: file.lastVisitedOn,
    lastReviewedOn: file.lastReviewedOn,
    lastHelpedAt: chinaTime(file.lastHelpedAt),
    closedAt: chinaTime(file.closedAt),
    closure: file.closure,
    closureReason: file.closureReason,
    jobTaken: file.jobTakenAt ? { employerName: file.jobEmployer ?? '', position: file.jobPosition ?? '', takenAt: chinaTime(file.jobTakenAt) } : null,
  };
}

export function toVisitView(visit: HardshipFileVisit, notes: string | null): VisitView {
  return {
    id: visit.id,
    fileId: visit.fileId,
    visitedOn: visit.visitedOn,
    visitedBy: visit.visitedBy,
    recordedAt: chinaTime(visit.recordedAt),
    ...(notes === null ? {} : { notes }),
    detailsWithheld: notes === null,
  };
}

export function toDetailAccessEntryView(entry: HardshipDetailAccess): DetailAccessEntryView {
  return { id: entry.id, fileId: entry.fileId, actorId: entry.actorId, actor: entry.actor, reason: entry.reason, accessedAt: chinaTime(entry.accessedAt) };
}

export class ReviewView {
  @ApiProperty({ format: 'uuid', example: '4d5e6f70-8192-4a3b-8c4d-5e6f70819203', description: '复核记录 review id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', description: '档案 file id' }) fileId!: string;
  @ApiProperty({ example: 2026, description: '复核年度 the year reviewed' }) reviewYear!: number;
  @ApiProperty({ format: 'date', example: '2026-11-25', description: '复核日期 date of the review' }) reviewedOn!: string;
  @ApiProperty({ enum: REVIEW_DECISIONS, example: 'keep', description: 'keep 继续保留 / close 脱困销档' }) decision!: ReviewDecision;
  @ApiProperty({ nullable: true, type: String, example: '两子仍在读，家庭收入未改善', description: '理由 reason' }) reason!: string | null;
  @ApiProperty({ example: 'officer-wang', description: '复核人 who reviewed' }) reviewedBy!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-25T16:00:00.000+08:00', description: '登记时间 when recorded' }) recordedAt!: string;
}

export class ReviewPage {
  @ApiProperty({ type: [ReviewView] }) items!: ReviewView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class ListReviewsQuery extends PageQuery {}

export function toReviewView(r: HardshipFileReview): ReviewView {
  return { id: r.id, fileId: r.fileId, reviewYear: r.reviewYear, reviewedOn: r.reviewedOn, decision: r.decision, reason: r.reason, reviewedBy: r.reviewedBy, recordedAt: chinaTime(r.recordedAt) };
}
