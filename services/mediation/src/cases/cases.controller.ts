import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import { AidReferralView, CaseBoardQuery, CasePage, CaseView, DeclineCaseRequest, ListCasesQuery, OpenCaseRequest, ReferCaseRequest, ReferToAidRequest, SettleCaseRequest } from './case.dto';
import { CasesRepository, toCaseView } from './cases.repository';
import { OpenCase } from './open-case';
import { SettleCase } from './settle-case';
import { DeclineCase } from './decline-case';
import { ReferCase } from './refer-case';
import { ReferToAid } from './refer-to-aid';

@ApiTags('mediation: dispute cases (劳动争议案件)')
@Controller('api/v1/mediation/cases')
export class CasesController {
  constructor(
    private readonly openCase: OpenCase,
    private readonly settleCase: SettleCase,
    private readonly declineCase: DeclineCase,
    private readonly referCase: ReferCase,
    private readonly referToAid: ReferToAid,
    private readonly cases: CasesRepository,
  ) {}

  @Post()
  @Authorize('mediator')
  @ApiOperation({
    summary: 'Receive a dispute case (受理)',
    description: 'Workers (members, or non-members with name and mobile), the employer, typed claims and the received date. Publishes cn.gonghui.mediation.case.received.v1 (and case.opened.v1 for a member’s case).',
  })
  @ApiCreatedResponse({ type: CaseView })
  @ApiBadRequestResponse({ description: 'Invalid fields, e.g. a received date in the future or a worker without identity' })
  @ApiUnprocessableEntityResponse({ description: 'A member worker not known in your subtree' })
  open(@Body() body: OpenCaseRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<CaseView> {
    return this.openCase.execute(body, principal, requestId);
  }

  @Post(':id/settle')
  @HttpCode(200)
  @Authorize('mediator')
  @ApiOperation({ summary: 'Close the case with a mediation agreement (调解结案)', description: 'Publishes cn.gonghui.mediation.case.settled.v2 for every case, and settled.v1 for a member’s case' })
  @ApiOkResponse({ type: CaseView })
  @ApiBadRequestResponse({ description: 'No obligations, or a negative amount' })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  @ApiConflictResponse({ description: 'The case is not open (names its status)' })
  settle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SettleCaseRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<CaseView> {
    return this.settleCase.execute(id, body, principal, requestId);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Authorize('mediator')
  @ApiOperation({ summary: 'Decline the application with a reason (不予受理)', description: 'Publishes cn.gonghui.mediation.case.declined.v1 (without the reason)' })
  @ApiOkResponse({ type: CaseView })
  @ApiBadRequestResponse({ description: 'No reason' })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  @ApiConflictResponse({ description: 'The case is not open (names its status)' })
  decline(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DeclineCaseRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<CaseView> {
    return this.declineCase.execute(id, body, principal, requestId);
  }

  @Post(':id/refer')
  @HttpCode(200)
  @Authorize('mediator')
  @ApiOperation({
    summary: 'Refer to arbitration or court (诉调对接)',
    description: 'A lapsed case (past the 15-day statutory limit) or a failed mediation (any time), with the referral package. Publishes cn.gonghui.mediation.case.referred.v1',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  @ApiConflictResponse({ description: 'The case is not open, or "lapsed" while the limit has not passed' })
  refer(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReferCaseRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<CaseView> {
    return this.referCase.execute(id, body, principal, requestId);
  }

  @Post(':id/aid-referrals')
  @Authorize('mediator')
  @ApiOperation({
    summary: 'Refer a member worker to aid for hardship (困难帮扶转介), at any stage',
    description: 'Open, settled, declined, referred or closed: a member worker of the case, once per case. Publishes cn.gonghui.mediation.case.aid-referred.v1; aid records a referral (once per case).',
  })
  @ApiCreatedResponse({ type: AidReferralView })
  @ApiBadRequestResponse({ description: 'memberId is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  @ApiConflictResponse({ description: 'This worker was already referred for this case' })
  @ApiUnprocessableEntityResponse({ description: 'Not a member worker of this case' })
  referWorkerToAid(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReferToAidRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<AidReferralView> {
    return this.referToAid.execute(id, body, principal, requestId);
  }

  @Get()
  @Authorize('mediator')
  @ApiOperation({ summary: 'Cases in your subtree, of one stage if asked (案件看板)', description: 'status=open: most urgent first (earliest received); another stage, or none: in the order opened' })
  @ApiOkResponse({ type: CasePage })
  @ApiBadRequestResponse({ description: 'Invalid status, limit or cursor' })
  list(@Query() query: CaseBoardQuery, @CurrentPrincipal() principal: Principal): Promise<Page<CaseView>> {
    return this.cases.list(principal, query);
  }

  @Get('past-limit')
  @Authorize('mediator')
  @ApiOperation({ summary: 'Open cases past the 15-day statutory limit (超期未结), longest overdue first', description: 'Judged on today’s China date' })
  @ApiOkResponse({ type: CasePage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  pastLimit(@Query() query: ListCasesQuery, @CurrentPrincipal() principal: Principal): Promise<Page<CaseView>> {
    return this.cases.listPastLimit(principal, query);
  }

  @Get(':id')
  @Authorize('mediator')
  @ApiOperation({ summary: 'One case, with its clock, and its agreement or referral once closed' })
  @ApiOkResponse({ type: CaseView })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<CaseView> {
    return toCaseView(await this.cases.findInScope(id, principal));
  }
}
