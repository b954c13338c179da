import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { Principal, scopeLikePattern } from '@gonghui/auth';
import { Authorize, CurrentPrincipal, decodeCursor, DEFAULT_PAGE_SIZE, Page, PageQuery, ServiceRuntime, toPage } from '@gonghui/service-kit';

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

interface ReferralRow {
  id: string;
  member_id: string;
  source: string;
  source_case_id: string;
  agreed_amount_fen: string;
  recorded_at: Date;
}

@ApiTags('aid: referrals (帮扶转介)')
@Controller('api/v1/aid/referrals')
export class ReferralsController {
  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  @Get()
  @Authorize('aid-officer')
  @ApiOperation({
    summary: 'Workers referred to aid by other programmes',
    description: 'A referral whose member aid does not know yet is visible to federation-wide users only.',
  })
  @ApiOkResponse({ type: ReferralPage })
  async list(@Query() query: ListReferralsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ReferralView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor<{ t: string; id: string }>(query.cursor, ['t', 'id']);
    const { rows } = await this.runtime.pool.query<ReferralRow>(
      `SELECT r.id, r.member_id, r.source, r.source_case_id, r.agreed_amount_fen, r.recorded_at
         FROM referrals r LEFT JOIN member_directory m ON m.member_id = r.member_id
        WHERE COALESCE(m.org_unit_path, '/') LIKE $1
          AND ($2::uuid IS NULL OR r.member_id = $2)
          AND ($3::timestamptz IS NULL OR (r.recorded_at, r.id) > ($3, $4::uuid))
        ORDER BY r.recorded_at, r.id LIMIT $5`,
      [scopeLikePattern(principal), query.memberId ?? null, after?.t ?? null, after?.id ?? null, limit + 1],
    );
    return toPage(
      rows,
      limit,
      (r) => ({ id: r.id, memberId: r.member_id, source: r.source, sourceCaseId: r.source_case_id, agreedAmountFen: Number(r.agreed_amount_fen), recordedAt: r.recorded_at.toISOString() }),
      (r) => ({ t: r.recorded_at.toISOString(), id: r.id }),
    );
  }
}
