import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import { EmploymentReferralPage, EmploymentReferralView, ListEmploymentReferralsQuery, RecordEmploymentReferralRequest, toEmploymentReferralView } from './employment-referral.dto';
import { EmploymentReferralsRepository } from './employment-referrals.repository';
import { RecordEmploymentReferral } from './record-employment-referral';

@ApiTags('aid: employment referrals (就业援助转介)')
@Controller('api/v1/aid')
export class EmploymentReferralsController {
  constructor(
    private readonly recordReferral: RecordEmploymentReferral,
    private readonly referrals: EmploymentReferralsRepository,
  ) {}

  @Post('hardship-files/:id/employment-referrals')
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Refer a hardship file’s member for a job (能就业且愿就业)',
    description: 'Publishes cn.gonghui.aid.employment-referral.recorded.v1 for training’s job matching: skills and wishes only, no hardship detail.',
  })
  @ApiCreatedResponse({ type: EmploymentReferralView })
  @ApiBadRequestResponse({ description: 'Not able and willing, no skills, or bad fields' })
  @ApiNotFoundResponse({ description: 'No such file in your subtree' })
  @ApiConflictResponse({ description: 'The file is closed (the answer names its status), or already has a referral awaiting a job' })
  refer(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordEmploymentReferralRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId?: string,
  ): Promise<EmploymentReferralView> {
    return this.recordReferral.execute(id, body, principal, requestId);
  }

  @Get('employment-referrals')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Employment referrals in your subtree, oldest first', description: 'With the job taken, once training reports an accepted offer.' })
  @ApiOkResponse({ type: EmploymentReferralPage })
  @ApiBadRequestResponse({ description: 'A filter or cursor that is not valid' })
  list(@Query() query: ListEmploymentReferralsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<EmploymentReferralView>> {
    return this.referrals.page(principal, query, toEmploymentReferralView);
  }
}
