import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { Principal } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, Page, PageQuery } from '@gonghui/service-kit';
import { Referral } from './referral.entity';
import { ReferralsRepository } from './referrals.repository';

export class ListReferralsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  memberId?: string;
}

export class ReferralView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ enum: ['mediation'] }) source!: string;
  @ApiProperty({ format: 'uuid', description: 'The mediation case that led to the referral' }) sourceCaseId!: string;
  @ApiProperty({ description: 'Money the mediation agreement obliges the employer to pay, in fen' }) agreedAmountFen!: number;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class ReferralPage {
  @ApiProperty({ type: [ReferralView] }) items!: ReferralView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

function toReferralView(r: Referral): ReferralView {
  return { id: r.id, memberId: r.memberId, source: r.source, sourceCaseId: r.sourceCaseId, agreedAmountFen: r.agreedAmountFen, recordedAt: r.recordedAt.toISOString() };
}

@ApiTags('aid: referrals (帮扶转介)')
@Controller('api/v1/aid/referrals')
export class ReferralsController {
  constructor(private readonly referrals: ReferralsRepository) {}

  @Get()
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Workers referred to aid by other programmes',
    description: 'A referral whose member aid does not know yet is visible to federation-wide users only.',
  })
  @ApiOkResponse({ type: ReferralPage })
  list(@Query() query: ListReferralsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ReferralView>> {
    return this.referrals.page(principal, query, toReferralView);
  }
}
