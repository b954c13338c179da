import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { chinaTime, PageQuery } from '@gonghui/service-kit';
import { HAZARD_REWARD_STATUSES, HazardReward, HazardRewardStatus } from './hazard-reward.entity';

export class NamePayeeRequest {
  @ApiProperty({ format: 'uuid', example: '8d7e6f5a-4b3c-4d2e-8f10-a1b2c3d4e5f6', description: 'The member who reported the hazard and came in person to receive the reward' })
  @IsUUID()
  memberId!: string;
}

export class ListHazardRewardsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: HAZARD_REWARD_STATUSES, description: 'awaiting-budget 待落实资金 / awaiting-payee 待确认领取人 / payable 待发放 / paid 已发放' })
  @IsOptional()
  @IsIn(HAZARD_REWARD_STATUSES as HazardRewardStatus[], { message: `status 须为 ${HAZARD_REWARD_STATUSES.join('、')} 之一 / status must be one of ${HAZARD_REWARD_STATUSES.join(', ')}` })
  status?: HazardRewardStatus;
}

export class HazardRewardView {
  @ApiProperty({ format: 'uuid', example: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d', description: 'The hazard report in mediation' }) reportId!: string;
  @ApiProperty({ format: 'uuid', example: '3f0c2a4e-7a35-4d7b-9d6c-0c8f8e1d2a11' }) orgUnitId!: string;
  @ApiProperty({ example: 2, description: '1 = 2,000 yuan, 2 = 3,000 yuan' }) rewardLevel!: number;
  @ApiProperty({ example: 300000 }) rewardFen!: number;
  @ApiProperty({ enum: HAZARD_REWARD_STATUSES, example: 'awaiting-payee' }) status!: HazardRewardStatus;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: '5d0e6a1c-2b3f-4c4d-8e5f-6a7b8c9d0e1f', description: 'The hazard-reward budget it is reserved from' }) budgetId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null, description: 'The payee, once named' }) memberId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) payeeNamedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) payeeNamedAt!: string | null;
  @ApiProperty({ example: '2026-11-24T16:00:00.000+08:00' }) verifiedAt!: string;
  @ApiProperty({ nullable: true, type: String, example: null }) paidAt!: string | null;
  @ApiProperty({ example: '2026-11-24T16:00:01.000+08:00' }) receivedAt!: string;
}

export class HazardRewardPage {
  @ApiProperty({ type: [HazardRewardView] }) items!: HazardRewardView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

export function toHazardRewardView(r: HazardReward): HazardRewardView {
  return {
    id: r.id,
    reportId: r.reportId,
    orgUnitId: r.orgUnitId,
    rewardLevel: r.rewardLevel,
    rewardFen: r.rewardFen,
    status: r.status,
    budgetId: r.budgetId,
    memberId: r.memberId,
    payeeNamedBy: r.payeeNamedBy,
    payeeNamedAt: chinaTime(r.payeeNamedAt),
    verifiedAt: chinaTime(r.verifiedAt),
    paidAt: chinaTime(r.paidAt),
    receivedAt: chinaTime(r.receivedAt),
  };
}
