import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import { AssignPanelRequest, ListMediatorsQuery, MediatorPage, MediatorView, PanelView, RegisterMediatorRequest } from './mediator.dto';
import { MediatorsRepository } from './mediators.repository';
import { RegisterMediator } from './register-mediator';
import { AssignPanel } from './assign-panel';
import { CasesRepository } from '../cases/cases.repository';

@ApiTags('mediation: mediators and panels (调解员与调解组)')
@Controller('api/v1/mediation')
export class MediatorsController {
  constructor(
    private readonly registerMediator: RegisterMediator,
    private readonly assignPanel: AssignPanel,
    private readonly mediators: MediatorsRepository,
    private readonly cases: CasesRepository,
  ) {}

  @Post('mediators')
  @Authorize('mediator')
  @ApiOperation({ summary: 'Put a mediator on your centre’s roster (调解员名册)' })
  @ApiCreatedResponse({ type: MediatorView })
  @ApiBadRequestResponse({ description: 'Invalid fields, e.g. vetted without a date' })
  register(@Body() body: RegisterMediatorRequest, @CurrentPrincipal() principal: Principal): Promise<MediatorView> {
    return this.registerMediator.execute(body, principal);
  }

  @Get('mediators')
  @Authorize('mediator')
  @ApiOperation({ summary: 'The roster of your subtree, with each mediator’s workload and results' })
  @ApiOkResponse({ type: MediatorPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  list(@Query() query: ListMediatorsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<MediatorView>> {
    return this.mediators.list(principal, query);
  }

  @Get('mediators/:id')
  @Authorize('mediator')
  @ApiOperation({ summary: 'One mediator, with workload and results' })
  @ApiOkResponse({ type: MediatorView })
  @ApiNotFoundResponse({ description: 'No such mediator in your subtree' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<MediatorView> {
    return this.mediators.findInScope(id, principal);
  }

  @Post('cases/:id/panel')
  @HttpCode(200)
  @Authorize('mediator')
  @ApiOperation({
    summary: 'Form the case’s panel (组成调解组): one lead, up to four co-mediators from different parties',
    description: 'Replaces an earlier panel of the open case. Publishes cn.gonghui.mediation.case.panel-assigned.v1',
  })
  @ApiOkResponse({ type: PanelView })
  @ApiBadRequestResponse({ description: 'No lead, more than four co-mediators, one listed twice, or two from the same party' })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  @ApiUnprocessableEntityResponse({ description: 'A mediator not on a roster of your subtree (named)' })
  @ApiConflictResponse({ description: 'The case is not open, or a mediator is unvetted, unavailable or conflicted (each named)' })
  assign(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AssignPanelRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<PanelView> {
    return this.assignPanel.execute(id, body, principal, requestId);
  }

  @Get('cases/:id/panel')
  @Authorize('mediator')
  @ApiOperation({ summary: 'The case’s panel' })
  @ApiOkResponse({ type: PanelView })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  async panel(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<PanelView> {
    await this.cases.findInScope(id, principal);
    return this.mediators.panelOf(this.cases.dataSource, id);
  }
}
