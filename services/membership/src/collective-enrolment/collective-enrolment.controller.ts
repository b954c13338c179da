import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { memoryStorage } from 'multer';
import { inScope, Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, decodeCursor, DEFAULT_PAGE_SIZE, Page, Problem, RequestId, ServiceRuntime, toPage } from '@gonghui/service-kit';
import { CollectiveEnrolment, toJobView } from './collective-enrolment';
import { CollectiveEnrolmentRequest, CollectiveEnrolmentUpload, JobView, RejectedRowPage, RejectedRowsQuery, RejectedRowView } from './job.dto';

/** Rosters of hundreds to tens of thousands of rows fit well within this. */
export const MAX_ROSTER_BYTES = 20 * 1024 * 1024;

@ApiTags('membership: collective enrolment (集中入会)')
@Controller('api/v1/membership')
export class CollectiveEnrolmentController {
  constructor(
    private readonly collective: CollectiveEnrolment,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
  ) {}

  @Post('collective-enrolments')
  @HttpCode(202)
  @Authorize('membership-officer')
  @UseInterceptors(FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: MAX_ROSTER_BYTES, files: 1, fields: 5 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: CollectiveEnrolmentUpload })
  @ApiOperation({
    summary: 'Enrol a roster into one union (集中入会)',
    description:
      'Checks the file at once, then enrols its rows as a job: 202 with Location /api/v1/membership/jobs/{id}. ' +
      'Publishes member.enrolled per member and enrolment-batch.completed at the end.',
  })
  @ApiAcceptedResponse({ type: JobView })
  @ApiBadRequestResponse({ description: 'Missing file, wrong header or no data rows' })
  @ApiPayloadTooLargeResponse({ description: 'File larger than 20 MB' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not a CSV or XLSX file' })
  async submit(
    @Body() body: CollectiveEnrolmentRequest,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
    @RequestId() requestId?: string,
  ): Promise<JobView> {
    const job = await this.collective.submit(body.orgUnitId, file, principal, requestId);
    response.setHeader('Location', `/api/v1/membership/jobs/${job.id}`);
    return job;
  }

  @Get('jobs/:id')
  @Authorize()
  @ApiOperation({ summary: 'Progress of a job (任务进度)' })
  @ApiOkResponse({ type: JobView })
  @ApiNotFoundResponse({ description: 'No such job in your subtree' })
  async job(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<JobView> {
    const job = await this.collective.find(id);
    if (!job || !inScope(principal, job.org_unit_path)) throw Problem.notFound(`任务不存在 / Job ${id} not found`);
    return toJobView(job);
  }

  @Get('jobs/:id/rejected-rows')
  @Authorize()
  @ApiOperation({ summary: 'The rows a job refused, with line and reason (未通过的行)' })
  @ApiOkResponse({ type: RejectedRowPage })
  async rejectedRows(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: RejectedRowsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<RejectedRowView>> {
    await this.job(id, principal);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor<{ line: number; field: string }>(query.cursor, ['line', 'field']);
    const { rows } = await this.runtime.pool.query<RejectedRowView>(
      `SELECT line, field, reason FROM job_rejections
        WHERE job_id = $1 AND ($2::int IS NULL OR (line, field) > ($2, $3::text))
        ORDER BY line, field LIMIT $4`,
      [id, after?.line ?? null, after?.field ?? null, limit + 1],
    );
    return toPage(rows, limit, (r) => r, (r) => ({ line: r.line, field: r.field }));
  }
}
