import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BudgetsModule } from '../budgets/budgets.module';
import { HazardReward } from './hazard-reward.entity';
import { HazardRewards } from './hazard-rewards';
import { HazardRewardsController } from './hazard-rewards.controller';
import { RewardHazardReportEvents } from './reward-hazard-report.events';

@Module({
  imports: [TypeOrmModule.forFeature([HazardReward]), BudgetsModule],
  controllers: [HazardRewardsController, RewardHazardReportEvents],
  providers: [HazardRewards],
})
export class HazardRewardsModule {}
