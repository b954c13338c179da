import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, PageQuery, RequestId } from '@gonghui/service-kit';
import { AllocateBudgetRequest, BudgetPage, BudgetView, CreateBudgetRequest, LedgerEntryView, LedgerPage, ListBudgetsQuery, toBudgetView, toLedgerEntryView } from './budget.dto';
import { BudgetsRepository } from './budgets.repository';
import { FundBudgets } from './fund-budgets';

@ApiTags('aid: budgets (资金)')
@Controller('api/v1/aid/budgets')
export class BudgetsController {
  constructor(
    private readonly fund: FundBudgets,
    private readonly budgets: BudgetsRepository,
  ) {}

  @Post()
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Set up a fund for a unit (资金设立)', description: 'Records an allocation entry on the new budget. Publishes cn.gonghui.aid.budget.allocated.v1.' })
  @ApiCreatedResponse({ type: BudgetView })
  @ApiBadRequestResponse({ description: 'Invalid fields (a zero, negative or fractional amount), or a unit outside your subtree' })
  create(@Body() body: CreateBudgetRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<BudgetView> {
    return this.fund.create(body, principal, requestId);
  }

  @Get()
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Budgets of your subtree, oldest first' })
  @ApiOkResponse({ type: BudgetPage })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor' })
  list(@Query() query: ListBudgetsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<BudgetView>> {
    return this.budgets.page(principal, query, (b) => toBudgetView(b));
  }

  @Get(':id')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'One budget: allocated, passed down, reserved, spent and available, derived from its ledger' })
  @ApiOkResponse({ type: BudgetView })
  @ApiNotFoundResponse({ description: 'No such budget in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<BudgetView> {
    const budget = await this.budgets.findInScope(id, principal);
    return toBudgetView(budget, await this.budgets.totals(id));
  }

  @Post(':id/allocate')
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Allocate part of the budget to a unit below (资金下达)',
    description: 'Creates the child budget; a sub-allocation entry on this one and an allocation entry on the child. Publishes cn.gonghui.aid.budget.allocated.v1.',
  })
  @ApiCreatedResponse({ type: BudgetView })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a unit that is not below the budget’s unit' })
  @ApiNotFoundResponse({ description: 'No such budget in your subtree' })
  @ApiUnprocessableEntityResponse({ description: 'More than the budget’s available amount' })
  allocate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AllocateBudgetRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<BudgetView> {
    return this.fund.allocate(id, body, principal, requestId);
  }

  @Get(':id/ledger')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'The budget’s ledger entries (资金台账), oldest first' })
  @ApiOkResponse({ type: LedgerPage })
  @ApiBadRequestResponse({ description: 'Invalid cursor' })
  @ApiNotFoundResponse({ description: 'No such budget in your subtree' })
  async ledger(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<LedgerEntryView>> {
    await this.budgets.findInScope(id, principal);
    return this.budgets.ledgerPage(id, query, toLedgerEntryView);
  }
}
