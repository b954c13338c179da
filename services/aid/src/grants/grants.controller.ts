import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, PageQuery } from '@gonghui/service-kit';
import { CreateGrantCallRequest, FinalEvaluationRequest, GrantCallPage, GrantCallView, ProposalPage, ProposalView, RankingView, ScoreProposalRequest, ScoreSheetView, SubmitProposalRequest } from './grant.dto';
import { Grants } from './grants';

class ScoreSheetList {
  @ApiProperty({ type: [ScoreSheetView] }) items!: ScoreSheetView[];
}

@ApiTags('aid: grants to social organisations (公益伙伴)')
@Controller('api/v1/aid')
export class GrantsController {
  constructor(private readonly grants: Grants) {}

  @Post('grant-calls')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Make a call for proposals (项目征集)', description: 'Reserves the call’s amount on the budget (a ledger reservation, guarded: never more than is available).' })
  @ApiCreatedResponse({ type: GrantCallView })
  @ApiBadRequestResponse({ description: 'Invalid fields, or criteria whose weights do not add up to 100' })
  @ApiNotFoundResponse({ description: 'No such budget in your subtree' })
  @ApiUnprocessableEntityResponse({ description: 'More than the budget’s available amount' })
  create(@Body() body: CreateGrantCallRequest, @CurrentPrincipal() principal: Principal): Promise<GrantCallView> {
    return this.grants.createCall(body, principal);
  }

  @Get('grant-calls')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Calls for proposals of your subtree, oldest first' })
  @ApiOkResponse({ type: GrantCallPage })
  list(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<GrantCallView>> {
    return this.grants.listCalls(query, principal);
  }

  @Get('grant-calls/:id')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'One call for proposals' })
  @ApiOkResponse({ type: GrantCallView })
  @ApiNotFoundResponse({ description: 'No such call in your subtree' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<GrantCallView> {
    return this.grants.call(id, principal);
  }

  @Post('grant-calls/:id/proposals')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Record an organisation’s proposal (项目申报), by its unified social credit code' })
  @ApiCreatedResponse({ type: ProposalView })
  @ApiBadRequestResponse({ description: 'Invalid fields: a wrong credit code, milestones not adding up to the request, more than the call’s money' })
  @ApiNotFoundResponse({ description: 'No such call in your subtree' })
  @ApiConflictResponse({ description: 'The call is no longer open, or the organisation already has a proposal in it' })
  submit(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SubmitProposalRequest, @CurrentPrincipal() principal: Principal): Promise<ProposalView> {
    return this.grants.submitProposal(id, body, principal);
  }

  @Get('grant-calls/:id/proposals')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'The proposals of a call, in the order they came' })
  @ApiOkResponse({ type: ProposalPage })
  @ApiNotFoundResponse({ description: 'No such call in your subtree' })
  proposals(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ProposalView>> {
    return this.grants.listProposals(id, query, principal);
  }

  @Post('grant-calls/:id/close-submissions')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Close the call to proposals: the panel may score' })
  @ApiOkResponse({ type: GrantCallView })
  @ApiNotFoundResponse({ description: 'No such call in your subtree' })
  @ApiConflictResponse({ description: 'The call is not open' })
  close(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<GrantCallView> {
    return this.grants.closeSubmissions(id, principal);
  }

  @Get('grant-calls/:id/ranking')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'The ranking so far: mean weighted score, and which proposals the money would reach' })
  @ApiOkResponse({ type: RankingView })
  @ApiNotFoundResponse({ description: 'No such call in your subtree' })
  ranking(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<RankingView> {
    return this.grants.ranking(id, principal);
  }

  @Post('grant-calls/:id/award')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Award in rank order within the call’s money (立项)', description: 'What is not awarded is released back to the budget.' })
  @ApiOkResponse({ type: GrantCallView })
  @ApiNotFoundResponse({ description: 'No such call in your subtree' })
  @ApiConflictResponse({ description: 'The call is not under review' })
  @ApiUnprocessableEntityResponse({ description: 'A panel member has not scored every proposal yet' })
  award(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<GrantCallView> {
    return this.grants.award(id, principal);
  }

  @Get('grant-proposals/:id')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'One proposal or project, with its milestones' })
  @ApiOkResponse({ type: ProposalView })
  @ApiNotFoundResponse({ description: 'No such proposal in your subtree' })
  proposal(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<ProposalView> {
    return this.grants.proposal(id, principal);
  }

  @Post('grant-proposals/:id/scores')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Score a proposal (评审打分): a panel member, once per proposal' })
  @ApiCreatedResponse({ type: ScoreSheetView })
  @ApiBadRequestResponse({ description: 'A score outside its criterion’s range, missing, or for no criterion of the call' })
  @ApiForbiddenResponse({ description: 'Not on the call’s panel' })
  @ApiNotFoundResponse({ description: 'No such proposal in your subtree' })
  @ApiConflictResponse({ description: 'Already scored by you, or the call is not under review' })
  score(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ScoreProposalRequest, @CurrentPrincipal() principal: Principal): Promise<ScoreSheetView> {
    return this.grants.score(id, body, principal);
  }

  @Get('grant-proposals/:id/scores')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'The panel’s score sheets for a proposal' })
  @ApiOkResponse({ type: ScoreSheetList })
  @ApiNotFoundResponse({ description: 'No such proposal in your subtree' })
  sheets(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<ScoreSheetList> {
    return this.grants.sheets(id, principal);
  }

  @Post('grant-proposals/:id/milestones/:seq/pay')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Pay a milestone of an awarded project (分期拨付)', description: 'A ledger spend on the call’s budget. Milestones are paid in order.' })
  @ApiOkResponse({ type: ProposalView })
  @ApiNotFoundResponse({ description: 'No such project or milestone in your subtree' })
  @ApiConflictResponse({ description: 'Not an awarded project, the milestone is paid, or an earlier one is not' })
  pay(@Param('id', new ParseUUIDPipe()) id: string, @Param('seq', new ParseIntPipe()) seq: number, @CurrentPrincipal() principal: Principal): Promise<ProposalView> {
    return this.grants.payMilestone(id, seq, principal);
  }

  @Post('grant-proposals/:id/final-evaluation')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'The final evaluation (结项评估): ends the project', description: 'Milestones not paid by then are cancelled and their money released to the budget.' })
  @ApiOkResponse({ type: ProposalView })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a date in the future' })
  @ApiNotFoundResponse({ description: 'No such project in your subtree' })
  @ApiConflictResponse({ description: 'Not an awarded project (not awarded, or already evaluated)' })
  evaluate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: FinalEvaluationRequest, @CurrentPrincipal() principal: Principal): Promise<ProposalView> {
    return this.grants.evaluate(id, body, principal);
  }
}
