import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, PageQuery } from '@gonghui/service-kit';
import { ApplicationsRepository } from '../applications/applications.repository';
import { AgencyCheckList, AgencyCheckPage, AgencyCheckView, ConsentPage, ConsentView, RecordConsentRequest, RunChecksRequest } from './agency-check.dto';
import { AgencyChecks } from './agency-checks';

@ApiTags('aid: agency checks (跨部门数据核验)')
@Controller('api/v1/aid')
export class AgencyChecksController {
  constructor(
    private readonly agencyChecks: AgencyChecks,
    private readonly applications: ApplicationsRepository,
  ) {}

  @Post('hardship-files/:id/consents')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Record a signed consent to agency checks (核对授权委托书)', description: 'The signer’s name and resident ID are sealed; the answer shows the ID masked.' })
  @ApiCreatedResponse({ type: ConsentView })
  @ApiBadRequestResponse({ description: 'Invalid fields: a wrong resident ID, a date in the future, an expiry before signing, already past, or more than 366 days on' })
  @ApiNotFoundResponse({ description: 'No such file in your subtree' })
  @ApiConflictResponse({ description: 'The file is not open' })
  recordConsent(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordConsentRequest, @CurrentPrincipal() principal: Principal): Promise<ConsentView> {
    return this.agencyChecks.recordConsent(id, body, principal);
  }

  @Get('hardship-files/:id/consents')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'The consents on a file, oldest first, with their state today' })
  @ApiOkResponse({ type: ConsentPage })
  @ApiNotFoundResponse({ description: 'No such file in your subtree' })
  consents(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ConsentView>> {
    return this.agencyChecks.consentsOfFile(id, query, principal);
  }

  @Post('agency-consents/:id/revoke')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Revoke a consent: no further check runs under it' })
  @ApiOkResponse({ type: ConsentView })
  @ApiNotFoundResponse({ description: 'No such consent in your subtree' })
  @ApiConflictResponse({ description: 'Already revoked' })
  revoke(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<ConsentView> {
    return this.agencyChecks.revokeConsent(id, principal);
  }

  @Post('hardship-files/:id/agency-checks')
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Ask the agencies to confirm (核验) under a consent',
    description:
      'One check per kind, each sent to its agency (AID_AGENCY_<NAME>_URL) with the signer’s identity from the sealed consent. An agency that is down, slow or not configured gives a failed check with its reason (retry it), not an error.',
  })
  @ApiCreatedResponse({ type: AgencyCheckList })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such file in your subtree, or no such consent on it' })
  @ApiConflictResponse({ description: 'The file is not open' })
  @ApiUnprocessableEntityResponse({ description: 'The consent has expired, was revoked, is not yet in force, or does not cover a check asked for' })
  async run(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RunChecksRequest, @CurrentPrincipal() principal: Principal): Promise<AgencyCheckList> {
    return { items: await this.agencyChecks.run(id, body, principal) };
  }

  @Get('hardship-files/:id/agency-checks')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'The agency checks of a file with their answers, source and time, oldest first' })
  @ApiOkResponse({ type: AgencyCheckPage })
  @ApiNotFoundResponse({ description: 'No such file in your subtree' })
  checksOfFile(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<AgencyCheckView>> {
    return this.agencyChecks.checksOfFile(id, query, principal);
  }

  @Get('applications/:id/agency-checks')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'The agency checks on the applicant’s hardship files: the evidence for the application’s review' })
  @ApiOkResponse({ type: AgencyCheckPage })
  @ApiNotFoundResponse({ description: 'No such application in your subtree' })
  async checksOfApplication(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<AgencyCheckView>> {
    const application = await this.applications.findInScope(id, principal);
    return this.agencyChecks.checksOfMember(application.memberId, query);
  }

  @Get('agency-checks/:id')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'One agency check' })
  @ApiOkResponse({ type: AgencyCheckView })
  @ApiNotFoundResponse({ description: 'No such check in your subtree' })
  check(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<AgencyCheckView> {
    return this.agencyChecks.check(id, principal);
  }

  @Post('agency-checks/:id/retry')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Ask the agency again for a failed check (or one stuck pending past the timeout)' })
  @ApiOkResponse({ type: AgencyCheckView })
  @ApiNotFoundResponse({ description: 'No such check in your subtree' })
  @ApiConflictResponse({ description: 'The check already has its answer, or is under way' })
  @ApiUnprocessableEntityResponse({ description: 'Its consent has expired or was revoked since' })
  retry(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<AgencyCheckView> {
    return this.agencyChecks.retry(id, principal);
  }
}
