import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page } from '@gonghui/service-kit';
import { BankAccountAccessEntryView, BankAccountAccessLogPage, BankAccountAccessLogQuery, BankAccountView, PutBankAccountRequest, ViewBankAccountQuery } from './bank-account.dto';
import { BankAccountUseCases } from './bank-account-use-cases';

@ApiTags('aid: bank accounts (发放账户)')
@Controller('api/v1/aid/members/:memberId/bank-account')
export class BankAccountsController {
  constructor(private readonly useCases: BankAccountUseCases) {}

  @Put()
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Record or replace a member’s bank account for aid payments (登记发放账户)',
    description: 'The holder’s name and the number are stored encrypted; the answer shows the number masked. No event carries a bank detail.',
  })
  @ApiOkResponse({ type: BankAccountView })
  @ApiBadRequestResponse({ description: 'Invalid fields, e.g. an account number that is not 8 to 30 digits' })
  @ApiNotFoundResponse({ description: 'No such member in your subtree' })
  put(@Param('memberId', new ParseUUIDPipe()) memberId: string, @Body() body: PutBankAccountRequest, @CurrentPrincipal() principal: Principal): Promise<BankAccountView> {
    return this.useCases.put(memberId, body, principal);
  }

  @Get()
  @Authorize('aid-officer', 'hardship-case-worker')
  @ApiOperation({
    summary: 'A member’s bank account, masked (发放账户)',
    description:
      'Masked (`6222 **** **** 1234`, `detailsWithheld: true`) for everyone; a hardship-case-worker who gives `reason` sees the holder’s name and the full number, and the view is logged (who, when, whose, why).',
  })
  @ApiOkResponse({ type: BankAccountView })
  @ApiBadRequestResponse({ description: 'A hardship-case-worker gave no reason' })
  @ApiNotFoundResponse({ description: 'No such member in your subtree, or no account recorded' })
  get(@Param('memberId', new ParseUUIDPipe()) memberId: string, @Query() query: ViewBankAccountQuery, @CurrentPrincipal() principal: Principal): Promise<BankAccountView> {
    return this.useCases.view(memberId, principal, query.reason);
  }

  @Get('access-log')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Who viewed the member’s full bank account, when and why (查看日志)', description: 'Newest first. For the aid desk’s officers and the federation administrator.' })
  @ApiOkResponse({ type: BankAccountAccessLogPage })
  @ApiBadRequestResponse({ description: 'A cursor that is not valid' })
  @ApiNotFoundResponse({ description: 'No such member in your subtree' })
  accessLog(@Param('memberId', new ParseUUIDPipe()) memberId: string, @Query() query: BankAccountAccessLogQuery, @CurrentPrincipal() principal: Principal): Promise<Page<BankAccountAccessEntryView>> {
    return this.useCases.accessLog(memberId, principal, query);
  }
}
