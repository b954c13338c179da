import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import { CreateOrgUnitRequest, ListOrgUnitsQuery, MoveOrgUnitRequest, OrgUnitPage, OrgUnitView, UpdateOrgUnitRequest } from './org-unit.dto';
import { ChangeOrgUnit } from './change-org-unit';
import { OrgUnitsRepository, toOrgUnitView } from './org-units.repository';
import { CreateOrgUnit } from './create-org-unit';
import { UnitStatistics, UnitStatisticsQuery } from './unit-statistics';

@ApiTags('membership: organisation units (工会组织)')
@Controller('api/v1/membership/org-units')
export class OrgUnitsController {
  constructor(
    private readonly createOrgUnit: CreateOrgUnit,
    private readonly units: OrgUnitsRepository,
    private readonly statistics: UnitStatisticsQuery,
    private readonly changeOrgUnit: ChangeOrgUnit,
  ) {}

  @Patch(':id')
  @Authorize('membership-officer')
  @ApiOperation({ summary: 'Rename or readdress a unit (组织更名)', description: 'Publishes cn.gonghui.membership.org-unit.renamed.v1 when the name changes' })
  @ApiOkResponse({ type: OrgUnitView })
  @ApiNotFoundResponse({ description: 'No such unit in your subtree' })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateOrgUnitRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<OrgUnitView> {
    return this.changeOrgUnit.update(id, body, principal, requestId);
  }

  @Post(':id/move')
  @HttpCode(200)
  @Authorize('membership-officer')
  @ApiOperation({
    summary: 'Move a unit with its whole subtree under another parent (组织划转)',
    description: 'Members, sub-units and every record scoped to them follow. Publishes cn.gonghui.membership.org-unit.moved.v1',
  })
  @ApiOkResponse({ type: OrgUnitView })
  @ApiNotFoundResponse({ description: 'No such unit in your subtree' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or deactivated target, a target inside the unit, the root, or a place the unit kind cannot sit' })
  move(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: MoveOrgUnitRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<OrgUnitView> {
    return this.changeOrgUnit.move(id, body, principal, requestId);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @Authorize('membership-officer')
  @ApiOperation({ summary: 'Deactivate a unit (撤销组织)', description: 'Refused while active members or active sub-units remain. Publishes cn.gonghui.membership.org-unit.deactivated.v1' })
  @ApiOkResponse({ type: OrgUnitView })
  @ApiConflictResponse({ description: 'Active members or sub-units remain, or already deactivated' })
  deactivate(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<OrgUnitView> {
    return this.changeOrgUnit.deactivate(id, principal, requestId);
  }

  @Post()
  @Authorize('membership-officer')
  @ApiOperation({ summary: 'Create an organisation unit (新建工会组织)' })
  @ApiCreatedResponse({ type: OrgUnitView })
  @ApiBadRequestResponse({ description: 'Invalid fields (problem+json with errors[])' })
  @ApiConflictResponse({ description: 'The code is already used' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or deactivated parent, or a unit kind that cannot sit there' })
  create(@Body() body: CreateOrgUnitRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<OrgUnitView> {
    return this.createOrgUnit.execute(body, principal, requestId);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'List the units in your subtree (组织列表)' })
  @ApiOkResponse({ type: OrgUnitPage })
  async list(@Query() query: ListOrgUnitsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<OrgUnitView>> {
    return this.units.list(principal, query.parentId, query);
  }

  @Get(':id/statistics')
  @Authorize()
  @ApiOperation({ summary: 'Member figures of the unit and of each sub-unit, rolled up the tree (会员统计)' })
  @ApiOkResponse({ type: UnitStatistics })
  @ApiNotFoundResponse({ description: 'No such unit in your subtree' })
  async unitStatistics(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<UnitStatistics> {
    return this.statistics.forUnit(await this.get(id, principal));
  }

  @Get(':id')
  @Authorize()
  @ApiOperation({ summary: 'One organisation unit' })
  @ApiOkResponse({ type: OrgUnitView })
  @ApiNotFoundResponse({ description: 'No such unit in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<OrgUnitView> {
    return toOrgUnitView(await this.units.findInScope(id, principal));
  }
}
