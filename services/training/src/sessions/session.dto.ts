import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '@gonghui/service-kit';

export class ScheduleSessionRequest {
  @ApiProperty({ example: '低压电工作业（取证班）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  courseTitle!: string;

  @ApiProperty({ example: '2026-12-01T09:00:00+08:00' })
  @IsDateString({ strict: true })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-01T17:00:00+08:00' })
  @IsDateString({ strict: true })
  endsAt!: string;

  @ApiProperty({ example: '市职工文化宫 3 楼' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  location!: string;

  @ApiProperty({ example: 40, minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity!: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The unit the session belongs to: your own unit (the default) or one below it that has members; the whole federation when an administrator leaves it out',
  })
  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId 须为 UUID / orgUnitId must be a UUID' })
  orgUnitId?: string;
}

export class BookSessionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  memberId!: string;
}

export class SessionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() location!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The unit the session belongs to; null for a federation-wide session' }) orgUnitId!: string | null;
  @ApiProperty({ example: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/', description: 'Its path: officers of that subtree, and of the units above it, see the session' })
  orgUnitPath!: string;
  @ApiProperty() capacity!: number;
  @ApiProperty({ description: 'Seats taken' }) booked!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SessionPage {
  @ApiProperty({ type: [SessionView] }) items!: SessionView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class BookingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ format: 'date-time' }) bookedAt!: string;
}

export class BookingPage {
  @ApiProperty({ type: [BookingView] }) items!: BookingView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ListQuery extends PageQuery {}
