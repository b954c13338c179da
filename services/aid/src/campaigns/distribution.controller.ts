import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, RequestId } from '@gonghui/service-kit';
import { DistributionLineView, DistributionPage, DistributionQuery, HandoverRequest } from './campaign.dto';
import { CampaignDistribution } from './distribution';

@ApiTags('aid: campaigns (专项行动)')
@Controller('api/v1/aid/campaigns')
export class DistributionController {
  constructor(private readonly distribution: CampaignDistribution) {}

  @Get(':id/distribution')
  @Authorize('aid-officer')
  @ApiOperation({
    summary:
      'The in-kind distribution list (实物发放清单): the lines of your subtree, by member, with the counts delivered / undelivered / pending',
    description:
      'Made when a campaign with items is confirmed: one line per confirmed person with the standard’s items. An officer of a unit below the campaign’s sees their own subtree’s lines.',
  })
  @ApiOkResponse({ type: DistributionPage })
  @ApiBadRequestResponse({ description: 'Unknown status or invalid cursor' })
  @ApiNotFoundResponse({ description: 'No such campaign in, or above, your subtree' })
  list(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DistributionQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DistributionPage> {
    return this.distribution.page(id, query, principal);
  }

  @Post(':id/distribution/:lineId/handover')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({
    summary:
      'Record a line’s handover (签收): delivered (day, to the member or a named proxy with relation) or not delivered with a reason',
    description:
      'The officer recording it is the one who handed over. A delivered line is final. Publishes cn.gonghui.aid.campaign.distribution-recorded.v1 for a delivery (member and items only).',
  })
  @ApiOkResponse({ type: DistributionLineView })
  @ApiBadRequestResponse({
    description:
      'A field is wrong or missing (date after today or before the confirmation, a proxy without name or relation, no reason…): each named',
  })
  @ApiNotFoundResponse({ description: 'No such campaign, or no such line in your subtree' })
  @ApiConflictResponse({ description: '`line-already-recorded`: the line is delivered already (a closed campaign still takes handovers)' })
  handover(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('lineId', new ParseUUIDPipe()) lineId: string,
    @Body() body: HandoverRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<DistributionLineView> {
    return this.distribution.handover(id, lineId, body, principal, requestId);
  }

  @Get(':id/distribution.csv')
  @Authorize('aid-officer')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The paper sign sheet (签收表) of your subtree’s lines, CSV (UTF-8 with BOM), by unit then member',
    description:
      'Columns 序号, 会员, 发放物品, 状态, 签收日期, 领取人, 签收人签名 (empty, to sign), 备注. Optionally only one status (e.g. pending).',
  })
  @ApiOkResponse({
    description: 'The CSV file',
    schema: {
      type: 'string',
      example:
        '序号,会员,发放物品,状态,签收日期,领取人,签收人签名,备注\r\n1,1e2d3c4b-5a69-4786-9a5b-4c3d2e1f0a9b,米10公斤、油5升,待发放,,,,\r\n',
    },
  })
  @ApiBadRequestResponse({ description: 'Unknown status' })
  @ApiNotFoundResponse({ description: 'No such campaign in, or above, your subtree' })
  signSheet(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DistributionQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    return this.distribution.signSheet(id, query.status, principal);
  }
}
