import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, chinaDate, CurrentPrincipal, Page, PageQuery, Problem } from '@gonghui/service-kit';
import { ActOnApplication } from '../applications/act-on-application';
import { ApplicationPage, ApplicationView, toApplicationView } from '../applications/application.dto';
import { ApplicationsRepository } from '../applications/applications.repository';
import { clockSettings } from '../applications/clock-settings';
import { FollowUpRequest } from './follow-up.dto';

/** Follow-up visits (回访) after payment: recorded on the application; overdue ones listed. */
@ApiTags('aid: follow-ups (回访)')
@Controller('api/v1/aid')
export class FollowUpsController {
  constructor(
    private readonly act: ActOnApplication,
    private readonly applications: ApplicationsRepository,
  ) {}

  @Post('applications/:id/follow-up')
  @HttpCode(200)
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Record the follow-up visit (回访): how the aid was used, how the situation changed; disbursed → followed-up' })
  @ApiOkResponse({ type: ApplicationView })
  @ApiBadRequestResponse({ description: 'Invalid fields (a visit in the future)' })
  @ApiNotFoundResponse({ description: 'No such application in your subtree' })
  @ApiConflictResponse({ description: 'The application is not disbursed (its stage named)' })
  record(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: FollowUpRequest, @CurrentPrincipal() principal: Principal): Promise<ApplicationView> {
    return this.act.step(id, principal, 'follow-up', ({ now }) => {
      if (body.visitedOn > chinaDate(now)) {
        throw Problem.badRequest('visitedOn 不能晚于今天 / visitedOn cannot be in the future', [{ field: 'visitedOn', message: '不能晚于今天 / cannot be in the future' }]);
      }
      return { followUp: { visitedOn: body.visitedOn, useOfAid: body.useOfAid, situation: body.situation, note: body.note ?? null, by: principal.username, at: now.toISOString() } };
    });
  }

  @Get('follow-ups/overdue')
  @Authorize('aid-officer')
  @ApiOperation({ summary: 'Paid applications whose follow-up is past due (AID_FOLLOW_UP_DAYS after payment, 30 by default), in your subtree' })
  @ApiOkResponse({ type: ApplicationPage })
  @ApiBadRequestResponse({ description: 'Invalid cursor' })
  overdue(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ApplicationView>> {
    const now = new Date();
    const today = chinaDate(now);
    const settings = clockSettings();
    return this.applications.overdueFollowUps(principal, today, query, (a) => toApplicationView(a, settings, now, today));
  }
}
