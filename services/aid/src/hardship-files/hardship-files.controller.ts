import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { inScope, Principal, scopeLikePattern } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, decodeCursor, DEFAULT_PAGE_SIZE, Page, Problem, RequestId, toPage } from '@gonghui/service-kit';
import { HardshipFilePage, HardshipFileView, ListHardshipFilesQuery, OpenHardshipFileRequest } from './hardship-file.dto';
import { HardshipFilesRepository, toHardshipFileView } from './hardship-files.repository';
import { OpenHardshipFile } from './open-hardship-file';

@ApiTags('aid: hardship files (困难职工档案)')
@Controller('api/v1/aid/hardship-files')
export class HardshipFilesController {
  constructor(
    private readonly openHardshipFile: OpenHardshipFile,
    private readonly files: HardshipFilesRepository,
  ) {}

  @Post()
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Open a hardship file after a household visit (建档)', description: 'Publishes cn.gonghui.aid.hardship-file.opened.v1' })
  @ApiCreatedResponse({ type: HardshipFileView })
  @ApiBadRequestResponse({ description: 'Invalid fields, e.g. a visit missing one of the six clears' })
  @ApiConflictResponse({ description: 'The member already has an open file' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown member (not in your subtree, or not yet known to aid) or member not active' })
  open(@Body() body: OpenHardshipFileRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<HardshipFileView> {
    return this.openHardshipFile.execute(body, principal, requestId);
  }

  @Get()
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Hardship files in your subtree' })
  @ApiOkResponse({ type: HardshipFilePage })
  async list(@Query() query: ListHardshipFilesQuery, @CurrentPrincipal() principal: Principal): Promise<Page<HardshipFileView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.files.list(scopeLikePattern(principal), decodeCursor(query.cursor, ['t', 'id']), limit);
    return toPage(rows, limit, toHardshipFileView, (r) => ({ t: r.opened_at.toISOString(), id: r.id }));
  }

  @Get(':id')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'One hardship file' })
  @ApiOkResponse({ type: HardshipFileView })
  @ApiNotFoundResponse({ description: 'No such file in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<HardshipFileView> {
    const row = await this.files.findById(id);
    if (!row || !inScope(principal, row.org_unit_path)) throw Problem.notFound(`档案不存在 / Hardship file ${id} not found`);
    return toHardshipFileView(row);
  }
}
