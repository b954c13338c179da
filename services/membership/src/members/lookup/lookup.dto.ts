import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@gonghui/service-kit';
import { LOOKUP_LOG_KINDS, LookupLogKind } from './lookup-log.entity';

export class ListLookupLogQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LOOKUP_LOG_KINDS, description: 'Only lookups, or only refused enrolments' })
  @IsOptional()
  @IsIn(LOOKUP_LOG_KINDS, { message: `记录类型无效 / kind must be one of ${LOOKUP_LOG_KINDS.join(', ')}` })
  kind?: LookupLogKind;
}

export class LookupLogEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LOOKUP_LOG_KINDS, description: 'lookup: a lookup by resident ID; enrolment-refused: an enrolment refused because the person is an active member outside the officer’s subtree' })
  kind!: LookupLogKind;
  @ApiProperty() actor!: string;
  @ApiProperty({ format: 'uuid' }) actorId!: string;
  @ApiProperty({ description: 'The organisation path of the actor’s scope' }) actorScopePath!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The reason given (lookups)' }) reason!: string | null;
  @ApiProperty({ description: 'The keyed hash of the resident ID (never the ID itself): equal hashes, same person' }) nationalIdHash!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Lookups: how many memberships were found in the actor’s subtree' }) found!: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Refused enrolments: the unit the actor tried to enrol into' }) orgUnitId!: string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class LookupLogPage {
  @ApiProperty({ type: [LookupLogEntryView] }) items!: LookupLogEntryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
