import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, RequestId } from '@gonghui/service-kit';
import { ApproveCampaignRequest, ApproveCampaignView } from './application.dto';
import { ApproveCampaign } from './approve-campaign';

@ApiTags('aid: applications (帮扶申请)')
@Controller('api/v1/aid/budgets')
export class CampaignApprovalsController {
  constructor(private readonly approveCampaign: ApproveCampaign) {}

  @Post(':id/approve-applications')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Approve a campaign’s decided applications together, reserving from this budget (专项行动批量批准): all or none',
    description: 'For campaigns such as Spring Festival “send warmth” (16,000 people). Publishes cn.gonghui.aid.application.approved.v1 for each.',
  })
  @ApiOkResponse({ type: ApproveCampaignView })
  @ApiBadRequestResponse({ description: 'Invalid or repeated ids' })
  @ApiNotFoundResponse({ description: 'The budget, or an application, is not in your subtree (named)' })
  @ApiConflictResponse({ description: 'An application is not in the decided stage (its stage named)' })
  @ApiUnprocessableEntityResponse({ description: 'A decision did not pass, the budget does not cover a unit, or the budget cannot hold the total' })
  approve(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ApproveCampaignRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<ApproveCampaignView> {
    return this.approveCampaign.execute(id, body, principal, requestId);
  }
}
