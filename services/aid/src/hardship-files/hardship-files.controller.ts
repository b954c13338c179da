import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import {
  DetailAccessEntryView,
  DetailAccessLogPage,
  DetailAccessLogQuery,
  GradeHardshipFileRequest,
  HardshipFilePage,
  HardshipFileView,
  ListHardshipFilesQuery,
  ListReviewsQuery,
  ListVisitsQuery,
  OpenHardshipFileRequest,
  RecordVisitRequest,
  ReviewHardshipFileRequest,
  ReviewPage,
  ReviewView,
  toHardshipFileView,
  ViewHardshipFileQuery,
  VisitPage,
  VisitView,
} from './hardship-file.dto';
import { GradeHardshipFile } from './grade-hardship-file';
import { RecordVisit } from './record-visit';
import { ReviewHardshipFile } from './review-hardship-file';
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
    private readonly gradeHardshipFile: GradeHardshipFile,
    private readonly recordVisit: RecordVisit,
    private readonly reviewHardshipFile: ReviewHardshipFile,
  ) {}

  @Post()
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Open a hardship file after a household visit (建档)',
    description: 'Publishes cn.gonghui.aid.hardship-file.opened.v1. The answer leaves out the visit’s details (sealed at rest): they are read through the logged view of one file.',
  })
  @ApiCreatedResponse({ type: HardshipFileView })
  @ApiBadRequestResponse({ description: 'Invalid fields, e.g. a visit missing one of the six clears' })
  @ApiConflictResponse({ description: 'The member, or their household (household), already has an open file' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown member (not in your subtree, or not yet known to aid) or member not active' })
  open(@Body() body: OpenHardshipFileRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<HardshipFileView> {
    return this.openHardshipFile.execute(body, principal, requestId);
  }

  @Get()
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Hardship files in your subtree, by status, grade, cause and unit; not visited for N days; never helped',
    description: 'Oldest first, keyset-paged. Without the visits’ details (detailsWithheld): they are read one file at a time, with a reason, logged.',
  })
  @ApiOkResponse({ type: HardshipFilePage })
  @ApiBadRequestResponse({ description: 'A filter or cursor that is not valid' })
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

  @Post(':id/grade')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Grade or regrade an open file (困难类别认定)', description: 'Publishes cn.gonghui.aid.hardship-file.graded.v1 (categories only).' })
  @ApiOkResponse({ type: HardshipFileView })
  @ApiBadRequestResponse({ description: 'Not a grade' })
  @ApiNotFoundResponse({ description: 'No such file in your subtree' })
  @ApiConflictResponse({ description: 'The file is closed (the answer names its status), or already has this grade' })
  grade(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: GradeHardshipFileRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<HardshipFileView> {
    return this.gradeHardshipFile.execute(id, body.grade, principal, requestId);
  }

  @Post(':id/visits')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Add a further visit to an open file (走访)', description: 'What the visit found is sealed at rest and shown only to case workers, with a reason, logged.' })
  @ApiCreatedResponse({ type: VisitView })
  @ApiBadRequestResponse({ description: 'A date in the future or before the opening visit, or no notes' })
  @ApiNotFoundResponse({ description: 'No such file in your subtree' })
  @ApiConflictResponse({ description: 'The file is closed (the answer names its status)' })
  addVisit(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordVisitRequest, @CurrentPrincipal() principal: Principal): Promise<VisitView> {
    return this.recordVisit.execute(id, body, principal);
  }

  @Get(':id/visits')
  @Authorize('aid-officer', 'hardship-case-worker')
  @ApiOperation({
    summary: 'The further visits of a file, in the order recorded',
    description: 'A hardship-case-worker must give `reason` and sees the notes (the reading is logged in the file’s detail access log); anyone else gets the visits without them.',
  })
  @ApiOkResponse({ type: VisitPage })
  @ApiBadRequestResponse({ description: 'A hardship-case-worker gave no reason, or a bad cursor' })
  @ApiNotFoundResponse({ description: 'No such file in your subtree' })
  visits(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ListVisitsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<VisitView>> {
    return this.recordVisit.list(id, query, principal);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'The annual review of a file (年度复核): keep it, or close it as out of hardship (脱困)',
    description: 'Once per file and calendar year. Closing needs a reason and publishes cn.gonghui.aid.hardship-file.closed.v1 (the category only, never the reason).',
  })
  @ApiOkResponse({ type: HardshipFileView })
  @ApiBadRequestResponse({ description: 'A date in the future, or closing without a reason' })
  @ApiNotFoundResponse({ description: 'No such file in your subtree' })
  @ApiConflictResponse({ description: 'The file is closed (the answer names its status), or already reviewed this year' })
  review(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReviewHardshipFileRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<HardshipFileView> {
    return this.reviewHardshipFile.execute(id, body, principal, requestId);
  }

  @Get(':id/reviews')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'The annual reviews of a file (年度复核记录)', description: 'In the order recorded, with the decision and its reason.' })
  @ApiOkResponse({ type: ReviewPage })
  @ApiBadRequestResponse({ description: 'A cursor that is not valid' })
  @ApiNotFoundResponse({ description: 'No such file in your subtree' })
  reviews(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ListReviewsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ReviewView>> {
    return this.reviewHardshipFile.list(id, query, principal);
  }
}
