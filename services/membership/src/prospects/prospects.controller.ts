import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import { MemberView } from '../members/member.dto';
import { ConvertProspectRequest, ListProspectsQuery, ProspectPage, ProspectView, RecordProspectRequest } from './prospect.dto';
import { Prospects, toProspectView } from './prospects';

@ApiTags('membership: prospects (未入会职工)')
@Controller('api/v1/membership/prospects')
export class ProspectsController {
  constructor(private readonly prospects: Prospects) {}

  @Post()
  @Authorize('membership-officer')
  @ApiOperation({ summary: 'Record a worker found in a survey who is not a member yet (登记未入会职工)' })
  @ApiCreatedResponse({ type: ProspectView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown organisation unit' })
  record(@Body() body: RecordProspectRequest, @CurrentPrincipal() principal: Principal): Promise<ProspectView> {
    return this.prospects.record(body, principal);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'Prospects found in your subtree' })
  @ApiOkResponse({ type: ProspectPage })
  async list(@Query() query: ListProspectsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ProspectView>> {
    return this.prospects.list(query, principal);
  }

  @Get(':id')
  @Authorize()
  @ApiOperation({ summary: 'One prospect' })
  @ApiOkResponse({ type: ProspectView })
  @ApiNotFoundResponse({ description: 'No such prospect in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<ProspectView> {
    return toProspectView(await this.prospects.find(id, principal));
  }

  @Post(':id/convert')
  @Authorize('membership-officer')
  @ApiOperation({ summary: 'Enrol the prospect as a member in one step (转为会员)', description: 'Real-name enrolment with the resident ID; publishes member.enrolled' })
  @ApiCreatedResponse({ type: MemberView })
  @ApiBadRequestResponse({ description: 'Invalid resident ID or mobile' })
  @ApiConflictResponse({ description: 'Already converted, or the person is already an active member' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or unsuitable union' })
  convert(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ConvertProspectRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<MemberView> {
    return this.prospects.convert(id, body, principal, requestId);
  }
}
