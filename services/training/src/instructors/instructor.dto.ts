import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { NestedArray, PageQuery } from '@gonghui/service-kit';

export class PeriodDto {
  @ApiProperty({ example: '2026-12-01T08:00:00+08:00', description: '开始时间 start (ISO 8601 with offset)' })
  @IsDateString({ strict: true })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-05T18:00:00+08:00', description: '结束时间 end, after the start' })
  @IsDateString({ strict: true })
  endsAt!: string;
}

export class RegisterInstructorRequest {
  @ApiProperty({ example: '王德顺', description: '姓名 the master’s name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: ['维修电工', 'PLC编程'], description: '专长 skills the instructor teaches', type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  specialties!: string[];

  @ApiProperty({ example: ['高级技师（维修电工）'], description: '证书 certificates held', type: [String], required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  certificates?: string[];

  @ApiProperty({ type: [PeriodDto], description: '可派时段 availability windows', example: [{ startsAt: '2026-12-01T08:00:00+08:00', endsAt: '2026-12-05T18:00:00+08:00' }] })
  @NestedArray(() => PeriodDto)
  @ArrayMaxSize(100)
  availability!: PeriodDto[];
}

export class PeriodView {
  @ApiProperty({ example: '2026-12-01T08:00:00.000+08:00', description: 'Start, China time' }) startsAt!: string;
  @ApiProperty({ example: '2026-12-05T18:00:00.000+08:00', description: 'End, China time' }) endsAt!: string;
}

export class InstructorView {
  @ApiProperty({ format: 'uuid', example: '0d3c2b1a-9f8e-4d7c-8b6a-5f4e3d2c1b0a', description: 'Instructor id' }) id!: string;
  @ApiProperty({ example: '王德顺', description: '姓名' }) name!: string;
  @ApiProperty({ example: ['维修电工', 'PLC编程'], type: [String], description: '专长' }) specialties!: string[];
  @ApiProperty({ example: ['高级技师（维修电工）'], type: [String], description: '证书' }) certificates!: string[];
  @ApiProperty({ type: [PeriodView], description: '可派时段', example: [{ startsAt: '2026-12-01T08:00:00.000+08:00', endsAt: '2026-12-05T18:00:00.000+08:00' }] })
  availability!: PeriodView[];
  @ApiProperty({ type: [PeriodView], description: '已派时段 periods already sent out', example: [{ startsAt: '2026-12-02T09:00:00.000+08:00', endsAt: '2026-12-02T12:00:00.000+08:00' }] })
  booked!: PeriodView[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', description: 'The unit that keeps the instructor' }) orgUnitId!: string | null;
  @ApiProperty({ example: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/', description: 'Its path, for data scope' }) orgUnitPath!: string;
  @ApiProperty({ example: '2026-11-26T09:30:00.000+08:00', description: 'Registered at, China time' }) createdAt!: string;
}

export class InstructorPage {
  @ApiProperty({ type: [InstructorView], description: 'One page' }) items!: InstructorView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class InstructorListQuery extends PageQuery {}
