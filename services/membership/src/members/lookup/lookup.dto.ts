import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@gonghui/service-kit';
import { LOOKUP_LOG_KINDS, LookupLogKind } from './lookup-log.entity';

export class ListLookupLogQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LOOKUP_LOG_KINDS, example: 'lookup', description: 'Only lookups, or only refused enrolments' })
  @IsOptional()
  @IsIn(LOOKUP_LOG_KINDS, { message: `记录类型无效 / kind must be one of ${LOOKUP_LOG_KINDS.join(', ')}` })
  kind?: LookupLogKind;
}

export class LookupLogEntryView {
  @ApiProperty({ format: 'uuid', example: '8f7e6d5c-4b3a-4291-8f7e-6d5c4b3a2918' }) id!: string;
  @ApiProperty({ enum: LOOKUP_LOG_KINDS, example: 'lookup', description: 'lookup: a lookup by resident ID; enrolment-refused: an enrolment refused because the person is an active member outside the officer’s subtree' })
  kind!: LookupLogKind;
  @ApiProperty({ example: 'yubei.membership' }) actor!: string;
  @ApiProperty({ format: 'uuid', example: '5b8f0e7a-3c1d-4e2f-9a6b-7c8d9e0f1a2b' }) actorId!: string;
  @ApiProperty({ description: 'The organisation path of the actor’s scope', example: '/CQ/CQ-YB/' }) actorScopePath!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The reason given (lookups)', example: '核对困难职工帮扶申请人的会籍' }) reason!: string | null;
  @ApiProperty({ description: 'The keyed hash of the resident ID (never the ID itself): equal hashes, same person', example: 'b1946ac92492d2347c6235b4d2611184f7e0b6c3a1d5e8f9a0b1c2d3e4f5a6b7' })
  nationalIdHash!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Lookups: how many memberships were found in the actor’s subtree', example: 1 }) found!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Refused enrolments: the unit the actor tried to enrol into', example: null }) orgUnitId!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-26T10:05:12.000+08:00', description: 'In China Standard Time' }) occurredAt!: string;
}

export class LookupLogPage {
  @ApiProperty({ type: [LookupLogEntryView] }) items!: LookupLogEntryView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}
