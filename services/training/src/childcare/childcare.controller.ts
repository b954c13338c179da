import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page } from '@gonghui/service-kit';
import {
  AddNoteRequest,
  AttendanceDayView,
  AttendanceListQuery,
  AttendanceListView,
  AttendanceReportView,
  ChildcareClassPage,
  ChildcareClassView,
  ChildcareListQuery,
  ChildPage,
  ChildView,
  CreateChildcareClassRequest,
  DayQuery,
  EnrolChildRequest,
  NotePage,
  NoteView,
  RevealChildRequest,
  RevealedChildView,
  SignInRequest,
  SignOutRequest,
  UncollectedView,
} from './childcare.dto';
import { ChildcareDays } from './childcare-days';
import { ChildcareRepository, toClassView } from './childcare.repository';
import { RevealChild } from './reveal-child';

@ApiTags('training: holiday childcare classes (托管班)')
@Controller('api/v1/training/childcare-classes')
export class ChildcareController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly childcare: ChildcareRepository,
    private readonly days: ChildcareDays,
    private readonly revealChild: RevealChild,
  ) {}

  @Post()
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Open a holiday childcare class (开办托管班)', description: 'Age range, capacity, dates and daily hours (08:00–17:30 by default), in your own unit' })
  @ApiCreatedResponse({ type: ChildcareClassView })
  @ApiBadRequestResponse({ description: 'Invalid fields; dates, hours or ages that run backwards' })
  open(@Body() body: CreateChildcareClassRequest, @CurrentPrincipal() principal: Principal): Promise<ChildcareClassView> {
    return this.days.openClass(body, principal);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'Childcare classes of your subtree' })
  @ApiOkResponse({ type: ChildcareClassPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  list(@Query() query: ChildcareListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ChildcareClassView>> {
    return this.childcare.listClasses(principal, query);
  }

  @Get(':id')
  @Authorize()
  @ApiOperation({ summary: 'One childcare class' })
  @ApiOkResponse({ type: ChildcareClassView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such class in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<ChildcareClassView> {
    return toClassView(await this.childcare.requireClass(this.dataSource.manager, id, principal));
  }

  @Post(':id/children')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Enrol a member’s child (报名)', description: 'Insured, of the class’s ages on its first day, with authorised pick-up people; the name and pick-up details are sealed and shown masked' })
  @ApiCreatedResponse({ type: ChildView })
  @ApiBadRequestResponse({ description: 'Invalid fields (e.g. a pick-up mobile)' })
  @ApiNotFoundResponse({ description: 'No such class in your subtree' })
  @ApiConflictResponse({ description: 'The class is full' })
  @ApiUnprocessableEntityResponse({ description: 'No accident insurance, outside the age range, no pick-up person, class ended, or an unknown or inactive guardian' })
  enrol(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: EnrolChildRequest, @CurrentPrincipal() principal: Principal): Promise<ChildView> {
    return this.days.enrol(id, body, principal);
  }

  @Get(':id/children')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Children of the class whose guardians are in your subtree (masked)' })
  @ApiOkResponse({ type: ChildPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  @ApiNotFoundResponse({ description: 'No such class in your subtree' })
  children(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ChildcareListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ChildView>> {
    return this.childcare.listChildren(id, principal, query);
  }

  @Post(':id/children/:childId/reveal')
  @HttpCode(200)
  @Authorize('personal-data-viewer')
  @ApiOperation({ summary: 'Show a child’s full name and pick-up people (查看完整信息)', description: 'Needs the personal-data-viewer role and a reason; every view is logged.' })
  @ApiOkResponse({ type: RevealedChildView })
  @ApiBadRequestResponse({ description: 'No reason, or a reason under 4 characters' })
  @ApiNotFoundResponse({ description: 'No such class, or the child is not in it' })
  reveal(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('childId', new ParseUUIDPipe()) childId: string,
    @Body() body: RevealChildRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RevealedChildView> {
    return this.revealChild.execute(id, childId, body.reason, principal);
  }

  @Post(':id/sign-ins')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Sign a child in today (签到)' })
  @ApiCreatedResponse({ type: AttendanceDayView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such class, or the child is not in it' })
  @ApiConflictResponse({ description: 'Already signed in today' })
  @ApiUnprocessableEntityResponse({ description: 'Today is not a class day' })
  signIn(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SignInRequest, @CurrentPrincipal() principal: Principal): Promise<AttendanceDayView> {
    return this.days.signIn(id, body.childId, principal);
  }

  @Post(':id/sign-outs')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Sign a child out to an authorised pick-up person (签退)' })
  @ApiCreatedResponse({ type: AttendanceDayView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such class, or the child is not in it' })
  @ApiConflictResponse({ description: 'Not signed in today, or already signed out' })
  @ApiUnprocessableEntityResponse({ description: 'The collector is not an authorised pick-up person' })
  signOut(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SignOutRequest, @CurrentPrincipal() principal: Principal): Promise<AttendanceDayView> {
    return this.days.signOut(id, body, principal);
  }

  @Get(':id/attendance')
  @Authorize('training-officer')
  @ApiOperation({
    summary: 'A day’s sign-in/out list (当日签到签退名单)',
    description: 'Every enrolled child whose guardian is in your subtree, in enrolment order, with the day’s sign-in and sign-out times, who collected them, and not-collected once closing time has passed; day is a China date, today by default',
  })
  @ApiOkResponse({ type: AttendanceListView })
  @ApiBadRequestResponse({ description: 'Invalid day, limit or cursor' })
  @ApiNotFoundResponse({ description: 'No such class in your subtree' })
  attendance(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: AttendanceListQuery, @CurrentPrincipal() principal: Principal): Promise<AttendanceListView> {
    return this.days.attendance(id, query, principal);
  }

  @Get(':id/uncollected')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Children signed in and not signed out on a day (未接走名单)', description: 'pastClosing tells whether the day’s closing time has passed' })
  @ApiOkResponse({ type: UncollectedView })
  @ApiBadRequestResponse({ description: 'Invalid day' })
  @ApiNotFoundResponse({ description: 'No such class in your subtree' })
  uncollected(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: DayQuery, @CurrentPrincipal() principal: Principal): Promise<UncollectedView> {
    return this.days.uncollected(id, query.day, principal);
  }

  @Post(':id/notes')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Record a patrol note or parent feedback (巡查记录 / 家长反馈)' })
  @ApiCreatedResponse({ type: NoteView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such class, or the child is not in it' })
  addNote(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AddNoteRequest, @CurrentPrincipal() principal: Principal): Promise<NoteView> {
    return this.days.addNote(id, body, principal);
  }

  @Get(':id/notes')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Patrol notes and parent feedback of the class' })
  @ApiOkResponse({ type: NotePage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  @ApiNotFoundResponse({ description: 'No such class in your subtree' })
  notes(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ChildcareListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<NoteView>> {
    return this.childcare.listNotes(id, principal, query);
  }

  @Get(':id/attendance-report')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Attendance so far per child (出勤统计)', description: 'Under 70 % of the class days so far loses priority next term' })
  @ApiOkResponse({ type: AttendanceReportView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such class in your subtree' })
  report(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<AttendanceReportView> {
    return this.days.report(id, principal);
  }
}
