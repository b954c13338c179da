import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart'; // its types add parts() and isMultipart() to FastifyRequest
import { Readable } from 'node:stream';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import {
  Authorize,
  createValidationPipe,
  CurrentPrincipal,
  discardRoster,
  inputProblems,
  openUploadedRoster,
  Page,
  PageQuery,
  Problem,
  receiveRosterUpload,
  RequestId,
  rosterTooLarge,
} from '@gonghui/service-kit';
import {
  CampaignPage,
  CampaignView,
  ConfirmationView,
  CreateCampaignRequest,
  CrossCheckQuery,
  CrossCheckReport,
  CrossCheckSummary,
  ListApplicationsRequest,
  ListedView,
  ListFromHardshipFilesRequest,
  NominateRequest,
  NominationJobView,
  NominationUpload,
} from './campaign.dto';
import { Campaigns, MAX_NOMINATION_BYTES } from './campaigns';

/** The JSON form of a nomination is validated by hand (the route also takes multipart), with the pipe every body goes through. */
const bodyPipe = createValidationPipe();

@ApiTags('aid: campaigns (专项行动)')
@ApiExtraModels(NominationUpload, NominateRequest)
@Controller('api/v1/aid/campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: Campaigns) {}

  @Post()
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Set up a campaign on a budget (专项行动): kind, period, per-person standard, eligibility rules' })
  @ApiCreatedResponse({ type: CampaignView })
  @ApiBadRequestResponse({ description: 'Invalid fields; `rule-not-evaluable` names each rule that cannot be evaluated' })
  @ApiNotFoundResponse({ description: 'No such budget in your subtree' })
  create(@Body() body: CreateCampaignRequest, @CurrentPrincipal() principal: Principal): Promise<CampaignView> {
    return this.campaigns.create(body, principal);
  }

  @Get()
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Campaigns of your subtree, oldest first, with their money figures' })
  @ApiOkResponse({ type: CampaignPage })
  list(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<CampaignView>> {
    return this.campaigns.page(principal, query);
  }

  @Get(':id')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'One campaign: status, rounds, whether the cross-check is stale, confirmed and paid figures' })
  @ApiOkResponse({ type: CampaignView })
  @ApiNotFoundResponse({ description: 'No such campaign in your subtree' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<CampaignView> {
    return this.campaigns.view(id, principal);
  }

  @Post(':id/hardship-files')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Channel: list the open hardship files whose grade the rules accept (困难档案), optionally of one unit’s subtree' })
  @ApiOkResponse({ type: ListedView })
  @ApiNotFoundResponse({ description: 'No such campaign in your subtree' })
  @ApiConflictResponse({ description: 'The campaign is closed' })
  listFiles(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ListFromHardshipFilesRequest, @CurrentPrincipal() principal: Principal): Promise<ListedView> {
    return this.campaigns.listFromHardshipFiles(id, body.orgUnitPath, principal);
  }

  @Post(':id/applications')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Channel: bring individual applications (decided with a passing vote) into the campaign (个人申请)' })
  @ApiOkResponse({ type: ListedView })
  @ApiUnprocessableEntityResponse({ description: 'An application is unknown, outside the campaign, or not decided: each named, nothing listed' })
  listApplications(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ListApplicationsRequest, @CurrentPrincipal() principal: Principal): Promise<ListedView> {
    return this.campaigns.listApplications(id, body.applicationIds, principal);
  }

  @Post(':id/nominations')
  @HttpCode(202)
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Channel: a district’s or enterprise’s nomination roster (推荐名单), CSV (UTF-8 or GBK) or XLSX, as a job',
    description:
      'A multipart upload (`nominatedBy` and `file`), as the console sends it; scripts may send the same as JSON with the file base64 (`contentBase64`). ' +
      'The whole file is checked first (type, encoding, header, size): a bad one is refused whole. Good rows are listed by the job; each rejected row is reported with its line and reason.',
    requestBody: {
      required: true,
      content: {
        'multipart/form-data': { schema: { $ref: getSchemaPath(NominationUpload) } },
        'application/json': { schema: { $ref: getSchemaPath(NominateRequest) } },
      },
    },
  })
  @ApiAcceptedResponse({ type: NominationJobView })
  @ApiBadRequestResponse({ description: 'Missing file or nominatedBy, wrong header (`wrong-roster-header`), mixed encodings (`roster-mixed-encoding`), no rows (`empty-roster`), malformed file' })
  @ApiPayloadTooLargeResponse({ description: 'File larger than 10 MB (`roster-too-large`)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Neither CSV nor XLSX' })
  async nominate(@Param('id', new ParseUUIDPipe()) id: string, @Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal): Promise<NominationJobView> {
    if (!request.isMultipart()) {
      const body = (await bodyPipe.transform(request.body, { type: 'body', metatype: NominateRequest, data: '' })) as NominateRequest;
      const content = Buffer.from(body.contentBase64, 'base64');
      if (content.length > MAX_NOMINATION_BYTES) throw rosterTooLarge(MAX_NOMINATION_BYTES, 'contentBase64');
      return this.campaigns.nominate(id, { nominatedBy: body.nominatedBy, fileName: body.fileName, open: () => Readable.from([content]) }, principal, 'contentBase64');
    }
    const { fields, file } = await receiveRosterUpload(request, MAX_NOMINATION_BYTES);
    try {
      const nominatedBy = (fields.nominatedBy ?? '').trim();
      const errors = [];
      if (!nominatedBy || nominatedBy.length > 200) errors.push({ field: 'nominatedBy', message: '推荐单位须为 1–200 个字符 / nominatedBy must be 1–200 characters' });
      else errors.push(...inputProblems(nominatedBy, 'nominatedBy'));
      if (!file) errors.push({ field: 'file', message: '缺少文件 / file is missing' });
      if (errors.length > 0) throw Problem.badRequest(file ? '请求参数有误 / Invalid request' : '请上传推荐名单文件 / Upload the roster file', errors);
      // the roster is read whole before the answer: the job keeps the people, not the file
      return await this.campaigns.nominate(id, { nominatedBy, fileName: file!.fileName, open: openUploadedRoster(file!) }, principal, 'file');
    } finally {
      await discardRoster(file);
    }
  }

  @Get(':id/nominations/:jobId')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'A nomination job: progress (rowsDone of totalRows) and the per-row report' })
  @ApiOkResponse({ type: NominationJobView })
  @ApiNotFoundResponse({ description: 'No such campaign or job' })
  nomination(@Param('id', new ParseUUIDPipe()) id: string, @Param('jobId', new ParseUUIDPipe()) jobId: string, @CurrentPrincipal() principal: Principal): Promise<NominationJobView> {
    return this.campaigns.nomination(id, jobId, principal);
  }

  @Post(':id/cross-check')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Run the cross-check (多渠道交叉核验): each person once, already paid, not members or left, not meeting the rules, and the missed',
    description: 'Set-based over the whole list. Replaces the previous report.',
  })
  @ApiOkResponse({ type: CrossCheckSummary })
  @ApiConflictResponse({ description: 'The campaign is closed' })
  crossCheck(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<CrossCheckSummary> {
    return this.campaigns.crossCheck(id, principal);
  }

  @Get(':id/cross-check')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'The last cross-check report: its summary and the people, by outcome, paged' })
  @ApiOkResponse({ type: CrossCheckReport })
  report(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: CrossCheckQuery, @CurrentPrincipal() principal: Principal): Promise<CrossCheckReport> {
    return this.campaigns.report(id, query, principal);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Confirm the payable people as one round: approved applications, one reservation on the budget, one payment batch; the in-kind distribution list for items',
    description:
      'Export and settle the batch under payment-batches/. A standard with items also puts the same people on the in-kind distribution list (distribution/); an items-only standard makes only the list. Publishes cn.gonghui.aid.campaign.confirmed.v1.',
  })
  @ApiOkResponse({ type: ConfirmationView })
  @ApiConflictResponse({ description: '`cross-check-stale`: the list changed since the last cross-check; or the campaign is closed' })
  @ApiUnprocessableEntityResponse({ description: 'Nobody payable, or the budget is short (`budget-insufficient`): nothing applied' })
  confirm(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<ConfirmationView> {
    return this.campaigns.confirm(id, principal, requestId);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Close a confirmed campaign once the bank settled every payment', description: 'Publishes cn.gonghui.aid.campaign.paid.v1 with the totals.' })
  @ApiOkResponse({ type: CampaignView })
  @ApiConflictResponse({ description: 'Payments still pending (`payments-pending`), or the campaign is not confirmed. Pending lines of the in-kind distribution list do not hold the close up: handovers are still recorded after it' })
  close(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<CampaignView> {
    return this.campaigns.close(id, principal, requestId);
  }
}
