import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiExcludeEndpoint, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, PageQuery, Problem, RequestId } from '@gonghui/service-kit';
import {
  AccessLogEntryView,
  AccessLogPage,
  DualRegistrationRequest,
  EnrolMemberRequest,
  HistoryEntryView,
  HistoryPage,
  LeaveRequest,
  ListMembersQuery,
  LookupByNationalIdRequest,
  MemberPage,
  MemberView,
  RevealedIdentityView,
  RevealRequest,
  TransferMemberRequest,
  UpdateMemberRequest,
} from './member.dto';
import { MembersRepository } from './members.repository';
import { EnrolMember } from './enrol-member/enrol-member';
import { EditMember } from './edit-member/edit-member';
import { MemberLifecycle } from './lifecycle/lifecycle';
import { RevealIdentity } from './reveal-identity/reveal-identity';
import { PersonalDataLookups } from './lookup/personal-data-lookups';

const methodNotAllowed = () =>
  new Problem(
    405,
    'method-not-allowed',
    '方法不允许 / Method not allowed',
    '会员信息用 PATCH 修改，退会用 POST …/leave；会员记录不能替换或删除 / Edit a member with PATCH and record leaving with POST …/leave: a member is never replaced or deleted',
  );

@ApiTags('membership: members (会员)')
@Controller('api/v1/membership/members')
export class MembersController {
  constructor(
    private readonly enrolMember: EnrolMember,
    private readonly editMember: EditMember,
    private readonly lifecycle: MemberLifecycle,
    private readonly revealIdentity: RevealIdentity,
    private readonly lookups: PersonalDataLookups,
    private readonly members: MembersRepository,
  ) {}

  @Post()
  @Authorize('membership-officer')
  @ApiOperation({ summary: 'Enrol a member (会员入会)', description: 'Real-name enrolment; publishes cn.gonghui.membership.member.enrolled.v1' })
  @ApiCreatedResponse({ type: MemberView })
  @ApiBadRequestResponse({ description: 'Invalid resident ID, mobile, or fields that contradict the ID (problem+json, errors[] per field)' })
  @ApiConflictResponse({ description: 'The person is already an active member in your subtree' })
  @ApiUnprocessableEntityResponse({
    description:
      'Unknown or deactivated unit, a unit that does not hold members, or enrolment-refused: the person cannot be enrolled here for a reason ' +
      'the caller may not learn (e.g. an active membership outside the caller’s subtree; logged for the federation)',
  })
  enrol(@Body() body: EnrolMemberRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<MemberView> {
    return this.enrolMember.execute(body, principal, requestId);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'Search members in your subtree (会员查询)', description: 'Filters combine; ordered by enrolment time; cursor-paginated.' })
  @ApiOkResponse({ type: MemberPage })
  list(@Query() query: ListMembersQuery, @CurrentPrincipal() principal: Principal): Promise<Page<MemberView>> {
    return this.members.page(principal, query);
  }

  @Post('lookup')
  @HttpCode(200)
  @Authorize('membership-officer')
  @ApiOperation({
    summary: 'Find a person’s memberships by resident ID (按身份证号查询)',
    description:
      'Exact match through a keyed hash; newest first. The ID goes in the body, never the URL, with the reason for the lookup: ' +
      'every lookup is logged for the federation (who, when, why, the keyed hash, how many were found), see GET /api/v1/membership/lookup-log.',
  })
  @ApiOkResponse({ type: [MemberView] })
  @ApiBadRequestResponse({ description: 'Invalid resident ID, or no reason (problem+json, errors[] per field)' })
  @ApiNotFoundResponse({ description: 'No membership of this person in your subtree' })
  lookup(@Body() body: LookupByNationalIdRequest, @CurrentPrincipal() principal: Principal): Promise<MemberView[]> {
    return this.lookups.lookup(body.nationalId, body.reason, principal);
  }

