import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { ApiAcceptedResponse, ApiBadRequestResponse, ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, decodeCursor, DEFAULT_PAGE_SIZE, discardRoster, Page, Problem, receiveRosterUpload, RequestId, requireInScope, toPage, UploadedRoster } from '@gonghui/service-kit';
import { CollectiveEnrolment, toJobView } from './collective-enrolment';
import { CollectiveEnrolmentUpload, JobView, RejectedRowPage, RejectedRowsQuery, RejectedRowView } from './job.dto';

/** Rosters of hundreds to tens of thousands of rows fit well within this (the multipart limit of createServiceApp). */
export const MAX_ROSTER_BYTES = 20 * 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The multipart form of a roster upload (the shared receiveRosterUpload): the `orgUnitId` field and
 * the `file`, streamed to a temporary file. A missing or invalid field or a missing file is a 400,
 * and nothing is left behind on a refusal.
 */
async function receiveRoster(request: FastifyRequest): Promise<{ orgUnitId: string; file: UploadedRoster }> {
  const { fields, file } = await receiveRosterUpload(request, MAX_ROSTER_BYTES);
  const errors = [];
  if (!fields.orgUnitId || !UUID.test(fields.orgUnitId)) errors.push({ field: 'orgUnitId', message: 'orgUnitId 须为 UUID / orgUnitId must be a UUID' });
  if (!file) errors.push({ field: 'file', message: '缺少文件 / file is missing' });
  if (errors.length > 0) {
    await discardRoster(file);
    throw Problem.badRequest(file ? '请求参数有误 / Invalid request' : '请上传花名册文件 / Upload the roster file', errors);
  }
  return { orgUnitId: fields.orgUnitId, file: file! };
}

@ApiTags('membership: collective enrolment (集中入会)')
@Controller('api/v1/membership')
export class CollectiveEnrolmentController {
  constructor(
    private readonly collective: CollectiveEnrolment,
  ) {}

  @Post('collective-enrolments')
  @HttpCode(202)
  @Authorize('membership-officer')
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
  async submit(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply, @RequestId() requestId?: string): Promise<JobView> {
    const { orgUnitId, file } = await receiveRoster(request);
    const job = await this.collective.submit(orgUnitId, file, principal, requestId);
    reply.header('Location', `/api/v1/membership/jobs/${job.id}`);
    return job;
  }

  @Get('jobs/:id')
  @Authorize()
  @ApiOperation({ summary: 'Progress of a job (任务进度)' })
  @ApiOkResponse({ type: JobView })
  @ApiNotFoundResponse({ description: 'No such job in your subtree' })
  async job(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<JobView> {
    return toJobView(requireInScope(await this.collective.find(id), (j) => j.orgUnitPath, principal, `任务不存在 / Job ${id} not found`));
  }

  @Get('jobs/:id/rejected-rows')
  @Authorize()
  @ApiOperation({ summary: 'The rows a job refused, with line and reason (未通过的行)' })
  @ApiOkResponse({ type: RejectedRowPage })
  async rejectedRows(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: RejectedRowsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<RejectedRowView>> {
    await this.job(id, principal);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor<{ line: number; field: string }>(query.cursor, { line: 'integer', field: 'string' });
    if (after && (!Number.isInteger(after.line) || typeof after.field !== 'string')) {
      throw Problem.badRequest('cursor 无效 / The cursor is not valid', [{ field: 'cursor', message: '无法识别的游标 / Unrecognised cursor' }]);
    }
    const rows = await this.collective.rejectedRows(id, after, limit);
    return toPage(rows, limit, (r): RejectedRowView => ({ line: r.line, field: r.field, reason: r.reason }), (r) => ({ line: r.line, field: r.field }));
  }
}
