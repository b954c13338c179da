import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import { ScheduleSessionRequest, SessionPage, SessionSearchQuery, SessionView } from './session.dto';
import { SessionsRepository, toSessionView } from './sessions.repository';
import { ScheduleSession } from './schedule-session';
import { CancelSession } from './cancel-session';

@ApiTags('training: sessions and bookings (课程场次与预约)')
@Controller('api/v1/training/sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly scheduleSession: ScheduleSession,
    private readonly cancelSession: CancelSession,
  ) {}

  @Post()
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Schedule a course session (开设课程场次)', description: 'In your own unit, or a unit below it (orgUnitId); of a catalogue course (courseId) or free-standing' })
  @ApiCreatedResponse({ type: SessionView })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a session that ends before it starts' })
  @ApiUnprocessableEntityResponse({ description: 'orgUnitId is not your unit nor a unit below it that training knows, or an unknown course' })
  schedule(@Body() body: ScheduleSessionRequest, @CurrentPrincipal() principal: Principal): Promise<SessionView> {
    return this.scheduleSession.execute(body, principal);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'Course sessions (课程场次查询)', description: 'Those of your subtree and of the units above you; by course, category, district, start date and free seats' })
  @ApiOkResponse({ type: SessionPage })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor' })
  list(@Query() query: SessionSearchQuery, @CurrentPrincipal() principal: Principal): Promise<Page<SessionView>> {
    return this.sessions.list(principal, query);
  }

  @Get(':id')
  @Authorize()
  @ApiOperation({ summary: 'One session, with its seats taken' })
  @ApiOkResponse({ type: SessionView })
  @ApiNotFoundResponse({ description: 'No such session for you (another district’s)' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<SessionView> {
    return toSessionView(await this.sessions.require(id, principal));
  }

  @Post(':id/cancel')
  @Authorize('training-officer')
  @ApiOperation({
    summary: 'Cancel a session (取消场次)',
    description: 'No more bookings; its seats, offers and waiting list are cancelled with it (kept on record as cancelled), each announced as cn.gonghui.training.booking.cancelled.v1 (reason session-cancelled)',
  })
  @ApiCreatedResponse({ type: SessionView })
  @ApiNotFoundResponse({ description: 'No such session for you' })
  @ApiConflictResponse({ description: 'Already cancelled' })
  cancel(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<SessionView> {
    return this.cancelSession.execute(id, principal, requestId);
  }
}
