import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import { CasesRepository } from '../cases/cases.repository';
import { FlagOverdueRequest, FlagOverdueResult, RecordPaymentRequest, TrackedObligationPage, TrackedObligationView } from './follow-up.dto';
import { FollowUpRepository, toTrackedView } from './follow-up.repository';
import { RecordPerformance } from './record-payment';
import { FlagOverdue } from './flag-overdue';

@ApiTags('mediation: follow-up of agreements (案后回访)')
@Controller('api/v1/mediation')
export class FollowUpController {
  constructor(
    private readonly performance: RecordPerformance,
    private readonly flagOverdue: FlagOverdue,
    private readonly followUp: FollowUpRepository,
    private readonly cases: CasesRepository,
  ) {}

  @Get('cases/:id/obligations')
  @Authorize('mediator')
  @ApiOperation({ summary: 'The agreement’s obligations and how far each is performed' })
  @ApiOkResponse({ type: TrackedObligationPage })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  async list(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<Page<TrackedObligationView>> {
    await this.cases.findInScope(id, principal);
    return { items: (await this.followUp.ofCase(this.cases.dataSource.manager, id)).map(toTrackedView), nextCursor: null };
  }

  @Post('cases/:id/obligations/:obligationId/payments')
  @Authorize('mediator')
  @ApiOperation({ summary: 'Record a (part) payment of a money obligation', description: 'The last payment performs it (cn.gonghui.mediation.case.obligation-performed.v1); the last obligation performed closes the case.' })
  @ApiCreatedResponse({ type: TrackedObligationView })
  @ApiBadRequestResponse({ description: 'Beyond what is owed, or invalid fields' })
  @ApiNotFoundResponse({ description: 'No such case in your subtree, or no such obligation' })
  @ApiConflictResponse({ description: 'The case is not in performance (names its status), the obligation is non-monetary or already performed' })
  pay(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('obligationId', new ParseUUIDPipe()) obligationId: string,
    @Body() body: RecordPaymentRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<TrackedObligationView> {
    return this.performance.pay(id, obligationId, body, principal, requestId);
  }

  @Post('cases/:id/obligations/:obligationId/perform')
  @HttpCode(200)
  @Authorize('mediator')
  @ApiOperation({ summary: 'Mark a non-monetary term performed', description: 'Publishes cn.gonghui.mediation.case.obligation-performed.v1' })
  @ApiOkResponse({ type: TrackedObligationView })
  @ApiNotFoundResponse({ description: 'No such case in your subtree, or no such obligation' })
  @ApiConflictResponse({ description: 'The case is not in performance, the obligation is a money one or already performed' })
  perform(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('obligationId', new ParseUUIDPipe()) obligationId: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<TrackedObligationView> {
    return this.performance.perform(id, obligationId, principal, requestId);
  }

  @Post('follow-ups/flag-overdue')
  @HttpCode(200)
  @Authorize('mediator')
  @ApiOperation({
    summary: 'Flag obligations overdue by N days (7 by default) and schedule follow-up visits',
    description: 'A job for a daily scheduler, over your subtree; each obligation is flagged once (cn.gonghui.mediation.case.obligation-overdue.v1).',
  })
  @ApiOkResponse({ type: FlagOverdueResult })
  @ApiBadRequestResponse({ description: 'Invalid N' })
  flag(@Body() body: FlagOverdueRequest, @CurrentPrincipal() principal: Principal): Promise<FlagOverdueResult> {
    return this.flagOverdue.execute(principal, body.overdueDays);
  }
}
