import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { inScope, Principal, scopeLikePattern } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, decodeCursor, DEFAULT_PAGE_SIZE, Page, Problem, RequestId, toPage } from '@gonghui/service-kit';
import { EnrolMemberRequest, ListMembersQuery, MemberPage, MemberView } from './member.dto';
import { MembersRepository, toMemberView } from './members.repository';
import { EnrolMember } from './enrol-member/enrol-member';
import { OrgUnitsRepository } from '../org-units/org-units.repository';

@ApiTags('membership: members (会员)')
@Controller('api/v1/membership/members')
export class MembersController {
  constructor(
    private readonly enrolMember: EnrolMember,
    private readonly members: MembersRepository,
    private readonly units: OrgUnitsRepository,
  ) {}

  @Post()
  @Authorize('membership-officer')
  @ApiOperation({ summary: 'Enrol a member (会员入会)', description: 'Real-name enrolment; publishes cn.gonghui.membership.member.enrolled.v1' })
  @ApiCreatedResponse({ type: MemberView })
  @ApiBadRequestResponse({ description: 'Invalid resident ID, mobile, or fields that contradict the ID (problem+json, errors[] per field)' })
  @ApiConflictResponse({ description: 'The person is already an active member' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or deactivated organisation unit' })
  enrol(@Body() body: EnrolMemberRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<MemberView> {
    return this.enrolMember.execute(body, principal, requestId);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'List members in your subtree, or in one unit’s subtree (会员列表)' })
  @ApiOkResponse({ type: MemberPage })
  async list(@Query() query: ListMembersQuery, @CurrentPrincipal() principal: Principal): Promise<Page<MemberView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor<{ t: string; id: string }>(query.cursor, ['t', 'id']);
    let scope = principal.scopePath;
    if (query.orgUnitId) {
      const unit = await this.units.findById(query.orgUnitId);
      if (!unit || !inScope(principal, unit.path)) throw Problem.notFound(`组织不存在 / Organisation unit ${query.orgUnitId} not found`);
      scope = unit.path;
    }
    const rows = await this.members.list(scopeLikePattern({ scopePath: scope }), after, limit);
    return toPage(rows, limit, toMemberView, (r) => ({ t: r.enrolled_at.toISOString(), id: r.id }));
  }

  @Get(':id')
  @Authorize()
  @ApiOperation({ summary: 'One member (会员详情)' })
  @ApiOkResponse({ type: MemberView })
  @ApiNotFoundResponse({ description: 'No such member in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<MemberView> {
    const row = await this.members.findById(id);
    if (!row || !inScope(principal, row.org_unit_path)) throw Problem.notFound(`会员不存在 / Member ${id} not found`);
    return toMemberView(row);
  }
}
