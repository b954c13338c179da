import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import {
  DetailAccessEntryView,
  DetailAccessLogPage,
  DetailAccessLogQuery,
  HardshipFilePage,
  HardshipFileView,
  ListHardshipFilesQuery,
  OpenHardshipFileRequest,
  toHardshipFileView,
  ViewHardshipFileQuery,
} from './hardship-file.dto';
import { HardshipFilesRepository } from './hardship-files.repository';
import { OpenHardshipFile } from './open-hardship-file';
import { ViewHardshipFile } from './view-hardship-file';

@ApiTags('aid: hardship files (困难职工档案)')
@Controller('api/v1/aid/hardship-files')
export class HardshipFilesController {
  constructor(
    private readonly openHardshipFile: OpenHardshipFile,
    private readonly files: HardshipFilesRepository,
    private readonly viewHardshipFile: ViewHardshipFile,
  ) {}

  @Post()
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Open a hardship file after a household visit (建档)',
    description: 'Publishes cn.gonghui.aid.hardship-file.opened.v1. The answer leaves out the visit’s details (sealed at rest): they are read through the logged view of one file.',
  })
  @ApiCreatedResponse({ type: HardshipFileView })
  @ApiBadRequestResponse({ description: 'Invalid fields, e.g. a visit missing one of the six clears' })
  @ApiConflictResponse({ description: 'The member already has an open file' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown member (not in your subtree, or not yet known to aid) or member not active' })
  open(@Body() body: OpenHardshipFileRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<HardshipFileView> {
    return this.openHardshipFile.execute(body, principal, requestId);
  }

  @Get()
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Hardship files in your subtree', description: 'Without the visits’ details (detailsWithheld): they are read one file at a time, with a reason, logged.' })
  @ApiOkResponse({ type: HardshipFilePage })
  list(@Query() query: ListHardshipFilesQuery, @CurrentPrincipal() principal: Principal): Promise<Page<HardshipFileView>> {
    return this.files.page(principal, query, (file) => toHardshipFileView(file, null));
  }

  @Get(':id')
  @Authorize('aid-officer', 'hardship-case-worker')
  @ApiOperation({
    summary: 'One hardship file',
    description:
      'A hardship-case-worker (held by name; the administrator too) sees the visit’s income, housing, health and schooling, and must give `reason`: ' +
      'the view is logged (who, when, which file, why). Anyone else gets the file without them, `detailsWithheld: true`, and nothing is logged.',
  })
  @ApiOkResponse({ type: HardshipFileView })
  @ApiBadRequestResponse({ description: 'A hardship-case-worker gave no reason' })
  @ApiNotFoundResponse({ description: 'No such file in your subtree' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ViewHardshipFileQuery, @CurrentPrincipal() principal: Principal): Promise<HardshipFileView> {
    return this.viewHardshipFile.execute(id, principal, query.reason);
  }

  @Get(':id/detail-access-log')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Who viewed the file’s details, when and why (详情查看日志)', description: 'Newest first. For the aid desk’s officers and the federation administrator.' })
  @ApiOkResponse({ type: DetailAccessLogPage })
  @ApiNotFoundResponse({ description: 'No such file in your subtree' })
  detailAccessLog(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DetailAccessLogQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<DetailAccessEntryView>> {
    return this.viewHardshipFile.accessLog(id, principal, query);
  }
}
