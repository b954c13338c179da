import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page } from '@gonghui/service-kit';
import { HazardRewardPage, HazardRewardView, ListHazardRewardsQuery, NamePayeeRequest } from './hazard-reward.dto';
import { HazardRewards } from './hazard-rewards';

@ApiTags('aid: hazard-report rewards (隐患举报奖励)')
@Controller('api/v1/aid/hazard-rewards')
export class HazardRewardsController {
  constructor(private readonly rewards: HazardRewards) {}

  @Get()
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Rewards of verified hazard reports in your subtree; ?status=awaiting-budget lists those no budget could cover' })
  @ApiOkResponse({ type: HazardRewardPage })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor' })
  list(@Query() query: ListHazardRewardsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<HazardRewardView>> {
    return this.rewards.list(principal, query);
  }

  @Get(':id')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'One hazard-report reward' })
  @ApiOkResponse({ type: HazardRewardView })
  @ApiNotFoundResponse({ description: 'No such reward in your subtree' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<HazardRewardView> {
    return this.rewards.get(id, principal);
  }

  @Post(':id/reserve')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Retry reserving a reward awaiting a budget from the nearest hazard-reward budget up the unit path' })
  @ApiOkResponse({ type: HazardRewardView })
  @ApiNotFoundResponse({ description: 'No such reward in your subtree' })
  @ApiConflictResponse({ description: 'The reward is not awaiting a budget (its status named)' })
  @ApiUnprocessableEntityResponse({ description: 'Still no budget can cover it' })
  reserve(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<HazardRewardView> {
    return this.rewards.retryReservation(id, principal);
  }

  @Post(':id/name-payee')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Name the member to be paid (the reporter, in person): the reward joins the budget’s next payment batch' })
  @ApiOkResponse({ type: HazardRewardView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such reward, or member, in your subtree' })
  @ApiConflictResponse({ description: 'The reward is not awaiting its payee (its status named)' })
  namePayee(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: NamePayeeRequest, @CurrentPrincipal() principal: Principal): Promise<HazardRewardView> {
    return this.rewards.namePayee(id, body.memberId, principal);
  }
}
