import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsDateString, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NestedArray, PageQuery } from '@gonghui/service-kit';
import { ATTENDEE_SIDES, AttendeeSide, SESSION_KINDS, SessionKind } from './domain/session';

export class AttendeeInput {
  @ApiProperty({ enum: ATTENDEE_SIDES, example: 'worker', description: 'worker 职工方, employer 用人单位方, mediator 调解员, other 其他' })
  @IsIn(ATTENDEE_SIDES as AttendeeSide[])
  side!: AttendeeSide;

  @ApiProperty({ example: '申请人及其委托代理人', description: '出席人员 who attended' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  description!: string;
}

export class RecordSessionRequest {
  @ApiProperty({ enum: SESSION_KINDS, example: 'joint', description: 'joint 面对面, separate 背对背' })
  @IsIn(SESSION_KINDS as SessionKind[])
  kind!: SessionKind;

  @ApiProperty({ format: 'date-time', example: '2026-11-22T10:00:00+08:00', description: '调解时间 when it was held (not in the future)' })
  @IsDateString({ strict: true })
  heldAt!: string;

  @ApiProperty({ type: [AttendeeInput], description: '出席人员 attendees' })
  @NestedArray(() => AttendeeInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  attendees!: AttendeeInput[];

  @ApiProperty({ example: '双方就欠薪数额达成初步一致，用人单位同意分两期支付', description: '调解笔录 notes (personal data: stored encrypted, shown to the panel and the centre’s officers only)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  notes!: string;
}

export class AttendeeView {
  @ApiProperty({ enum: ATTENDEE_SIDES, example: 'worker' }) side!: AttendeeSide;
  @ApiProperty({ example: '申请人及其委托代理人' }) description!: string;
}

export class SessionView {
  @ApiProperty({ format: 'uuid', example: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928' }) caseId!: string;
  @ApiProperty({ enum: SESSION_KINDS, example: 'joint' }) kind!: SessionKind;
  @ApiProperty({ format: 'date-time', example: '2026-11-22T10:00:00.000+08:00' }) heldAt!: string;
  @ApiProperty({ type: [AttendeeView] }) attendees!: AttendeeView[];
  @ApiProperty({ nullable: true, type: String, example: '双方就欠薪数额达成初步一致', description: 'null unless you are on the panel or a centre officer who may see personal data' })
  notes!: string | null;
  @ApiProperty({ example: false, description: '笔录对你不可见 the notes are hidden from you' }) notesHidden!: boolean;
  @ApiProperty({ example: 'mediator-wang' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-22T12:00:00.000+08:00' }) recordedAt!: string;
}

export class SessionPage {
  @ApiProperty({ type: [SessionView] }) items!: SessionView[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class ListSessionsQuery extends PageQuery {}
