import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { Principal } from '@gonghui/auth';
import { Authorize, chinaTime, CurrentPrincipal, Page, PageQuery } from '@gonghui/service-kit';
import { Referral } from './referral.entity';
import { ReferralsRepository } from './referrals.repository';

export class ListReferralsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: '只看该会员 only this member' })
  @IsOptional()
  @IsUUID()
  memberId?: string;
}

export class ReferralView {
  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4708-9a0b-1c2d3e4f5a6b', description: '转介 referral id' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: '会员 member' }) memberId!: string;
  @ApiProperty({ enum: ['mediation'], example: 'mediation', description: '转介来源 referring programme' }) source!: string;
  @ApiProperty({ format: 'uuid', example: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928', description: 'The mediation case that led to the referral' }) sourceCaseId!: string;
  @ApiProperty({ example: 1200000, description: 'Money the mediation agreement obliges the employer to pay, in fen' }) agreedAmountFen!: number;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T11:00:00.000+08:00', description: '转介时间 when recorded' }) recordedAt!: string;
}

export class ReferralPage {
  @ApiProperty({ type: [ReferralView] }) items!: ReferralView[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'cursor of the next page; null on the last' }) nextCursor!: string | null;
}

function toReferralView(r: Referral): ReferralView {
  return { id: r.id, memberId: r.memberId, source: r.source, sourceCaseId: r.sourceCaseId, agreedAmountFen: r.agreedAmountFen, recordedAt: chinaTime(r.recordedAt) };
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
