import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import { BookingListQuery, BookingPage, BookingView, BookSessionRequest } from '../sessions/session.dto';
import { SessionsRepository, toBookingView } from '../sessions/sessions.repository';
import { BookSession } from './book-session';
import { ChangeBooking } from './change-booking';
import { BookingsRepository } from './bookings.repository';
import { WaitingList } from './waiting-list.service';

@ApiTags('training: sessions and bookings (课程场次与预约)')
@Controller('api/v1/training')
export class BookingsController {
  constructor(
    private readonly bookSession: BookSession,
    private readonly changeBooking: ChangeBooking,
    private readonly bookings: BookingsRepository,
    private readonly sessions: SessionsRepository,
    private readonly waitingList: WaitingList,
  ) {}

  @Post('sessions/:id/bookings')
  @Authorize('training-officer')
  @ApiOperation({
    summary: 'Book a member onto the session (预约), or onto its waiting list when full (候补)',
    description: 'A seat publishes cn.gonghui.training.booking.confirmed.v1; beyond capacity the answer has status waiting and the place on the list',
  })
  @ApiCreatedResponse({ type: BookingView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such session' })
  @ApiConflictResponse({ description: 'The member already has a place, or the session is full and waitIfFull is false' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or inactive member, a member the course is not for, or the session is cancelled, started or ended' })
  book(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: BookSessionRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<BookingView> {
    return this.bookSession.execute(id, body.memberId, body.waitIfFull ?? true, principal, requestId);
  }

  @Get('sessions/:id/bookings')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Places on the session, of members in your subtree, in arrival order (预约与候补名单)', description: '?status=waiting gives the waiting list' })
  @ApiOkResponse({ type: BookingPage })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor' })
  @ApiNotFoundResponse({ description: 'No such session for you (another district’s)' })
  async list(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: BookingListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<BookingView>> {
    await this.waitingList.sweepSession(id);
    return this.sessions.listBookings(id, principal, query);
  }

  @Get('bookings/:id')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'One booking, with its place on the waiting list or its offer' })
  @ApiOkResponse({ type: BookingView })
  @ApiNotFoundResponse({ description: 'No such booking for you' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<BookingView> {
    const seen = await this.bookings.require(id, principal);
    await this.waitingList.sweepSession(seen.sessionId);
    const booking = await this.bookings.require(id, principal);
    const positions = await this.sessions.waitingPositions(booking.sessionId, [booking.id]);
    return toBookingView(booking, positions.get(booking.id) ?? null);
  }

  @Post('bookings/:id/cancel')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Cancel a booking or a place on the waiting list (取消预约)', description: 'A freed seat is offered to the first waiting for the session’s window' })
  @ApiCreatedResponse({ type: BookingView })
  @ApiNotFoundResponse({ description: 'No such booking for you' })
  @ApiConflictResponse({ description: 'The booking is no longer active (names its state)' })
  cancel(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<BookingView> {
    return this.changeBooking.cancel(id, principal);
  }

  @Post('bookings/:id/accept')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Take up a seat offered from the waiting list (确认补位)', description: 'Publishes cn.gonghui.training.booking.confirmed.v1' })
  @ApiCreatedResponse({ type: BookingView })
  @ApiNotFoundResponse({ description: 'No such booking for you' })
  @ApiConflictResponse({ description: 'Not offered (names the state), or the offer has expired and passed to the next' })
  accept(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<BookingView> {
    return this.changeBooking.accept(id, principal, requestId);
  }
}
