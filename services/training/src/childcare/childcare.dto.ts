import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsDateString, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsMainlandMobile } from '@gonghui/identifiers';
import { NestedArray, NestedObject, PageQuery } from '@gonghui/service-kit';
import { DAY_STATES, DayState } from './domain/childcare';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CreateChildcareClassRequest {
  @ApiProperty({ example: '2027 年寒假职工子女托管班（一班）', description: '班级名称 name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '锦州市职工文化宫 2 楼活动室', description: '地点 venue' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  venue!: string;

  @ApiProperty({ example: 8, minimum: 0, maximum: 18, description: '最小年龄 youngest age (on the first day)' })
  @IsInt()
  @Min(0)
  @Max(18)
  ageMin!: number;

  @ApiProperty({ example: 10, minimum: 0, maximum: 18, description: '最大年龄 oldest age (on the first day)' })
  @IsInt()
  @Min(0)
  @Max(18)
  ageMax!: number;

  @ApiProperty({ example: 30, minimum: 1, maximum: 1000, description: '名额 capacity' })
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity!: number;

  @ApiProperty({ example: '2027-01-18', format: 'date', description: '开班日期 first day (China)' })
  @Matches(DATE_ONLY, { message: 'startsOn 须为日期 YYYY-MM-DD / startsOn must be a date YYYY-MM-DD' })
  @IsDateString({ strict: true })
  startsOn!: string;

  @ApiProperty({ example: '2027-02-05', format: 'date', description: '结班日期 last day (China)' })
  @Matches(DATE_ONLY, { message: 'endsOn 须为日期 YYYY-MM-DD / endsOn must be a date YYYY-MM-DD' })
  @IsDateString({ strict: true })
  endsOn!: string;

  @ApiPropertyOptional({ example: '08:00', default: '08:00', description: '每日开始 daily opening (China time, HH:MM)' })
  @IsOptional()
  @Matches(CLOCK, { message: 'opensAt 须为 HH:MM / opensAt must be HH:MM' })
  opensAt?: string;

  @ApiPropertyOptional({ example: '17:30', default: '17:30', description: '每日结束 daily closing (China time, HH:MM)' })
  @IsOptional()
  @Matches(CLOCK, { message: 'closesAt 须为 HH:MM / closesAt must be HH:MM' })
  closesAt?: string;

  @ApiPropertyOptional({ example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', description: '所属组织 the unit this record belongs to: yours or one below it (default: yours; required for an officer without a unit)' })
  @IsOptional()
  @IsUUID('all', { message: 'orgUnitId 须为 UUID / orgUnitId must be a UUID' })
  orgUnitId?: string;
}

export class PickupPersonDto {
  @ApiProperty({ example: '王建国', description: '接送人姓名 name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '13812345678', description: '手机号 mainland mobile' })
  @IsMainlandMobile()
  mobile!: string;

  @ApiProperty({ example: '父亲', description: '与孩子关系 relation to the child' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  relation!: string;
}

export class EnrolChildRequest {
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: '监护人（会员） the guardian, an active member of your subtree' })
  @IsUUID()
  guardianMemberId!: string;

  @ApiProperty({ example: '王小明', description: '孩子姓名 the child’s name (sealed at rest, shown masked)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  childName!: string;

  @ApiProperty({ example: '2018-03-01', format: 'date', description: '出生日期 birth date: only the age on the first class day is kept' })
  @Matches(DATE_ONLY, { message: 'birthDate 须为日期 YYYY-MM-DD / birthDate must be a date YYYY-MM-DD' })
  @IsDateString({ strict: true })
  birthDate!: string;

  @ApiPropertyOptional({ example: 'PICC-LN-2027-000123', description: '意外险保单号 accident-insurance policy number; without one the child cannot attend' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  insurancePolicyNo?: string;

  @ApiProperty({ type: [PickupPersonDto], description: '授权接送人 authorised pick-up people', example: [{ name: '王建国', mobile: '13812345678', relation: '父亲' }] })
  @NestedArray(() => PickupPersonDto)
  @ArrayMaxSize(5)
  pickupPeople!: PickupPersonDto[];
}

export class SignInRequest {
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', description: 'The child' })
  @IsUUID()
  childId!: string;
}

export class CollectorDto {
  @ApiProperty({ example: '王建国', description: '接送人姓名' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '13812345678', description: '接送人手机号' })
  @IsMainlandMobile()
  mobile!: string;
}

export class SignOutRequest {
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', description: 'The child' })
  @IsUUID()
  childId!: string;

  @ApiProperty({ type: CollectorDto, description: '来接的人 who collects the child: must be an authorised pick-up person', example: { name: '王建国', mobile: '13812345678' } })
  @NestedObject(() => CollectorDto)
  collectedBy!: CollectorDto;
}

export class AddNoteRequest {
  @ApiProperty({ enum: ['patrol', 'parent-feedback'], example: 'patrol', description: 'patrol 巡查记录, parent-feedback 家长反馈' })
  @IsIn(['patrol', 'parent-feedback'])
  kind!: 'patrol' | 'parent-feedback';

  @ApiProperty({ example: '2027-01-18', format: 'date', description: '日期 day (China)' })
  @Matches(DATE_ONLY, { message: 'day 须为日期 YYYY-MM-DD / day must be a date YYYY-MM-DD' })
  @IsDateString({ strict: true })
  day!: string;

  @ApiPropertyOptional({ format: 'uuid', example: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', description: 'The child it is about, if any' })
  @IsOptional()
  @IsUUID()
  childId?: string;

  @ApiProperty({ example: '10:30 巡查：室内温度适宜，午休安排有序。', description: '内容 text' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text!: string;
}

export class ChildcareClassView {
  @ApiProperty({ format: 'uuid', example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', description: 'Class id' }) id!: string;
  @ApiProperty({ example: '2027 年寒假职工子女托管班（一班）', description: '班级' }) name!: string;
  @ApiProperty({ example: '锦州市职工文化宫 2 楼活动室', description: '地点' }) venue!: string;
  @ApiProperty({ example: 8, description: '最小年龄' }) ageMin!: number;
  @ApiProperty({ example: 10, description: '最大年龄' }) ageMax!: number;
  @ApiProperty({ example: 30, description: '名额' }) capacity!: number;
  @ApiProperty({ example: 28, description: '已报名' }) enrolled!: number;
  @ApiProperty({ example: '2027-01-18', format: 'date', description: '开班日期' }) startsOn!: string;
  @ApiProperty({ example: '2027-02-05', format: 'date', description: '结班日期' }) endsOn!: string;
  @ApiProperty({ example: '08:00', description: '每日开始' }) opensAt!: string;
  @ApiProperty({ example: '17:30', description: '每日结束' }) closesAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11', description: 'The unit running it' }) orgUnitId!: string | null;
  @ApiProperty({ example: '/3f0c2a4e7a354d7b9d6c0c8f8e1d2a11/', description: 'Its path, for data scope' }) orgUnitPath!: string;
  @ApiProperty({ example: '2026-11-26T09:30:00.000+08:00', description: 'Created at, China time' }) createdAt!: string;
}

export class ChildcareClassPage {
  @ApiProperty({ type: [ChildcareClassView], description: 'One page' }) items!: ChildcareClassView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class PickupPersonView {
  @ApiProperty({ example: '王*国', description: '姓名（脱敏）' }) name!: string;
  @ApiProperty({ example: '138****5678', description: '手机号（脱敏）' }) mobile!: string;
  @ApiProperty({ example: '父亲', description: '关系' }) relation!: string;
}

export class ChildView {
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', description: 'Child id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', description: 'Class id' }) classId!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: '监护人（会员）' }) guardianMemberId!: string;
  @ApiProperty({ example: '王*明', description: '孩子姓名（脱敏）' }) childName!: string;
  @ApiProperty({ example: 8, description: '开班时年龄' }) ageAtStart!: number;
  @ApiProperty({ example: 'PICC-LN-2027-000123', description: '意外险保单号' }) insurancePolicyNo!: string;
  @ApiProperty({ type: [PickupPersonView], description: '授权接送人（脱敏）', example: [{ name: '王*国', mobile: '138****5678', relation: '父亲' }] }) pickupPeople!: PickupPersonView[];
  @ApiProperty({ example: '2026-11-26T09:30:00.000+08:00', description: 'Enrolled at, China time' }) enrolledAt!: string;
}

export class ChildPage {
  @ApiProperty({ type: [ChildView], description: 'One page' }) items!: ChildView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class AttendanceDayView {
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', description: 'Child' }) childId!: string;
  @ApiProperty({ example: '王*明', description: '孩子姓名（脱敏）' }) childName!: string;
  @ApiProperty({ example: '2027-01-18', format: 'date', description: '日期' }) day!: string;
  @ApiProperty({ example: '2027-01-18T07:55:00.000+08:00', description: '签到时间' }) signedInAt!: string;
  @ApiProperty({ nullable: true, type: String, example: '2027-01-18T17:10:00.000+08:00', description: '签退时间' }) signedOutAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '父亲', description: '接走的人（关系）' }) collectedBy!: string | null;
}

export class UncollectedView {
  @ApiProperty({ example: '2027-01-18', format: 'date', description: '日期' }) day!: string;
  @ApiProperty({ example: '2027-01-18T17:30:00.000+08:00', description: '当日结束时间' }) closesAt!: string;
  @ApiProperty({ example: true, description: '已过结束时间 closing time has passed' }) pastClosing!: boolean;
  @ApiProperty({ type: [ChildView], description: '已签到未签退的孩子 signed in, not signed out', example: [] }) items!: ChildView[];
}

export class StandingView {
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', description: 'Child' }) childId!: string;
  @ApiProperty({ example: '王*明', description: '孩子姓名（脱敏）' }) childName!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: '监护人（会员）' }) guardianMemberId!: string;
  @ApiProperty({ example: 12, description: '出勤天数' }) daysAttended!: number;
  @ApiProperty({ example: 0.857, description: '出勤率 share of the class days so far' }) rate!: number;
  @ApiProperty({ example: false, description: '低于 70 %：下期不再优先 under 70 %, loses priority next term' }) losesPriority!: boolean;
}

export class AttendanceReportView {
  @ApiProperty({ format: 'uuid', example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', description: 'Class' }) classId!: string;
  @ApiProperty({ example: 14, description: '截至今日的开班天数 class days so far' }) classDays!: number;
  @ApiProperty({ type: [StandingView], description: 'Per child', example: [] }) items!: StandingView[];
}

export class NoteView {
  @ApiProperty({ format: 'uuid', example: '4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a', description: 'Note id' }) id!: string;
  @ApiProperty({ enum: ['patrol', 'parent-feedback'], example: 'patrol', description: '类别' }) kind!: string;
  @ApiProperty({ example: '2027-01-18', format: 'date', description: '日期' }) day!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'Child, if any' }) childId!: string | null;
  @ApiProperty({ example: '10:30 巡查：室内温度适宜，午休安排有序。', description: '内容' }) text!: string;
  @ApiProperty({ example: 'officer-a', description: '记录人' }) author!: string;
  @ApiProperty({ example: '2027-01-18T10:35:00.000+08:00', description: 'Recorded at, China time' }) createdAt!: string;
}

export class NotePage {
  @ApiProperty({ type: [NoteView], description: 'One page' }) items!: NoteView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}

export class DayQuery {
  @ApiPropertyOptional({ example: '2027-01-18', format: 'date', description: 'The day (China); today by default' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'day 须为日期 YYYY-MM-DD / day must be a date YYYY-MM-DD' })
  @IsDateString({ strict: true })
  day?: string;
}

export class RevealChildRequest {
  @ApiProperty({ example: '孩子未被接走，联系授权接送人', description: '查看原因 why the full details are needed (logged)' })
  @IsString()
  @MinLength(4, { message: '请说明查看原因（至少4个字） / state the reason (at least 4 characters)' })
  @MaxLength(200)
  reason!: string;
}

export class RevealedPickupPersonView {
  @ApiProperty({ example: '王建国', description: '姓名' }) name!: string;
  @ApiProperty({ example: '13812345678', description: '手机号' }) mobile!: string;
  @ApiProperty({ example: '父亲', description: '关系' }) relation!: string;
}

export class RevealedChildView {
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', description: 'Child id' }) childId!: string;
  @ApiProperty({ example: '王小明', description: '孩子姓名' }) childName!: string;
  @ApiProperty({ type: [RevealedPickupPersonView], description: '授权接送人', example: [{ name: '王建国', mobile: '13812345678', relation: '父亲' }] }) pickupPeople!: RevealedPickupPersonView[];
}

export class ChildcareListQuery extends PageQuery {}

export class AttendanceListQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2027-01-18', format: 'date', description: 'The day (China); today by default' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'day 须为日期 YYYY-MM-DD / day must be a date YYYY-MM-DD' })
  @IsDateString({ strict: true })
  day?: string;
}

export class AttendanceEntryView {
  @ApiProperty({ format: 'uuid', example: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', description: 'Child id' }) id!: string;
  @ApiProperty({ example: '王*明', description: '孩子姓名（脱敏）' }) childName!: string;
  @ApiProperty({ example: 8, description: '开班时年龄' }) ageAtStart!: number;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: '监护人（会员）' }) guardianMemberId!: string;
  @ApiProperty({ type: [PickupPersonView], description: '授权接送人（脱敏）', example: [{ name: '王*国', mobile: '138****5678', relation: '父亲' }] }) pickupPeople!: PickupPersonView[];
  @ApiProperty({ nullable: true, type: String, example: '2027-01-18T07:55:00.000+08:00', description: '签到时间; null if not signed in that day' }) signedInAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2027-01-18T17:10:00.000+08:00', description: '签退时间; null if not signed out' }) signedOutAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '父亲', description: '接走的人（关系）; null until signed out' }) collectedBy!: string | null;
  @ApiProperty({
    enum: DAY_STATES,
    example: 'collected',
    description: 'not-signed-in 未签到, in-class 在班, not-collected 未接走 (signed in, not signed out, past closing time), collected 已接走',
  })
  state!: DayState;
}

export class AttendanceListView {
  @ApiProperty({ example: '2027-01-18', format: 'date', description: '日期 (China)' }) day!: string;
  @ApiProperty({ example: '2027-01-18T17:30:00.000+08:00', description: '当日结束时间' }) closesAt!: string;
  @ApiProperty({ example: true, description: '已过结束时间 closing time has passed' }) pastClosing!: boolean;
  @ApiProperty({ type: [AttendanceEntryView], description: 'Every enrolled child (guardian in your subtree), in enrolment order', example: [] }) items!: AttendanceEntryView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Cursor of the next page; null on the last' }) nextCursor!: string | null;
}
