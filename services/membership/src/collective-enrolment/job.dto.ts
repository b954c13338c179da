import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PageQuery } from '@gonghui/service-kit';

export class CollectiveEnrolmentRequest {
  @ApiProperty({ format: 'uuid', example: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', description: 'The grassroots or industry union the roster enrols into' })
  @IsUUID()
  orgUnitId!: string;
}

export class CollectiveEnrolmentUpload extends CollectiveEnrolmentRequest {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    example: '姓名,身份证号,手机号\n张伟,11010519491231002X,13800138000\n',
    description: 'CSV (UTF-8 or GBK) or XLSX, at most 20 MB. Header row with 姓名/name, 身份证号/nationalId, 手机号/mobile; optional 用工形式/employmentForm, 行业/industry, 用人单位/employer, 技能等级/skillLevel.',
  })
  file!: unknown;
}

export class JobView {
  @ApiProperty({ format: 'uuid', example: '6e5d4c3b-2a19-4807-b6f5-e4d3c2b1a090' }) id!: string;
  @ApiProperty({ example: 'collective-enrolment' }) kind!: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'], example: 'completed' }) status!: string;
  @ApiProperty({ format: 'uuid', example: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }) orgUnitId!: string;
  @ApiProperty({ example: '龙溪快递站花名册.xlsx' }) fileName!: string;
  @ApiProperty({ description: 'Data rows in the file', example: 120 }) totalRows!: number;
  @ApiProperty({ description: 'Rows dealt with so far (progress)', example: 120 }) rowsDone!: number;
  @ApiProperty({ example: 112 }) enrolled!: number;
  @ApiProperty({ description: 'Already active members of this unit: skipped, so a corrected roster can be submitted again', example: 5 }) alreadyEnrolled!: number;
  @ApiProperty({ description: 'Rows refused; see rejected-rows for line and reason', example: 3 }) rejected!: number;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Why the job failed, if it did' }) error!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-26T09:30:00.000+08:00', description: 'In China Standard Time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-26T09:30:04.512+08:00', description: 'In China Standard Time; null while running' }) finishedAt!: string | null;
}

export class RejectedRowView {
  @ApiProperty({ description: 'Line in the file; the header is line 1', example: 17 }) line!: number;
  @ApiProperty({ example: 'nationalId' }) field!: string;
  @ApiProperty({ example: '身份证号校验位错误' }) reason!: string;
}

export class RejectedRowPage {
  @ApiProperty({ type: [RejectedRowView] }) items!: RejectedRowView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class RejectedRowsQuery extends PageQuery {}
