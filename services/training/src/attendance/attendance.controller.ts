import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, PageQuery } from '@gonghui/service-kit';
import { AttendanceCodeView, AttendancePage, AttendanceView, MarkAttendanceRequest, SignWithCodeRequest } from './attendance.dto';
import { RecordAttendance } from './record-attendance';

@ApiTags('training: attendance (签到签退)')
@Controller('api/v1/training/sessions/:id')
export class AttendanceController {
  constructor(private readonly attendance: RecordAttendance) {}

  @Get('attendance-code')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'The rotating sign-in code (签到二维码)', description: 'Changes every 30 seconds; render qrPayload as a QR code and fetch again at expiresAt' })
  @ApiOkResponse({ type: AttendanceCodeView })
  @ApiNotFoundResponse({ description: 'No such session for you' })
  code(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<AttendanceCodeView> {
    return this.attendance.code(id, principal);
  }

  @Post('sign-in')
  @Authorize()
  @ApiOperation({ summary: 'Sign in with the session’s code (扫码签到)', description: 'From an hour before the start to the end; the current or the previous code' })
  @ApiCreatedResponse({ type: AttendanceView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such session for you' })
  @ApiConflictResponse({ description: 'Already signed in' })
  @ApiUnprocessableEntityResponse({ description: 'Expired code, another session’s code, no seat, or outside the session’s times' })
  signIn(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SignWithCodeRequest, @CurrentPrincipal() principal: Principal): Promise<AttendanceView> {
    return this.attendance.signIn(id, body.memberId, body.code, principal);
  }

  @Post('sign-out')
  @Authorize()
  @ApiOperation({ summary: 'Sign out with the session’s code (扫码签退)' })
  @ApiCreatedResponse({ type: AttendanceView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such session for you' })
  @ApiConflictResponse({ description: 'Not signed in, or already signed out' })
  @ApiUnprocessableEntityResponse({ description: 'Expired code or another session’s code' })
  signOut(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SignWithCodeRequest, @CurrentPrincipal() principal: Principal): Promise<AttendanceView> {
    return this.attendance.signOut(id, body.memberId, body.code, principal);
  }

  @Post('attendance')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'An instructor marks a trainee present (教员代签)' })
  @ApiCreatedResponse({ type: AttendanceView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such session for you' })
  @ApiConflictResponse({ description: 'Already signed in' })
  @ApiUnprocessableEntityResponse({ description: 'No seat, or outside the session’s times' })
  mark(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: MarkAttendanceRequest, @CurrentPrincipal() principal: Principal): Promise<AttendanceView> {
    return this.attendance.mark(id, body.memberId, body.signedOut ?? false, principal);
  }

  @Get('attendance')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Attendance of the session, of members in your subtree (签到记录)' })
  @ApiOkResponse({ type: AttendancePage })
  @ApiBadRequestResponse({ description: 'Invalid cursor' })
  @ApiNotFoundResponse({ description: 'No such session for you' })
  list(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<AttendanceView>> {
    return this.attendance.list(id, principal, query);
  }
}
