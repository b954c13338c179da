import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, Page } from '@gonghui/service-kit';
import { ListLookupLogQuery, LookupLogEntryView, LookupLogPage } from './lookup.dto';
import { PersonalDataLookups } from './personal-data-lookups';

@ApiTags('membership: members (会员)')
@Controller('api/v1/membership/lookup-log')
export class LookupLogController {
  constructor(private readonly lookups: PersonalDataLookups) {}

  @Get()
  @Authorize('federation-admin')
  @ApiOperation({
    summary: 'Who looked people up by resident ID, and refused enrolments (身份证号查询记录)',
    description: 'Federation administrators only. Oldest first; cursor-paginated. Holds the keyed hash of each resident ID, never the ID.',
  })
  @ApiOkResponse({ type: LookupLogPage })
  list(@Query() query: ListLookupLogQuery): Promise<Page<LookupLogEntryView>> {
    return this.lookups.page(query);
  }
}
