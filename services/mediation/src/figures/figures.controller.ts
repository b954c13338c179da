import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal } from '@gonghui/service-kit';
import { FiguresQuery, FiguresView } from './figures.dto';
import { Figures } from './figures.service';

@ApiTags('mediation: figures (统计)')
@Controller('api/v1/mediation/figures')
export class FiguresController {
  constructor(private readonly figures: Figures) {}

  @Get()
  @Authorize('mediator')
  @ApiOperation({ summary: 'Figures of a period: by source, claim type and outcome; settlement rate; amounts agreed and recovered; median days to settle; per centre' })
  @ApiOkResponse({ type: FiguresView })
  @ApiBadRequestResponse({ description: 'Invalid period or subtree' })
  @ApiNotFoundResponse({ description: 'The subtree is not in yours' })
  get(@Query() query: FiguresQuery, @CurrentPrincipal() principal: Principal): Promise<FiguresView> {
    return this.figures.of(query, principal);
  }
}
