import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, chinaDate, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import {
  ApplicationPage,
  ApplicationView,
  ApproveRequest,
  CancelRequest,
  ChairApproveRequest,
  CloseNoticeRequest,
  DecideRequest,
  InvestigateRequest,
  ListApplicationsQuery,
  LodgeObjectionRequest,
  RatifyRequest,
  RejectRequest,
  ResolveObjectionRequest,
  ReviewRequest,
  StartNoticeRequest,
  SubmitApplicationRequest,
  toApplicationView,
} from './application.dto';
import { ActOnApplication } from './act-on-application';
import { ApplicationsRepository } from './applications.repository';
import { clockSettings } from './clock-settings';
import { SubmitApplication } from './submit-application';

const WRONG_STAGE = 'The action is not possible in the application’s current stage (named in the answer)';

@ApiTags('aid: applications (帮扶申请)')
@Controller('api/v1/aid/applications')
export class ApplicationsController {
  constructor(
    private readonly submit: SubmitApplication,
    private readonly act: ActOnApplication,
    private readonly applications: ApplicationsRepository,
  ) {}

  @Post()
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Submit an aid application (帮扶申请)', description: 'For a member in your subtree, or a hardship file. Publishes cn.gonghui.aid.application.submitted.v1.' })
  @ApiCreatedResponse({ type: ApplicationView })
  @ApiBadRequestResponse({ description: 'Invalid fields (a negative or fractional amount, fast track for a kind other than emergency)' })
  @ApiNotFoundResponse({ description: 'Member or hardship file unknown to aid or outside your subtree' })
  @ApiUnprocessableEntityResponse({ description: 'The member has left the union, or the hardship file is closed' })
  create(@Body() body: SubmitApplicationRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<ApplicationView> {
    return this.submit.execute(body, principal, requestId);
  }

  @Get()
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Applications of your subtree, oldest first: the work queue of a stage with ?stage=' })
  @ApiOkResponse({ type: ApplicationPage })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor' })
  list(@Query() query: ListApplicationsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ApplicationView>> {
    const now = new Date();
    const settings = clockSettings();
    return this.applications.page(principal, query, (a) => toApplicationView(a, settings, now, chinaDate(now)));
  }

  @Get(':id')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'One application, with every step it went through' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiNotFoundResponse({ description: 'No such application in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<ApplicationView> {
    const application = await this.applications.findInScope(id, principal);
    const now = new Date();
    return toApplicationView(application, clockSettings(), now, chinaDate(now), await this.applications.stepsOf(id));
  }

  @Post(':id/review')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Initial review by the grassroots or street union (初审): submitted → reviewed' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such application in your subtree' })
  @ApiConflictResponse({ description: WRONG_STAGE })
  review(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReviewRequest, @CurrentPrincipal() principal: Principal): Promise<ApplicationView> {
    return this.act.review(id, body, principal);
  }

  @Post(':id/investigate')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Household investigation (入户调查), possibly by a third party: reviewed → investigated' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiBadRequestResponse({ description: 'Invalid fields (a date in the future)' })
  @ApiNotFoundResponse({ description: 'No such application in your subtree' })
  @ApiConflictResponse({ description: WRONG_STAGE })
  investigate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: InvestigateRequest, @CurrentPrincipal() principal: Principal): Promise<ApplicationView> {
    return this.act.investigate(id, body, principal);
  }

  @Post(':id/start-notice')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Start the public notice (公示) for N days: investigated → in-public-notice' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiBadRequestResponse({ description: 'Invalid fields (a start in the future)' })
  @ApiNotFoundResponse({ description: 'No such application in your subtree' })
  @ApiConflictResponse({ description: WRONG_STAGE })
  startNotice(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: StartNoticeRequest, @CurrentPrincipal() principal: Principal): Promise<ApplicationView> {
    return this.act.startNotice(id, body, principal);
  }

  @Post(':id/lodge-objection')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Record an objection lodged during the public notice (异议)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such application in your subtree' })
  @ApiConflictResponse({ description: WRONG_STAGE })
  lodgeObjection(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: LodgeObjectionRequest, @CurrentPrincipal() principal: Principal): Promise<ApplicationView> {
    return this.act.lodgeObjection(id, body, principal);
  }

