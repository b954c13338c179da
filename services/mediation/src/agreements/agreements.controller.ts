import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal } from '@gonghui/service-kit';
import { CaseView } from '../cases/case.dto';
import { ConfirmationOutcomeRequest, RequestConfirmationRequest, SignAgreementRequest } from './agreement.dto';
import { AgreementActions } from './agreement-actions';

@ApiTags('mediation: agreements (调解协议)')
@Controller('api/v1/mediation/cases/:id')
export class AgreementsController {
  constructor(private readonly agreements: AgreementActions) {}

  @Post('agreement/signatures')
  @HttpCode(200)
  @Authorize('mediator')
  @ApiOperation({ summary: 'Record a party’s signature of the agreement (签字)' })
  @ApiOkResponse({ type: CaseView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  @ApiConflictResponse({ description: 'No agreement, the case is not in performance, or the signer already signed' })
  sign(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SignAgreementRequest, @CurrentPrincipal() principal: Principal): Promise<CaseView> {
    return this.agreements.sign(id, body, principal);
  }

  @Post('agreement/judicial-confirmation')
  @HttpCode(200)
  @Authorize('mediator')
  @ApiOperation({ summary: 'Record a request for judicial confirmation (申请司法确认)' })
  @ApiOkResponse({ type: CaseView })
  @ApiBadRequestResponse({ description: 'Invalid fields, e.g. a date before the agreement' })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  @ApiConflictResponse({ description: 'No agreement, or already requested' })
  requestConfirmation(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RequestConfirmationRequest, @CurrentPrincipal() principal: Principal): Promise<CaseView> {
    return this.agreements.requestConfirmation(id, body, principal);
  }

  @Post('agreement/judicial-confirmation/outcome')
  @HttpCode(200)
  @Authorize('mediator')
  @ApiOperation({ summary: 'Record the court’s ruling on judicial confirmation (裁定)' })
  @ApiOkResponse({ type: CaseView })
  @ApiBadRequestResponse({ description: 'Invalid fields, e.g. a date before the request' })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  @ApiConflictResponse({ description: 'Not requested, or already decided' })
  recordOutcome(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ConfirmationOutcomeRequest, @CurrentPrincipal() principal: Principal): Promise<CaseView> {
    return this.agreements.recordOutcome(id, body, principal);
  }

  @Get('agreement.pdf')
  @Authorize('mediator')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The printable agreement in Chinese (人民调解协议书), PDF' })
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'No such case in your subtree' })
  @ApiConflictResponse({ description: 'The case has no agreement' })
  pdf(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return this.agreements.pdf(id, principal);
  }
}
