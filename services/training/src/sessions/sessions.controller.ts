import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Principal, scopeLikePattern } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, decodeCursor, DEFAULT_PAGE_SIZE, Page, Problem, RequestId, toPage } from '@gonghui/service-kit';
import { BookingPage, BookingView, BookSessionRequest, ListQuery, ScheduleSessionRequest, SessionPage, SessionView } from './session.dto';
import { SessionsRepository, toBookingView, toSessionView } from './sessions.repository';
import { BookSession } from './book-session';

@ApiTags('training: sessions and bookings (课程场次与预约)')
@Controller('api/v1/training/sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly bookSession: BookSession,
  ) {}

  @Post()
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Schedule a course session (开设课程场次)' })
  @ApiCreatedResponse({ type: SessionView })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a session that ends before it starts' })
  async schedule(@Body() body: ScheduleSessionRequest, @CurrentPrincipal() principal: Principal): Promise<SessionView> {
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    if (endsAt <= startsAt) {
      throw Problem.badRequest('结束时间须晚于开始时间 / The session must end after it starts', [
        { field: 'endsAt', message: '结束时间须晚于开始时间 / endsAt must be after startsAt' },
      ]);
    }
    const row = await this.sessions.insert({
      id: randomUUID(),
      course_title: body.courseTitle,
      starts_at: startsAt,
      ends_at: endsAt,
      location: body.location,
      capacity: body.capacity,
      created_by: principal.username,
    });
    return toSessionView(row);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'Course sessions (课程场次列表)' })
  @ApiOkResponse({ type: SessionPage })
  async list(@Query() query: ListQuery): Promise<Page<SessionView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.sessions.list(decodeCursor(query.cursor, ['t', 'id']), limit);
    return toPage(rows, limit, toSessionView, (r) => ({ t: r.created_at.toISOString(), id: r.id }));
  }

  @Get(':id')
  @Authorize()
  @ApiOperation({ summary: 'One session, with its seats taken' })
  @ApiOkResponse({ type: SessionView })
  @ApiNotFoundResponse({ description: 'No such session' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<SessionView> {
    const row = await this.sessions.findById(id);
    if (!row) throw Problem.notFound(`课程场次不存在 / Session ${id} not found`);
    return toSessionView(row);
  }

  @Post(':id/bookings')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Book a member onto the session (预约)', description: 'Publishes cn.gonghui.training.booking.confirmed.v1' })
  @ApiCreatedResponse({ type: BookingView })
  @ApiNotFoundResponse({ description: 'No such session' })
  @ApiConflictResponse({ description: 'The session is full, or the member already booked it' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or inactive member, or the session has started' })
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
  async bookings(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<BookingView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.sessions.listBookings(id, scopeLikePattern(principal), decodeCursor(query.cursor, ['t', 'id']), limit);
    return toPage(rows, limit, toBookingView, (r) => ({ t: r.booked_at.toISOString(), id: r.id }));
  }
}
