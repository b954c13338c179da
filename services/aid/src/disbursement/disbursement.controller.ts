import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, PageQuery, RequestId } from '@gonghui/service-kit';
import { Disbursement } from './disbursement';
import {
  CreatePaymentBatchRequest,
  ImportResultsRequest,
  ImportResultsView,
  PaymentBatchPage,
  PaymentBatchView,
  PaymentInstructionPage,
  PaymentInstructionView,
  ReissueRequest,
  toBatchView,
  toInstructionView,
} from './payment.dto';
import { PaymentsRepository } from './payments.repository';

@ApiTags('aid: disbursement (发放)')
@Controller('api/v1/aid')
export class DisbursementController {
  constructor(
    private readonly disbursement: Disbursement,
    private readonly payments: PaymentsRepository,
  ) {}

  @Post('payment-batches')
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Gather the budget’s approved, unpaid applications into a payment batch (发放批次)',
    description: 'Also the payable hazard-report rewards reserved on it, and the approved medical mutual-aid claims of plans paid from it (instructions with medicalClaimId).',
  })
  @ApiCreatedResponse({ type: PaymentBatchView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such budget in your subtree' })
  @ApiConflictResponse({ description: 'Another batch is being gathered for the budget' })
  @ApiUnprocessableEntityResponse({ description: 'Nothing waits for payment on the budget' })
  create(@Body() body: CreatePaymentBatchRequest, @CurrentPrincipal() principal: Principal): Promise<PaymentBatchView> {
    return this.disbursement.createBatch(body.budgetId, principal);
  }

  @Get('payment-batches')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Payment batches of your subtree, oldest first' })
  @ApiOkResponse({ type: PaymentBatchPage })
  @ApiBadRequestResponse({ description: 'Invalid cursor' })
  async list(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<PaymentBatchView>> {
    const page = await this.payments.batchPage(principal, query, (b) => b);
    return { items: await Promise.all(page.items.map(async (b) => toBatchView(b, await this.payments.stats(b.id)))), nextCursor: page.nextCursor };
  }

  @Get('payment-batches/:id')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'One payment batch: instructions by status, total and paid amounts' })
  @ApiOkResponse({ type: PaymentBatchView })
  @ApiNotFoundResponse({ description: 'No such batch in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<PaymentBatchView> {
    const batch = await this.payments.batchInScope(id, principal);
    return toBatchView(batch, await this.payments.stats(id));
  }

  @Get('payment-batches/:id/instructions')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'The batch’s payment instructions (no bank details), oldest first' })
  @ApiOkResponse({ type: PaymentInstructionPage })
  @ApiBadRequestResponse({ description: 'Invalid cursor' })
  @ApiNotFoundResponse({ description: 'No such batch in your subtree' })
  async instructions(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<PaymentInstructionView>> {
    await this.payments.batchInScope(id, principal);
    return this.payments.instructionPage(id, query, toInstructionView);
  }

  @Get('payment-batches/:id/export.csv')
  @Authorize('aid-officer')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'The bank’s payment file of the pending instructions, CSV (UTF-8 with BOM)',
    description: 'Columns reference, accountName, accountNumber, bankName, amountYuan, memo. Holds full account numbers: every export is logged.',
  })
  @ApiOkResponse({ description: 'The CSV file', schema: { type: 'string', example: 'reference,accountName,accountNumber,bankName,amountYuan,memo\r\n6e1f7a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b,李秀英,6222021234567890123,中国工商银行重庆渝北支行,26500.00,帮扶金-医疗救助\r\n' } })
  @ApiNotFoundResponse({ description: 'No such batch in your subtree' })
  @ApiUnprocessableEntityResponse({ description: 'Nothing pending, or members without a bank account (named)' })
  exportCsv(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return this.disbursement.exportFile(id, 'csv', principal);
  }

  @Get('payment-batches/:id/export.xlsx')
  @Authorize('aid-officer')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'The bank’s payment file of the pending instructions, XLSX (sheet 发放明细)', description: 'Same columns as the CSV. Every export is logged.' })
  @ApiOkResponse({ description: 'The XLSX workbook', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'No such batch in your subtree' })
  @ApiUnprocessableEntityResponse({ description: 'Nothing pending, or members without a bank account (named)' })
  exportXlsx(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return this.disbursement.exportFile(id, 'xlsx', principal);
  }

  @Post('payment-batches/:id/results')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Import the bank’s result file: each line paid (reservation spent, application disbursed) or failed',
    description: 'All lines or none: unknown references, duplicated or already settled lines, or a bad header are a 400 with one error per line. Publishes cn.gonghui.aid.application.disbursed.v1 per payment.',
  })
  @ApiOkResponse({ type: ImportResultsView })
  @ApiBadRequestResponse({ description: 'The file has errors (per line); nothing was applied' })
  @ApiNotFoundResponse({ description: 'No such batch in your subtree' })
  @ApiConflictResponse({ description: 'An instruction was settled meanwhile' })
  importResults(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ImportResultsRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<ImportResultsView> {
    return this.disbursement.importResults(id, body.content, principal, requestId);
  }

  @Post('payment-instructions/:id/reissue')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Re-issue a failed payment once corrected (e.g. the bank account): a new pending instruction in the same batch' })
  @ApiOkResponse({ type: PaymentInstructionView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such instruction in your subtree' })
  @ApiConflictResponse({ description: 'The instruction is not failed (its status named), was re-issued already, or what it pays is no longer awaiting payment (e.g. a medical claim paid by hand since)' })
  reissue(@Param('id', new ParseUUIDPipe()) id: string, @Body() _body: ReissueRequest, @CurrentPrincipal() principal: Principal): Promise<PaymentInstructionView> {
    return this.disbursement.reissue(id, principal);
  }
}
