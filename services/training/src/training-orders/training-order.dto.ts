import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsDateString, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCreditCode } from '@gonghui/identifiers';
import { NestedArray, PageQuery } from '@gonghui/service-kit';
import { ORDER_STATUSES, OrderStatus } from './domain/training-order';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class PlaceOrderRequest {
  @ApiProperty({ example: '锦州汉拿电机有限公司', description: '企业名称 the enterprise' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  enterpriseName!: string;

  @ApiProperty({ example: '91210700MA0Y7K3P5H', description: '统一社会信用代码 unified social credit code (GB 32100, check character verified)' })
  @IsCreditCode()
  creditCode!: string;

  @ApiProperty({ example: '维修电工', description: '所需技能 the skill needed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  skill!: string;

  @ApiProperty({ example: 30, minimum: 1, maximum: 100000, description: '培训人数 number of workers' })
  @IsInt()
  @Min(1)
  @Max(100000)
  workers!: number;

  @ApiProperty({ example: '锦州市太和区汉拿电机二车间', description: '培训地点 where the training happens' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  location!: string;

  @ApiProperty({ example: '2026-12-01', format: 'date', description: '期望开始日期 first wished date (China)' })
  @Matches(DATE_ONLY, { message: 'wishedFrom 须为日期 YYYY-MM-DD / wishedFrom must be a date YYYY-MM-DD' })
  @IsDateString({ strict: true })
  wishedFrom!: string;

  @ApiProperty({ example: '2026-12-10', format: 'date', description: '期望结束日期 last wished date (China), not before wishedFrom' })
  @Matches(DATE_ONLY, { message: 'wishedTo 须为日期 YYYY-MM-DD / wishedTo must be a date YYYY-MM-DD' })
  @IsDateString({ strict: true })
  wishedTo!: string;

  @ApiPropertyOptional({ example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', description: '所属组织 the unit this record belongs to: yours or one below it (default: yours; required for an officer without a unit)' })
  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId 须为 UUID / orgUnitId must be a UUID' })
  orgUnitId?: string;
}

export class AssignInstructorRequest {
  @ApiProperty({ format: 'uuid', example: '0d3c2b1a-9f8e-4d7c-8b6a-5f4e3d2c1b0a', description: 'An instructor of your pool' })
  @IsUUID()
  instructorId!: string;

  @ApiProperty({ example: '2026-12-02T09:00:00+08:00', description: '派师开始 start of the period the instructor is sent for' })
  @IsDateString({ strict: true })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-02T12:00:00+08:00', description: '派师结束 end of that period' })
  @IsDateString({ strict: true })
  endsAt!: string;
}

export class RecordOrderSessionRequest {
  @ApiProperty({ format: 'uuid', example: '0d3c2b1a-9f8e-4d7c-8b6a-5f4e3d2c1b0a', description: 'The instructor who taught, sent on this order' })
  @IsUUID()
  instructorId!: string;

  @ApiProperty({ example: '2026-12-02T09:00:00+08:00', description: 'Start' })
  @IsDateString({ strict: true })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-02T12:00:00+08:00', description: 'End' })
  @IsDateString({ strict: true })
  endsAt!: string;

  @ApiProperty({ example: '电机绕组故障排查（现场实操）', description: '授课内容 topic' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  topic!: string;

  @ApiProperty({ example: 28, minimum: 0, description: '实到人数 workers who attended (at most the order’s workers)' })
  @IsInt()
  @Min(0)
  @Max(100000)
  attended!: number;
}

export class OutcomeMeasureDto {
  @ApiProperty({ example: '部件合格率', description: '效果指标 outcome measure' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  measure!: string;

  @ApiProperty({ example: 80, description: 'Before the training (e.g. percent)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1_000_000)
  @Max(1_000_000)
  before!: number;

  @ApiProperty({ example: 95, description: 'After the training' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1_000_000)
  @Max(1_000_000)
  after!: number;
}

export class EvaluateOrderRequest {
  @ApiProperty({ example: 95, minimum: 0, maximum: 100, description: '企业评分 the enterprise’s score' })
  @IsInt()
  @Min(0)
  @Max(100)
  enterpriseScore!: number;

  @ApiProperty({ example: 92, minimum: 0, maximum: 100, description: '学员评分 the trainees’ score' })
  @IsInt()
  @Min(0)
  @Max(100)
  traineeScore!: number;

  @ApiProperty({ example: 90, minimum: 0, maximum: 100, description: '学院评分 the academy’s score' })
  @IsInt()
  @Min(0)
  @Max(100)
  academyScore!: number;

  @ApiProperty({ type: [OutcomeMeasureDto], description: '效果指标 outcome measures', example: [{ measure: '部件合格率', before: 80, after: 95 }] })
  @NestedArray(() => OutcomeMeasureDto)
  @ArrayMaxSize(20)
  outcomes!: OutcomeMeasureDto[];

  @ApiPropertyOptional({ example: '企业反映返修率明显下降', description: '评价说明 note' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class AssignmentView {
  @ApiProperty({ format: 'uuid', example: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d', description: 'Assignment id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '0d3c2b1a-9f8e-4d7c-8b6a-5f4e3d2c1b0a', description: 'Instructor id' }) instructorId!: string;
  @ApiProperty({ example: '王德顺', description: '讲师姓名' }) instructorName!: string;
  @ApiProperty({ example: '2026-12-02T09:00:00.000+08:00', description: 'Start, China time' }) startsAt!: string;
  @ApiProperty({ example: '2026-12-02T12:00:00.000+08:00', description: 'End, China time' }) endsAt!: string;
}

export class OrderSessionView {
  @ApiProperty({ format: 'uuid', example: '8b7c6d5e-4f3a-4b2c-8d1e-0f9a8b7c6d5e', description: 'Session id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '0d3c2b1a-9f8e-4d7c-8b6a-5f4e3d2c1b0a', description: 'Instructor id' }) instructorId!: string;
  @ApiProperty({ example: '2026-12-02T09:00:00.000+08:00', description: 'Start, China time' }) startsAt!: string;
  @ApiProperty({ example: '2026-12-02T12:00:00.000+08:00', description: 'End, China time' }) endsAt!: string;
  @ApiProperty({ example: '电机绕组故障排查（现场实操）', description: '授课内容' }) topic!: string;
  @ApiProperty({ example: 28, description: '实到人数' }) attended!: number;
}

export class OutcomeView {
  @ApiProperty({ example: '部件合格率', description: 'Measure' }) measure!: string;
  @ApiProperty({ example: 80, description: 'Before' }) before!: number;
  @ApiProperty({ example: 95, description: 'After' }) after!: number;
  @ApiProperty({ example: 15, description: 'Change, after − before (e.g. +15 percentage points)' }) change!: number;
}

export class EvaluationView {
  @ApiProperty({ example: 95, description: '企业评分' }) enterpriseScore!: number;
  @ApiProperty({ example: 92, description: '学员评分' }) traineeScore!: number;
  @ApiProperty({ example: 90, description: '学院评分' }) academyScore!: number;
  @ApiProperty({ example: 92.3, description: '综合评分 mean of the three, one decimal' }) jointScore!: number;
  @ApiProperty({ type: [OutcomeView], description: '效果指标', example: [{ measure: '部件合格率', before: 80, after: 95, change: 15 }] }) outcomes!: OutcomeView[];
  @ApiProperty({ nullable: true, type: String, example: '企业反映返修率明显下降', description: 'Note' }) note!: string | null;
  @ApiProperty({ example: '2026-12-12T10:00:00.000+08:00', description: 'Evaluated at, China time' }) evaluatedAt!: string;
}

export class TrainingOrderView {
  @ApiProperty({ format: 'uuid', example: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a', description: 'Order id' }) id!: string;
  @ApiProperty({ example: '锦州汉拿电机有限公司', description: '企业名称' }) enterpriseName!: string;
  @ApiProperty({ example: '91210700MA0Y7K3P5H', description: '统一社会信用代码' }) creditCode!: string;
  @ApiProperty({ example: '维修电工', description: '所需技能' }) skill!: string;
  @ApiProperty({ example: 30, description: '培训人数' }) workers!: number;
  @ApiProperty({ example: '锦州市太和区汉拿电机二车间', description: '培训地点' }) location!: string;
  @ApiProperty({ example: '2026-12-01', format: 'date', description: '期望开始日期' }) wishedFrom!: string;
  @ApiProperty({ example: '2026-12-10', format: 'date', description: '期望结束日期' }) wishedTo!: string;
  @ApiProperty({ enum: ORDER_STATUSES, example: 'assigned', description: 'open 待派师, assigned 已派师, completed 已结业, evaluated 已评价' }) status!: OrderStatus;
  @ApiProperty({ type: [AssignmentView], description: '派师', example: [] }) assignments!: AssignmentView[];
  @ApiProperty({ type: [OrderSessionView], description: '送教课次', example: [] }) sessions!: OrderSessionView[];
  @ApiProperty({ example: 56, description: '累计实到人次 attendance over all sessions' }) attendedTotal!: number;
  @ApiProperty({ type: EvaluationView, nullable: true, description: '联合评价 the joint evaluation, once made', example: null }) evaluation!: EvaluationView | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', description: 'The unit that took the order' }) orgUnitId!: string | null;
  @ApiProperty({ example: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/', description: 'Its path, for data scope' }) orgUnitPath!: string;
  @ApiProperty({ example: '2026-11-26T09:30:00.000+08:00', description: 'Placed at, China time' }) createdAt!: string;
}

export class TrainingOrderPage {
  @ApiProperty({ type: [TrainingOrderView], description: 'One page' }) items!: TrainingOrderView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class TrainingOrderListQuery extends PageQuery {}
