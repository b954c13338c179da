import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery } from '@gonghui/service-kit';
import { COURSE_CATEGORIES, CourseCategory } from '../courses/domain/course';

export class ScheduleSessionRequest {
  @ApiPropertyOptional({ example: '低压电工作业（取证班）第 1 期', description: 'Title; defaults to the course’s title when courseId is given (required otherwise)' })
  @ValidateIf((o: ScheduleSessionRequest) => !o.courseId || o.courseTitle !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  courseTitle?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', description: 'The catalogue course this session runs (课程)' })
  @IsOptional()
  @IsUUID('all', { message: 'courseId 须为 UUID / courseId must be a UUID' })
  courseId?: string;

  @ApiProperty({ example: '2026-12-01T09:00:00+08:00', description: 'Start (开始时间)' })
  @IsDateString({ strict: true })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-01T17:00:00+08:00', description: 'End (结束时间)' })
  @IsDateString({ strict: true })
  endsAt!: string;

  @ApiProperty({ example: '市职工文化宫 3 楼', description: 'Place (地点)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  location!: string;

  @ApiProperty({ example: 40, minimum: 1, maximum: 10000, description: 'Seats (名额)' })
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity!: number;

  @ApiPropertyOptional({ example: 86400, minimum: 1, maximum: 604800, default: 86400, description: 'Seconds a seat offered from the waiting list stays open (候补补位确认时限, 24 h by default)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(604800)
  offerWindowSeconds?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11',
    description: 'The unit the session belongs to: your own unit (the default) or one below it that has members; the whole federation when an administrator leaves it out',
  })
  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId 须为 UUID / orgUnitId must be a UUID' })
  orgUnitId?: string;
}

export class BookSessionRequest {
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'The member to book (会员)' })
  @IsUUID()
  memberId!: string;

  @ApiPropertyOptional({ example: true, default: true, description: 'When the session is full: true puts the member on the waiting list (候补), false answers 409' })
  @IsOptional()
  @IsBoolean()
  waitIfFull?: boolean;
}

export class SessionView {
  @ApiProperty({ format: 'uuid', example: '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918' }) id!: string;
  @ApiProperty({ example: '低压电工作业（取证班）第 1 期' }) courseTitle!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', description: 'The catalogue course, if any' }) courseId!: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:00:00.000+08:00' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-01T17:00:00.000+08:00' }) endsAt!: string;
  @ApiProperty({ example: '市职工文化宫 3 楼' }) location!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', description: 'The unit the session belongs to; null for a federation-wide session' })
  orgUnitId!: string | null;
  @ApiProperty({ example: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/', description: 'Its path: officers of that subtree, and of the units above it, see the session' })
  orgUnitPath!: string;
  @ApiProperty({ example: 40 }) capacity!: number;
  @ApiProperty({ example: 38, description: 'Seats taken (booked, or offered to someone from the waiting list)' }) booked!: number;
  @ApiProperty({ example: 2, description: 'Seats free (剩余名额)' }) freeSeats!: number;
  @ApiProperty({ enum: ['scheduled', 'cancelled'], example: 'scheduled', description: 'scheduled 已排期, cancelled 已取消' }) status!: 'scheduled' | 'cancelled';
  @ApiProperty({ example: 86400, description: 'Seconds an offered seat stays open' }) offerWindowSeconds!: number;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T09:00:00.000+08:00' }) createdAt!: string;
}

export class SessionPage {
  @ApiProperty({ type: [SessionView] }) items!: SessionView[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

const STATUSES = ['booked', 'waiting', 'offered', 'cancelled', 'expired', 'removed'] as const;

export class BookingView {
  @ApiProperty({ format: 'uuid', example: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918' }) sessionId!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6' }) memberId!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T10:00:00.000+08:00', description: 'Arrival time: the order of the waiting list' }) bookedAt!: string;
  @ApiProperty({
    enum: STATUSES,
    example: 'waiting',
    description: 'booked 已预约, waiting 候补中, offered 待确认补位 (a seat held for you until offerExpiresAt), cancelled 已取消, expired 补位已过期, removed 已移除（离会）',
  })
  status!: (typeof STATUSES)[number];
  @ApiProperty({ nullable: true, type: Number, example: 3, description: 'Place on the waiting list (1 = next), while waiting' }) waitingPosition!: number | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-11-25T10:00:00.000+08:00', description: 'Until when an offered seat can be taken' })
  offerExpiresAt!: string | null;
}

export class BookingPage {
  @ApiProperty({ type: [BookingView] }) items!: BookingView[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class ListQuery extends PageQuery {}

export class BookingListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES, example: 'waiting', description: 'Only places in this state (waiting: the waiting list, in arrival order)' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];
}

export class SessionSearchQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COURSE_CATEGORIES, example: 'skills', description: 'Sessions of courses of this category' })
  @IsOptional()
  @IsIn(COURSE_CATEGORIES)
  category?: CourseCategory;

  @ApiPropertyOptional({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', description: 'Sessions of this course' })
  @IsOptional()
  @IsUUID('all', { message: 'courseId 须为 UUID / courseId must be a UUID' })
  courseId?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '4a1d3b5f-8b46-4e8c-ae7d-1d9f9f2e3b22', description: 'Sessions held by this district (or any unit) and the units below it' })
  @IsOptional()
  @IsUUID('all', { message: 'districtId 须为 UUID / districtId must be a UUID' })
  districtId?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-01T00:00:00+08:00', description: 'Starting at or after' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-31T23:59:59+08:00', description: 'Starting before' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;

  @ApiPropertyOptional({ example: true, description: 'Only sessions with a free seat (有空位), not cancelled' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  hasFreeSeats?: boolean;
}
