import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import { BookingPage, BookingView, BookSessionRequest, ListQuery, ScheduleSessionRequest, SessionPage, SessionView } from './session.dto';
import { SessionsRepository, toSessionView } from './sessions.repository';
import { BookSession } from './book-session';
import { ScheduleSession } from './schedule-session';

@ApiTags('training: sessions and bookings (课程场次与预约)')
@Controller('api/v1/training/sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly scheduleSession: ScheduleSession,
    private readonly bookSession: BookSession,
  ) {}

  @Post()
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Schedule a course session (开设课程场次)', description: 'In your own unit, or a unit below it (orgUnitId)' })
  @ApiCreatedResponse({ type: SessionView })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a session that ends before it starts' })
  @ApiUnprocessableEntityResponse({ description: 'orgUnitId is not your unit nor a unit below it that training knows' })
  schedule(@Body() body: ScheduleSessionRequest, @CurrentPrincipal() principal: Principal): Promise<SessionView> {
    return this.scheduleSession.execute(body, principal);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'Course sessions (课程场次列表)', description: 'Those of your subtree and of the units above you' })
  @ApiOkResponse({ type: SessionPage })
  list(@Query() query: ListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<SessionView>> {
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

  @Post(':id/bookings')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Book a member onto the session (预约)', description: 'Publishes cn.gonghui.training.booking.confirmed.v1' })
  @ApiCreatedResponse({ type: BookingView })
  @ApiNotFoundResponse({ description: 'No such session' })
  @ApiConflictResponse({ description: 'The session is full, or the member already booked it' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or inactive member, or the session has started or ended' })
  book(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: BookSessionRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<BookingView> {
    return this.bookSession.execute(id, body.memberId, principal, requestId);
  }

  @Get(':id/bookings')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Bookings of the session, of members in your subtree' })
  @ApiOkResponse({ type: BookingPage })
  @ApiNotFoundResponse({ description: 'No such session for you (another district’s)' })
  bookings(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<BookingView>> {
    return this.sessions.listBookings(id, principal, query);
  }
}
