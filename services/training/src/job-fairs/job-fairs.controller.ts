import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import {
  AddEmployerRequest,
  AddVacancyRequest,
  CreateJobFairRequest,
  EmployerView,
  JobFairListQuery,
  JobFairPage,
  JobFairView,
  MakeOfferRequest,
  MatchList,
  MatchQuery,
  OfferPage,
  OfferView,
  ReferralPage,
  ReferralView,
  VacancyPage,
  VacancyView,
} from './job-fair.dto';
import { JobFairsRepository, toReferralView } from './job-fairs.repository';
import { JobOffers } from './job-offers';
import { ManageJobFairs } from './manage-job-fairs';

@ApiTags('training: job fairs and matching (送岗位)')
@Controller('api/v1/training/job-fairs')
export class JobFairsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fairs: JobFairsRepository,
    private readonly manage: ManageJobFairs,
  ) {}

  @Post()
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Hold a job fair (招聘会)', description: 'In your own unit' })
  @ApiCreatedResponse({ type: JobFairView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  create(@Body() body: CreateJobFairRequest, @CurrentPrincipal() principal: Principal): Promise<JobFairView> {
    return this.manage.create(body, principal);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'Job fairs of your subtree, with employer and opening counts' })
  @ApiOkResponse({ type: JobFairPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  list(@Query() query: JobFairListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<JobFairView>> {
    return this.fairs.listFairs(principal, query);
  }

  @Get(':id')
  @Authorize()
  @ApiOperation({ summary: 'One job fair' })
  @ApiOkResponse({ type: JobFairView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such fair in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<JobFairView> {
    const manager = this.dataSource.manager;
    return this.fairs.fairView(manager, await this.fairs.requireFair(manager, id, principal));
  }

  @Post(':id/employers')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Register an employer at the fair (用人单位)' })
  @ApiCreatedResponse({ type: EmployerView })
  @ApiBadRequestResponse({ description: 'Invalid fields (e.g. credit code)' })
  @ApiNotFoundResponse({ description: 'No such fair in your subtree' })
  @ApiConflictResponse({ description: 'The employer is already at this fair' })
  addEmployer(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AddEmployerRequest, @CurrentPrincipal() principal: Principal): Promise<EmployerView> {
    return this.manage.addEmployer(id, body, principal);
  }

  @Post(':id/vacancies')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Post a vacancy of an employer at the fair (岗位)' })
  @ApiCreatedResponse({ type: VacancyView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such fair in your subtree' })
  @ApiUnprocessableEntityResponse({ description: 'The employer is not at this fair' })
  addVacancy(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AddVacancyRequest, @CurrentPrincipal() principal: Principal): Promise<VacancyView> {
    return this.manage.addVacancy(id, body, principal);
  }

  @Get(':id/vacancies')
  @Authorize()
  @ApiOperation({ summary: 'Vacancies at the fair' })
  @ApiOkResponse({ type: VacancyPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  @ApiNotFoundResponse({ description: 'No such fair in your subtree' })
  vacancies(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: JobFairListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<VacancyView>> {
    return this.fairs.listVacancies(id, principal, query);
  }
}

@ApiTags('training: job fairs and matching (送岗位)')
@Controller('api/v1/training/job-referrals')
export class JobReferralsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fairs: JobFairsRepository,
    private readonly offers: JobOffers,
  ) {}

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'Members aid referred for work, of your subtree (就业援助转介)', description: 'Learnt from cn.gonghui.aid.employment-referral.recorded.v1' })
  @ApiOkResponse({ type: ReferralPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  list(@Query() query: JobFairListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ReferralView>> {
    return this.fairs.listReferrals(principal, query);
  }

  @Get(':id')
  @Authorize()
  @ApiOperation({ summary: 'One referral' })
  @ApiOkResponse({ type: ReferralView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such referral in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<ReferralView> {
    return toReferralView(await this.fairs.requireReferral(this.dataSource.manager, id, principal));
  }

  @Get(':id/matches')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Vacancies of a fair that fit the referred member (人岗匹配)', description: 'By skill (60), district (25) and employment form (15); best first' })
  @ApiOkResponse({ type: MatchList })
  @ApiBadRequestResponse({ description: 'fairId missing or not a UUID; invalid limit' })
  @ApiNotFoundResponse({ description: 'No such referral or fair in your subtree' })
  matches(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: MatchQuery, @CurrentPrincipal() principal: Principal): Promise<MatchList> {
    return this.offers.matches(id, query.fairId, query.limit ?? 20, principal);
  }
}

@ApiTags('training: job fairs and matching (送岗位)')
@Controller('api/v1/training/job-offers')
export class JobOffersController {
  constructor(
    private readonly fairs: JobFairsRepository,
    private readonly offers: JobOffers,
  ) {}

  @Post()
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Record an employer’s offer to a member (录用意向)' })
  @ApiCreatedResponse({ type: OfferView })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a referral of another member' })
  @ApiNotFoundResponse({ description: 'No such vacancy or referral in your subtree' })
  @ApiConflictResponse({ description: 'The member already has an offer for this vacancy' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or inactive member, or one outside your subtree' })
  offer(@Body() body: MakeOfferRequest, @CurrentPrincipal() principal: Principal): Promise<OfferView> {
    return this.offers.offer(body, principal);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'Offers to members of your subtree, with their outcomes' })
  @ApiOkResponse({ type: OfferPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  list(@Query() query: JobFairListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<OfferView>> {
    return this.fairs.listOffers(principal, query);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Authorize('training-officer')
  @ApiOperation({ summary: 'The member accepted the offer (接受录用)', description: 'Takes one opening; publishes cn.gonghui.training.job-offer.accepted.v1 for aid' })
  @ApiOkResponse({ type: OfferView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such offer in your subtree' })
  @ApiConflictResponse({ description: 'Already answered (names its state), or the vacancy is filled' })
  accept(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<OfferView> {
    return this.offers.decide(id, 'accept', principal, requestId);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Authorize('training-officer')
  @ApiOperation({ summary: 'The member declined the offer (拒绝录用)' })
  @ApiOkResponse({ type: OfferView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such offer in your subtree' })
  @ApiConflictResponse({ description: 'Already answered (names its state)' })
  decline(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<OfferView> {
    return this.offers.decide(id, 'decline', principal);
  }
}
