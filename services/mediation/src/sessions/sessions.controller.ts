import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import { CasesRepository } from '../cases/cases.repository';
import { ListSessionsQuery, RecordSessionRequest, SessionPage, SessionView } from './session.dto';
import { SessionsRepository } from './sessions.repository';
import { RecordSession } from './record-session';

@ApiTags('mediation: sessions (调解)')
@Controller('api/v1/mediation/cases/:id/sessions')
export class SessionsController {
  constructor(
    private readonly recordSession: RecordSession,
    private readonly sessions: SessionsRepository,
    private readonly cases: CasesRepository,
  ) {}

  @Post()
  @Authorize('mediator')
  @ApiOperation({ summary: 'Record a session held (面对面/背对背)', description: 'Publishes cn.gonghui.mediation.case.session-held.v1 (no notes). The notes are stored encrypted.' })
  @ApiCreatedResponse({ type: SessionView })
  @ApiBadRequestResponse({ description: 'Invalid fields, e.g. a time in the future' })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  @ApiConflictResponse({ description: 'The case is not open (names its status)' })
  record(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordSessionRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<SessionView> {
    return this.recordSession.execute(id, body, principal, requestId);
  }

  @Get()
  @Authorize('mediator')
  @ApiOperation({ summary: 'The case’s sessions; notes only for the panel and the centre’s personal-data officers' })
  @ApiOkResponse({ type: SessionPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  async list(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ListSessionsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<SessionView>> {
    await this.cases.findInScope(id, principal);
    return this.sessions.list(id, principal, query);
  }
}
