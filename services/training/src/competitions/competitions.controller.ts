import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, RequestId } from '@gonghui/service-kit';
import {
  AddEventRequest,
  AddJudgeRequest,
  AwardView,
  CompetitionEventView,
  CompetitionListQuery,
  CompetitionPage,
  CompetitionView,
  CreateCompetitionRequest,
  EnterMemberRequest,
  EntrantPage,
  EntrantView,
  GrantAwardRequest,
  JudgePage,
  JudgeView,
  RankingView,
  ScoreSheetListQuery,
  ScoreSheetPage,
  ScoreSheetView,
  SubmitScoreSheetRequest,
} from './competition.dto';
import { CompetitionsRepository } from './competitions.repository';
import { GrantAward } from './grant-award';
import { ManageCompetitions } from './manage-competitions';
import { ScoreEntrant } from './score-entrant';

@ApiTags('training: skill competitions (技能竞赛)')
@Controller('api/v1/training/competitions')
export class CompetitionsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly competitions: CompetitionsRepository,
    private readonly manage: ManageCompetitions,
  ) {}

  @Post()
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Open a skill competition (办赛)', description: 'In your own unit' })
  @ApiCreatedResponse({ type: CompetitionView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  create(@Body() body: CreateCompetitionRequest, @CurrentPrincipal() principal: Principal): Promise<CompetitionView> {
    return this.manage.create(body, principal);
  }

  @Get()
  @Authorize()
  @ApiOperation({ summary: 'Competitions of your subtree, with their events' })
  @ApiOkResponse({ type: CompetitionPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  list(@Query() query: CompetitionListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<CompetitionView>> {
    return this.competitions.list(principal, query);
  }

  @Get(':id')
  @Authorize()
  @ApiOperation({ summary: 'One competition with its events' })
  @ApiOkResponse({ type: CompetitionView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such competition in your subtree' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<CompetitionView> {
    const manager = this.dataSource.manager;
    return this.competitions.view(manager, await this.competitions.requireCompetition(manager, id, principal));
  }

  @Post(':id/events')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Add an event with weighted criteria and a declared tie-break (赛项)' })
  @ApiCreatedResponse({ type: CompetitionEventView })
  @ApiBadRequestResponse({ description: 'Invalid fields; weights that do not sum to 100; a criterion whose maximum is not above its minimum' })
  @ApiNotFoundResponse({ description: 'No such competition in your subtree' })
  @ApiConflictResponse({ description: 'The competition already has an event of that name' })
  addEvent(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AddEventRequest, @CurrentPrincipal() principal: Principal): Promise<CompetitionEventView> {
    return this.manage.addEvent(id, body, principal);
  }
}

@ApiTags('training: skill competitions (技能竞赛)')
@Controller('api/v1/training/competition-events')
export class CompetitionEventsController {
  constructor(
    private readonly competitions: CompetitionsRepository,
    private readonly manage: ManageCompetitions,
    private readonly scoring: ScoreEntrant,
    private readonly grantAward: GrantAward,
  ) {}

  @Post(':id/entrants')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Enter a member in the event (报名)' })
  @ApiCreatedResponse({ type: EntrantView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such event in your subtree' })
  @ApiConflictResponse({ description: 'The member has already entered' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown or inactive member, or one outside your subtree' })
  enter(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: EnterMemberRequest, @CurrentPrincipal() principal: Principal): Promise<EntrantView> {
    return this.manage.enter(id, body.memberId, principal);
  }

  @Get(':id/entrants')
  @Authorize()
  @ApiOperation({ summary: 'Entrants of the event who are members of your subtree' })
  @ApiOkResponse({ type: EntrantPage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  @ApiNotFoundResponse({ description: 'No such event in your subtree' })
  entrants(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: CompetitionListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<EntrantView>> {
    return this.competitions.listEntrants(id, principal, query);
  }

  @Post(':id/judges')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'Add a judge to the event (评委)' })
  @ApiCreatedResponse({ type: JudgeView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such event in your subtree' })
  addJudge(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AddJudgeRequest, @CurrentPrincipal() principal: Principal): Promise<JudgeView> {
    return this.manage.addJudge(id, body, principal);
  }

  @Get(':id/judges')
  @Authorize()
  @ApiOperation({ summary: 'The event’s judging panel (评委)', description: 'In the order the judges were added' })
  @ApiOkResponse({ type: JudgePage })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor' })
  @ApiNotFoundResponse({ description: 'No such event in your subtree' })
  judges(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: CompetitionListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<JudgeView>> {
    return this.competitions.listJudges(id, principal, query);
  }

  @Get(':id/score-sheets')
  @Authorize()
  @ApiOperation({ summary: 'Score sheets of the event (评分表)', description: 'Of one judge (judgeId) or one entrant (entrantId) if asked, each with its weighted total; only entrants who are members of your subtree' })
  @ApiOkResponse({ type: ScoreSheetPage })
  @ApiBadRequestResponse({ description: 'Invalid judgeId, entrantId, limit or cursor' })
  @ApiNotFoundResponse({ description: 'No such event in your subtree' })
  sheets(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: ScoreSheetListQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ScoreSheetView>> {
    return this.competitions.listSheets(id, principal, query);
  }

  @Post(':id/score-sheets')
  @Authorize('training-officer')
  @ApiOperation({ summary: 'A judge’s score sheet for an entrant (评分)', description: 'Every criterion once, within its range; one sheet per judge and entrant' })
  @ApiCreatedResponse({ type: ScoreSheetView })
  @ApiBadRequestResponse({ description: 'Invalid fields; a score outside its criterion’s range; a missing, unknown or repeated criterion' })
  @ApiNotFoundResponse({ description: 'No such event in your subtree' })
  @ApiConflictResponse({ description: 'This judge has already scored this entrant' })
  @ApiUnprocessableEntityResponse({ description: 'Not a judge or not an entrant of this event' })
  score(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SubmitScoreSheetRequest, @CurrentPrincipal() principal: Principal): Promise<ScoreSheetView> {
    return this.scoring.submit(id, body, principal);
  }

  @Get(':id/ranking')
  @Authorize()
  @ApiOperation({ summary: 'The ranking (名次)', description: 'Mean weighted total of the sheets, ties broken by the event’s declared rule' })
  @ApiOkResponse({ type: RankingView })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such event in your subtree' })
  ranking(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<RankingView> {
    return this.scoring.ranking(id, principal);
  }

  @Post(':id/awards')
  @Authorize('training-officer')
  @ApiOperation({
    summary: 'Award a scored entrant (颁奖)',
    description: 'An honour publishes cn.gonghui.training.honour.awarded.v1, a skill level cn.gonghui.training.skill-level.granted.v1; membership records them',
  })
  @ApiCreatedResponse({ type: AwardView })
  @ApiBadRequestResponse({ description: 'Invalid fields' })
  @ApiNotFoundResponse({ description: 'No such event in your subtree' })
  @ApiConflictResponse({ description: 'The entrant already has an award in this event' })
  @ApiUnprocessableEntityResponse({ description: 'Not an entrant of this event, or not scored yet' })
  award(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: GrantAwardRequest, @CurrentPrincipal() principal: Principal, @RequestId() requestId?: string): Promise<AwardView> {
    return this.grantAward.execute(id, body, principal, requestId);
  }
}
