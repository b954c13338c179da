import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { PageQuery } from '@gonghui/service-kit';

export class CollectiveEnrolmentRequest {
  @ApiProperty({ format: 'uuid', description: 'The grassroots or industry union the roster enrols into' })
  @IsUUID()
  orgUnitId!: string;
}

export class CollectiveEnrolmentUpload extends CollectiveEnrolmentRequest {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'CSV (UTF-8 or GBK) or XLSX, at most 20 MB. Header row with 姓名/name, 身份证号/nationalId, 手机号/mobile; optional 用工形式/employmentForm, 行业/industry, 用人单位/employer, 技能等级/skillLevel.',
  })
  file!: unknown;
}

export class JobView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'collective-enrolment' }) kind!: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status!: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'Data rows in the file' }) totalRows!: number;
  @ApiProperty({ description: 'Rows dealt with so far (progress)' }) rowsDone!: number;
  @ApiProperty() enrolled!: number;
  @ApiProperty({ description: 'Already active members of this unit: skipped, so a corrected roster can be submitted again' }) alreadyEnrolled!: number;
  @ApiProperty({ description: 'Rows refused; see rejected-rows for line and reason' }) rejected!: number;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
}

export class RejectedRowView {
  @ApiProperty({ description: 'Line in the file; the header is line 1' }) line!: number;
  @ApiProperty() field!: string;
  @ApiProperty() reason!: string;
}

export class RejectedRowPage {
  @ApiProperty({ type: [RejectedRowView] }) items!: RejectedRowView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class RejectedRowsQuery extends PageQuery {}
