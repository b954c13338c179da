import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, PageQuery, RequestId } from '@gonghui/service-kit';
import {
  ClaimPage,
  ClaimView,
  CreatePlanRequest,
  JoinPlanRequest,
  ListClaimsQuery,
  PayClaimRequest,
  PlanMemberPage,
  PlanMemberView,
  PlanPage,
  PlanView,
  RejectClaimRequest,
  SubmitClaimRequest,
} from './medical-mutual-aid.dto';
import { MedicalMutualAid } from './medical-mutual-aid';

@ApiTags('aid: medical mutual aid (职工医疗互助)')
@Controller('api/v1/aid/medical-plans')
export class MedicalPlansController {
  constructor(private readonly medical: MedicalMutualAid) {}

  @Post()
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Set up a yearly plan paid from an aid budget',
    description: 'With gigWorkersFree, the gig workers already known in the budget unit’s subtree join at once (free), and later ones from their enrolment event.',
  })
  @ApiCreatedResponse({ type: PlanView })
  @ApiBadRequestResponse({ description: 'Rules that cannot be evaluated (ratio outside 1–100, fast-channel limit above the cap…), or a budget of another year' })
  @ApiNotFoundResponse({ description: 'No such budget in your subtree' })
  @ApiConflictResponse({ description: 'A plan of that name, or a second plan covering gig workers free, for the unit and year' })
  create(@Body() body: CreatePlanRequest, @CurrentPrincipal() principal: Principal): Promise<PlanView> {
    return this.medical.createPlan(body, principal);
  }

  @Get()
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Plans of your subtree, oldest first, with members, claims and reimbursements' })
  @ApiOkResponse({ type: PlanPage })
  list(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<PlanView>> {
    return this.medical.listPlans(query, principal);
  }

  @Get(':id')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'One plan with its figures' })
  @ApiOkResponse({ type: PlanView })
  @ApiNotFoundResponse({ description: 'No such plan in your subtree' })
  view(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<PlanView> {
    return this.medical.plan(id, principal);
  }

  @Post(':id/members')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'A member joins the plan (contribution as set by the plan)', description: 'Publishes cn.gonghui.aid.medical-plan.joined.v1.' })
  @ApiCreatedResponse({ type: PlanMemberView })
  @ApiNotFoundResponse({ description: 'No such plan in your subtree' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or inactive member, or one outside the plan’s unit' })
  @ApiConflictResponse({ description: 'Already in the plan' })
  join(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: JoinPlanRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<PlanMemberView> {
    return this.medical.join(id, body, principal, requestId);
  }

  @Get(':id/members')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'The plan’s members, in the order they joined, with what is left of each one’s yearly cap' })
  @ApiOkResponse({ type: PlanMemberPage })
  @ApiNotFoundResponse({ description: 'No such plan in your subtree' })
  members(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<PlanMemberView>> {
    return this.medical.planMembers(id, query, principal);
  }
}

@ApiTags('aid: medical mutual aid (职工医疗互助)')
@Controller('api/v1/aid/medical-claims')
export class MedicalClaimsController {
  constructor(private readonly medical: MedicalMutualAid) {}

  @Post()
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'A claim after medical insurance has paid (报销申请)',
    description:
      'Reimbursement = (self-paid − deductible) × ratio, rounded down, within what is left of the yearly cap. A gig worker’s claim with invoice and insurance settlement whose reimbursement is within the fast-channel limit is approved at once (decidedBy fast-channel).',
  })
  @ApiCreatedResponse({ type: ClaimView })
  @ApiBadRequestResponse({ description: 'Insurance share above the bill, or figures that do not add up' })
  @ApiNotFoundResponse({ description: 'No such plan in your subtree' })
  @ApiUnprocessableEntityResponse({ description: 'The member is not in the plan' })
  submit(@Body() body: SubmitClaimRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<ClaimView> {
    return this.medical.submitClaim(body, principal, requestId);
  }

  @Get()
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Claims of your subtree, oldest first, each with the days it took' })
  @ApiOkResponse({ type: ClaimPage })
  list(@Query() query: ListClaimsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ClaimView>> {
    return this.medical.listClaims(query, principal);
  }

  @Get(':id')
  @Authorize('aid-officer')
  @ApiOkResponse({ type: ClaimView })
  @ApiNotFoundResponse({ description: 'No such claim in your subtree' })
  view(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.medical.claim(id, principal);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Approve: works out the reimbursement and reserves it on the plan’s budget',
    description: 'Claims of one person approved at once are counted one after the other against the yearly cap. Publishes cn.gonghui.aid.medical-claim.approved.v1.',
  })
  @ApiOkResponse({ type: ClaimView })
  @ApiNotFoundResponse({ description: 'No such claim in your subtree' })
  @ApiConflictResponse({ description: 'The claim is not awaiting a decision (its status named)' })
  @ApiUnprocessableEntityResponse({ description: 'Nothing to reimburse (below the deductible, or the cap reached), or the budget is short' })
  approve(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<ClaimView> {
    return this.medical.approve(id, principal, requestId);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Reject with a reason (not in any event)' })
  @ApiOkResponse({ type: ClaimView })
  @ApiNotFoundResponse({ description: 'No such claim in your subtree' })
  @ApiConflictResponse({ description: 'The claim is not awaiting a decision' })
  reject(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RejectClaimRequest, @CurrentPrincipal() principal: Principal): Promise<ClaimView> {
    return this.medical.reject(id, body, principal);
  }

  @Post(':id/pay')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Record a payment made outside the bank file, by hand: the reservation on the plan’s budget is spent (ledger spend entry)',
    description:
      'The usual way is the payment batch: POST payment-batches with the plan’s budget gathers approved claims, and the bank’s result marks each paid or payment-failed. ' +
      'This records a claim approved or payment-failed as paid another way. Publishes cn.gonghui.aid.medical-claim.paid.v1 with the days taken.',
  })
  @ApiOkResponse({ type: ClaimView })
  @ApiNotFoundResponse({ description: 'No such claim in your subtree' })
  @ApiConflictResponse({ description: 'The claim is not approved (or payment-failed) and unpaid, or its instruction in a payment batch is with the bank (payment-in-batch)' })
  pay(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PayClaimRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<ClaimView> {
    return this.medical.pay(id, body, principal, requestId);
  }
}
