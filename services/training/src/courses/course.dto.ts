import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '@gonghui/service-kit';
import { COURSE_CATEGORIES, CourseCategory } from './domain/course';

const LEVELS = ['novice', 'skilled', 'master'] as const;
type Level = (typeof LEVELS)[number];

export class CreateCourseRequest {
  @ApiProperty({ example: '低压电工作业（取证班）', description: 'Title (课程名称)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ enum: COURSE_CATEGORIES, example: 'certification', description: 'skills 技能培训, culture-sport 文体, certification 考证' })
  @IsIn(COURSE_CATEGORIES)
  category!: CourseCategory;

  @ApiProperty({ example: '理论 24 学时、实操 32 学时，结业考核合格者参加特种作业操作证考试', description: 'What the course covers (课程介绍)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description!: string;

  @ApiProperty({ example: '市总工会工匠学院', description: 'Who teaches it (承办单位)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  provider!: string;

  @ApiProperty({ example: true, description: 'Free for members (会员免费); otherwise feeFen is the fee' })
  @IsBoolean()
  freeForMembers!: boolean;

  @ApiPropertyOptional({ example: 0, minimum: 0, description: 'Fee in fen when not free (费用，分)', default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  feeFen?: number;

  @ApiPropertyOptional({ example: false, description: 'Only for gig workers (仅限新就业形态劳动者)', default: false })
  @IsOptional()
  @IsBoolean()
  gigWorkersOnly?: boolean;

  @ApiPropertyOptional({ enum: LEVELS, example: 'novice', description: 'Minimum skill level to enrol (报名最低技能等级)' })
  @IsOptional()
  @IsIn(LEVELS)
  minSkillLevel?: Level;

  @ApiPropertyOptional({ example: 80, minimum: 1, maximum: 100, default: 80, description: 'Minimum attendance for completion, in percent (结业最低出勤率)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  minAttendancePercent?: number;

  @ApiPropertyOptional({ example: true, default: false, description: 'Completion needs a passed assessment (结业考核)' })
  @IsOptional()
  @IsBoolean()
  hasAssessment?: boolean;

  @ApiPropertyOptional({ enum: LEVELS, example: 'skilled', description: 'Skill level its certificate grants (证书授予的技能等级)' })
  @IsOptional()
  @IsIn(LEVELS)
  grantsSkillLevel?: Level;

  @ApiPropertyOptional({ example: 36, minimum: 1, maximum: 240, description: 'Months a certificate stays valid; none: it does not expire (证书有效期，月)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(240)
  certificateValidMonths?: number;

  @ApiPropertyOptional({ format: 'uuid', example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', description: 'The unit that owns it: your own (the default) or one below it' })
  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId 须为 UUID / orgUnitId must be a UUID' })
  orgUnitId?: string;
}

export class CourseView {
  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }) id!: string;
  @ApiProperty({ example: '低压电工作业（取证班）' }) title!: string;
  @ApiProperty({ enum: COURSE_CATEGORIES, example: 'certification' }) category!: CourseCategory;
  @ApiProperty({ example: '考证', description: 'The category in Chinese' }) categoryLabel!: string;
  @ApiProperty({ example: '理论 24 学时、实操 32 学时' }) description!: string;
  @ApiProperty({ example: '市总工会工匠学院' }) provider!: string;
  @ApiProperty({ example: true }) freeForMembers!: boolean;
  @ApiProperty({ example: 0, description: 'Fee in fen' }) feeFen!: number;
  @ApiProperty({ example: false }) gigWorkersOnly!: boolean;
  @ApiProperty({ enum: LEVELS, nullable: true, example: null, type: String }) minSkillLevel!: Level | null;
  @ApiProperty({ example: 80 }) minAttendancePercent!: number;
  @ApiProperty({ example: true }) hasAssessment!: boolean;
  @ApiProperty({ enum: LEVELS, nullable: true, example: 'skilled', type: String }) grantsSkillLevel!: Level | null;
  @ApiProperty({ nullable: true, example: 36, type: Number }) certificateValidMonths!: number | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11' }) orgUnitId!: string | null;
  @ApiProperty({ example: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/' }) orgUnitPath!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T09:00:00.000+08:00' }) createdAt!: string;
}

export class CoursePage {
  @ApiProperty({ type: [CourseView] }) items!: CourseView[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
}

export class CourseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COURSE_CATEGORIES, example: 'culture-sport', description: 'Only this category' })
  @IsOptional()
  @IsIn(COURSE_CATEGORIES)
  category?: CourseCategory;

  @ApiPropertyOptional({ example: '电工', description: 'Part of the title' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Type(() => String)
  q?: string;
}
