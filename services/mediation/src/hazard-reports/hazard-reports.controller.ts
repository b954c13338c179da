import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import { HazardReportPage, HazardReportView, ListHazardReportsQuery, RejectHazardReportRequest, SubmitHazardReportRequest, VerifyHazardReportRequest } from './hazard-report.dto';
import { HazardReports } from './hazard-reports.service';

@ApiTags('mediation: hazard reports (隐患举报)')
@Controller('api/v1/mediation/hazard-reports')
export class HazardReportsController {
  constructor(private readonly reports: HazardReports) {}

  @Post()
  @Authorize('mediator')
  @ApiOperation({ summary: 'Record a real-name hazard report (实名举报)', description: 'The reporter must be a member known in your subtree; the name is stored encrypted.' })
  @ApiCreatedResponse({ type: HazardReportView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiUnprocessableEntityResponse({ description: 'The reporter’s identity cannot be verified' })
  submit(@Body() body: SubmitHazardReportRequest, @CurrentPrincipal() principal: Principal): Promise<HazardReportView> {
    return this.reports.submit(body, principal);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Authorize('mediator')
  @ApiOperation({ summary: 'Verify the report and set its reward (核实并奖励)', description: 'Publishes cn.gonghui.mediation.hazard-report.verified.v1; aid pays the reward.' })
  @ApiOkResponse({ type: HazardReportView })
  @ApiBadRequestResponse({ description: 'Invalid reward level' })
  @ApiNotFoundResponse({ description: 'No such report in your subtree' })
  @ApiConflictResponse({ description: 'The report was handled already (names its status)' })
  verify(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: VerifyHazardReportRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<HazardReportView> {
    return this.reports.verify(id, body, principal, requestId);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Authorize('mediator')
  @ApiOperation({ summary: 'Reject the report with a reason (不予核实)' })
  @ApiOkResponse({ type: HazardReportView })
  @ApiBadRequestResponse({ description: 'No reason' })
  @ApiNotFoundResponse({ description: 'No such report in your subtree' })
  @ApiConflictResponse({ description: 'The report was handled already (names its status)' })
  reject(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RejectHazardReportRequest, @CurrentPrincipal() principal: Principal): Promise<HazardReportView> {
    return this.reports.reject(id, body, principal);
  }

  @Get()
  @Authorize('mediator')
  @ApiOperation({ summary: 'Reports in your subtree (never with the reporter’s name)' })
  @ApiOkResponse({ type: HazardReportPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  list(@Query() query: ListHazardReportsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<HazardReportView>> {
    return this.reports.list(principal, query);
  }

  @Get(':id')
  @Authorize('mediator')
  @ApiOperation({ summary: 'One report; the reporter’s name for the handling officers (personal-data-viewer) only' })
  @ApiOkResponse({ type: HazardReportView })
  @ApiNotFoundResponse({ description: 'No such report in your subtree' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<HazardReportView> {
    return this.reports.get(id, principal);
  }
}