  @Get(':id')
  @Authorize()
  @ApiOperation({ summary: 'One member (会员详情)', description: 'A member of your subtree, or one registered with a community union of your subtree (双报到, servedAs: dual-registration)' })
  @ApiOkResponse({ type: MemberView })
  @ApiNotFoundResponse({ description: 'No such member in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<MemberView> {
    return (await this.members.findVisible(id, principal)).view;
  }

  @Patch(':id')
  @Authorize('membership-officer')
  @ApiOperation({
    summary: 'Edit a member’s details (会员信息维护)',
    description:
      'Mobile, employer, industry, skill level, honours: any of them, at least one. Recorded in the member’s history and published as ' +
      'cn.gonghui.membership.member.updated.v1 (the mobile masked). Repeating an edit changes nothing and publishes nothing.',
  })
  @ApiOkResponse({ type: MemberView })
  @ApiBadRequestResponse({ description: 'Invalid, null or empty fields, an invalid mobile, or no field at all (problem+json, errors[] per field)' })
  @ApiNotFoundResponse({ description: 'No such member in your subtree' })
  @ApiUnprocessableEntityResponse({ description: 'The member has left' })
  edit(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateMemberRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<MemberView> {
    return this.editMember.execute(id, body, principal, requestId);
  }

  /** A member is edited with PATCH and leaves through POST …/leave; it is never replaced or deleted. */
  @Put(':id')
  @Authorize()
  @ApiExcludeEndpoint()
  replace(): never {
    throw methodNotAllowed();
  }

  @Delete(':id')
  @Authorize()
  @ApiExcludeEndpoint()
  remove(): never {
    throw methodNotAllowed();
  }

  @Get(':id/history')
  @Authorize()
  @ApiOperation({ summary: 'Everything that happened to the membership (会员变动记录)', description: 'Oldest first; cursor-paginated.' })
  @ApiOkResponse({ type: HistoryPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor (problem+json)' })
  @ApiNotFoundResponse({ description: 'No such member in your subtree' })
  history(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<HistoryEntryView>> {
    return this.members.historyInScope(id, principal, query);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @Authorize('membership-officer')
  @ApiOperation({ summary: 'Transfer to another union (会员关系转接)', description: 'Publishes cn.gonghui.membership.member.transferred.v1' })
  @ApiOkResponse({ type: MemberView })
  @ApiNotFoundResponse({ description: 'No such member in your subtree' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown, deactivated or unsuitable target unit; member not active' })
  transfer(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: TransferMemberRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<MemberView> {
    return this.lifecycle.transfer(id, body, principal, requestId);
  }

  @Post(':id/dual-registrations')
  @Authorize('membership-officer')
  @ApiOperation({ summary: 'Register with the community union where the member lives (双报到)', description: 'Publishes cn.gonghui.membership.member.dual-registered.v1' })
  @ApiCreatedResponse({ type: MemberView })
  @ApiConflictResponse({ description: 'Already registered with that community' })
  @ApiUnprocessableEntityResponse({ description: 'Not a community union, or member not active' })
  dualRegister(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DualRegistrationRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<MemberView> {
    return this.lifecycle.registerWithCommunity(id, body, principal, requestId);
  }

  @Post(':id/leave')
  @HttpCode(200)
  @Authorize('membership-officer')
  @ApiOperation({ summary: 'Leave the union (退会)', description: 'Publishes cn.gonghui.membership.member.left.v1: the member is no longer eligible for aid or training bookings.' })
  @ApiOkResponse({ type: MemberView })
  @ApiConflictResponse({ description: 'Already left' })
  leave(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: LeaveRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<MemberView> {
    return this.lifecycle.leave(id, body, principal, requestId);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Authorize('membership-officer')
  @ApiOperation({ summary: 'Reinstate a former member (恢复会籍)', description: 'Publishes cn.gonghui.membership.member.reinstated.v1' })
  @ApiOkResponse({ type: MemberView })
  @ApiConflictResponse({ description: 'Already active, or the person is active under another membership' })
  reinstate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<MemberView> {
    return this.lifecycle.reinstate(id, principal, requestId);
  }

  @Post(':id/reveal-identity')
  @HttpCode(200)
  @Authorize('personal-data-viewer')
  @ApiOperation({ summary: 'Show the full resident ID and mobile (查看完整身份信息)', description: 'Needs the personal-data-viewer role and a reason; every reveal is logged.' })
  @ApiOkResponse({ type: RevealedIdentityView })
  @ApiNotFoundResponse({ description: 'No such member in your subtree' })
  reveal(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RevealRequest, @CurrentPrincipal() principal: Principal): Promise<RevealedIdentityView> {
    return this.revealIdentity.execute(id, body.reason, principal);
  }

  @Get(':id/personal-data-access-log')
  @Authorize('personal-data-viewer')
  @ApiOperation({ summary: 'Who saw the member’s full identifiers, when and why (查看记录)', description: 'Oldest first; cursor-paginated.' })
  @ApiOkResponse({ type: AccessLogPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor (problem+json)' })
  @ApiNotFoundResponse({ description: 'No such member in your subtree' })
  accessLog(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<AccessLogEntryView>> {
    return this.revealIdentity.accessLog(id, principal, query);
  }
}