  @Post(':id/resolve-objection')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Resolve an objection (异议处理)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such application or objection' })
  @ApiConflictResponse({ description: `${WRONG_STAGE}, or the objection is already resolved` })
  resolveObjection(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ResolveObjectionRequest, @CurrentPrincipal() principal: Principal): Promise<ApplicationView> {
    return this.act.resolveObjection(id, body, principal);
  }

  @Post(':id/close-notice')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Close the public notice once its days have run and every objection is resolved: in-public-notice → notice-completed' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such application in your subtree' })
  @ApiConflictResponse({ description: WRONG_STAGE })
  @ApiUnprocessableEntityResponse({ description: 'The notice is still running, or objections are unresolved' })
  closeNotice(@Param('id', new ParseUUIDPipe()) id: string, @Body() _body: CloseNoticeRequest, @CurrentPrincipal() principal: Principal): Promise<ApplicationView> {
    return this.act.closeNotice(id, principal);
  }

  @Post(':id/decide')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Record the collective decision (集体研究): meeting, attendees, votes, approved amount; notice-completed → decided',
    description: 'On the fast track the notice may be skipped: investigated → decided.',
  })
  @ApiOkResponse({ type: ApplicationView })
  @ApiBadRequestResponse({ description: 'No attendees, more votes than attendees, or an approved amount above the request' })
  @ApiNotFoundResponse({ description: 'No such application in your subtree' })
  @ApiConflictResponse({ description: WRONG_STAGE })
  decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecideRequest, @CurrentPrincipal() principal: Principal): Promise<ApplicationView> {
    return this.act.decide(id, body, principal);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Approve after a passed decision, reserving the amount from a budget: decided → approved', description: 'Publishes cn.gonghui.aid.application.approved.v1.' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such application, or budget, in your subtree' })
  @ApiConflictResponse({ description: WRONG_STAGE })
  @ApiUnprocessableEntityResponse({ description: 'The decision did not pass, the budget does not cover the unit, or it has not enough available' })
  approve(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ApproveRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<ApplicationView> {
    return this.act.approve(id, body, principal, requestId);
  }

  @Post(':id/chair-approve')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Fast track (特事特办): the union chair approves alone, reserving the amount; the committee ratifies later',
    description: 'Emergency applications on the fast track, before a decision. Publishes cn.gonghui.aid.application.approved.v1 (approvedBy: chair).',
  })
  @ApiOkResponse({ type: ApplicationView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such application, or budget, in your subtree' })
  @ApiConflictResponse({ description: WRONG_STAGE })
  @ApiUnprocessableEntityResponse({ description: 'Not a fast-track application, or the budget cannot cover it' })
  chairApprove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ChairApproveRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<ApplicationView> {
    return this.act.chairApprove(id, body, principal, requestId);
  }

  @Post(':id/ratify')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'The committee ratifies a chair’s fast-track approval (追认)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiBadRequestResponse({ description: 'No attendees or more votes than attendees' })
  @ApiNotFoundResponse({ description: 'No such application in your subtree' })
  @ApiConflictResponse({ description: `${WRONG_STAGE}, or nothing awaits ratification` })
  @ApiUnprocessableEntityResponse({ description: 'The vote did not pass' })
  ratify(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RatifyRequest, @CurrentPrincipal() principal: Principal): Promise<ApplicationView> {
    return this.act.ratify(id, body, principal);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Reject with reasons (不予救助), at any stage before approval', description: 'Publishes cn.gonghui.aid.application.rejected.v1 (without the reasons).' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiBadRequestResponse({ description: 'No reasons' })
  @ApiNotFoundResponse({ description: 'No such application in your subtree' })
  @ApiConflictResponse({ description: WRONG_STAGE })
  reject(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RejectRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<ApplicationView> {
    return this.act.reject(id, body, principal, requestId);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Cancel an approval before payment: the reservation is released to the budget (approved → cancelled)' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiBadRequestResponse({ description: 'No reason' })
  @ApiNotFoundResponse({ description: 'No such application in your subtree' })
  @ApiConflictResponse({ description: `${WRONG_STAGE}, or a payment for it is under way` })
  cancel(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CancelRequest, @CurrentPrincipal() principal: Principal): Promise<ApplicationView> {
    return this.act.cancel(id, body, principal);
  }
}
