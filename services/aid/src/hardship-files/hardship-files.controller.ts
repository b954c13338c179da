import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import { HardshipFilePage, HardshipFileView, ListHardshipFilesQuery, OpenHardshipFileRequest, toHardshipFileView } from './hardship-file.dto';
import { HardshipFilesRepository } from './hardship-files.repository';
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
  list(@Query() query: ListHardshipFilesQuery, @CurrentPrincipal() principal: Principal): Promise<Page<HardshipFileView>> {
    return this.files.page(principal, query, toHardshipFileView);
  }

  @Get(':id')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'One hardship file' })
  @ApiOkResponse({ type: HardshipFileView })
  @ApiNotFoundResponse({ description: 'No such file in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<HardshipFileView> {
    return toHardshipFileView(await this.files.findInScope(id, principal));
  }
}
