import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import { AssessmentView, CertificateListQuery, CertificatePage, CertificateVerification, CertificateView, IssueCertificateRequest, RecordAssessmentRequest, VerificationParams } from './certificate.dto';
import { Certificates } from './certificates.service';

@ApiTags('training: certificates and skill levels (证书与技能等级)')
@Controller('api/v1/training')
export class CertificatesController {
  constructor(private readonly certificates: Certificates) {}

  @Post('courses/:id/assessments')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Record a trainee’s assessment result (结业考核)', description: 'A second record replaces the first' })
  @ApiCreatedResponse({ type: AssessmentView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such course for you' })
  @ApiUnprocessableEntityResponse({ description: 'The course has no assessment, or an unknown or inactive member' })
  assess(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordAssessmentRequest, @CurrentPrincipal() principal: Principal): Promise<AssessmentView> {
    return this.certificates.recordAssessment(id, body, principal);
  }

  @Post('certificates')
  @Authorize('training-officer')
  @ApiOperation({
    summary: 'Issue a certificate of completion (颁发结业证书)',
    description: 'Needs the course’s minimum attendance and, where it has one, a passed assessment. A course that grants a skill level publishes cn.gonghui.training.skill-level.granted.v1',
  })
  @ApiCreatedResponse({ type: CertificateView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such course for you' })
  @ApiConflictResponse({ description: 'The trainee already holds this course’s certificate' })
  @ApiUnprocessableEntityResponse({ description: 'Not completed (attendance or assessment), or an unknown or inactive member' })
  issue(@Body() body: IssueCertificateRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<CertificateView> {
    return this.certificates.issue(body, principal, requestId);
  }

  @Get('certificates')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Certificates of members in your subtree (证书列表)', description: '?expiring=true: those expiring within 30 days (即将到期)' })
  @ApiOkResponse({ type: CertificatePage })
  @ApiBadRequestResponse({ description: 'Invalid filter or cursor' })
  list(@Query() query: CertificateListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<CertificateView>> {
    return this.certificates.list(principal, query);
  }

  @Get('certificates/verify/:code')
  @ApiOperation({ summary: 'Verify a certificate, no login needed (证书查验)', description: 'Public: the holder’s masked name, the course, the dates and whether it is valid today' })
  @ApiOkResponse({ type: CertificateVerification })
  @ApiNotFoundResponse({ description: 'No certificate with this code (no hint of whether anyone holds it)' })
  verify(@Param() params: VerificationParams): Promise<CertificateVerification> {
    return this.certificates.verify(params.code);
  }

  @Get('certificates/:id')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'One certificate' })
  @ApiOkResponse({ type: CertificateView })
  @ApiNotFoundResponse({ description: 'No such certificate for you' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<CertificateView> {
    return this.certificates.require(id, principal);
  }
}
