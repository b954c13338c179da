import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '@gonghui/service-kit';

export class SubmitHazardReportRequest {
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: '举报人会员 id (verified against the member directory)' })
  @IsUUID()
  memberId!: string;

  @ApiProperty({ example: '张伟', description: '举报人真实姓名 the reporter’s real name (stored encrypted; shown to the handling officers only)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  reporterName!: string;

  @ApiProperty({ example: '重庆某化工有限公司', description: '被举报单位 the enterprise' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  enterpriseName!: string;

  @ApiProperty({ example: '三号车间消防通道长期堆放易燃原料', description: '隐患情况 the hazard' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description!: string;
}

export class VerifyHazardReportRequest {
  @ApiProperty({ enum: [1, 2], example: 2, description: '奖励等级: 1 = 2,000 元 (200000 fen), 2 = 3,000 元 (300000 fen)' })
  @IsIn([1, 2])
  rewardLevel!: 1 | 2;
}

export class RejectHazardReportRequest {
  @ApiProperty({ example: '经现场核查，隐患已于举报前整改', description: '不予核实理由 reason' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class HazardReportView {
  @ApiProperty({ format: 'uuid', example: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11' }) orgUnitId!: string;
  @ApiProperty({ example: '重庆某化工有限公司' }) enterpriseName!: string;
  @ApiProperty({ example: '三号车间消防通道长期堆放易燃原料' }) description!: string;
  @ApiProperty({ nullable: true, type: String, example: null, description: '举报人姓名: only for the handling officers (personal-data-viewer), in a single report, never in lists' })
  reporterName!: string | null;
  @ApiProperty({ enum: ['submitted', 'verified', 'rejected'], example: 'submitted', description: 'submitted 待核查, verified 已核实, rejected 不予核实' }) status!: string;
  @ApiProperty({ nullable: true, type: Number, example: null }) rewardLevel!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: null, description: 'fen' }) rewardFen!: number | null;
  @ApiProperty({ nullable: true, type: String, example: null }) rejectionReason!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T09:00:00.000+08:00' }) reportedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null }) handledAt!: string | null;
}

export class HazardReportPage {
  @ApiProperty({ type: [HazardReportView] }) items!: HazardReportView[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class ListHazardReportsQuery extends PageQuery {}
