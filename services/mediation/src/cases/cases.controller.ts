import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import { CasePage, CaseView, ListCasesQuery, OpenCaseRequest, SettleCaseRequest } from './case.dto';
import { CasesRepository, toCaseView } from './cases.repository';
import { OpenCase } from './open-case';
import { SettleCase } from './settle-case';

@ApiTags('mediation: dispute cases (劳动争议案件)')
@Controller('api/v1/mediation/cases')
export class CasesController {
  constructor(
    private readonly openCase: OpenCase,
    private readonly settleCase: SettleCase,
    private readonly cases: CasesRepository,
  ) {}

  @Post()
  @Authorize('mediator')
  @ApiOperation({ summary: 'Open a dispute case (立案)', description: 'Publishes cn.gonghui.mediation.case.opened.v1' })
  @ApiCreatedResponse({ type: CaseView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown member' })
  open(@Body() body: OpenCaseRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<CaseView> {
    return this.openCase.execute(body, principal, requestId);
  }

  @Post(':id/settle')
  @HttpCode(200)
  @Authorize('mediator')
  @ApiOperation({ summary: 'Close the case with a mediation agreement (调解结案)', description: 'Publishes cn.gonghui.mediation.case.settled.v1' })
  @ApiOkResponse({ type: CaseView })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  @ApiConflictResponse({ description: 'The case is already closed' })
  settle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SettleCaseRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<CaseView> {
    return this.settleCase.execute(id, body, principal, requestId);
  }

  @Get()
  @Authorize('mediator')
  @ApiOperation({ summary: 'Cases in your subtree' })
  @ApiOkResponse({ type: CasePage })
  list(@Query() query: ListCasesQuery, @CurrentPrincipal() principal: Principal): Promise<Page<CaseView>> {
    return this.cases.list(principal, query);
  }

  @Get(':id')
  @Authorize('mediator')
  @ApiOperation({ summary: 'One case, with its agreement once settled' })
  @ApiOkResponse({ type: CaseView })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<CaseView> {
    return toCaseView(await this.cases.findInScope(id, principal));
  }
}
