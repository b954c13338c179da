import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BudgetsModule } from '../budgets/budgets.module';
import { Campaign, CampaignNomination } from './campaign.entity';
import { Campaigns } from './campaigns';
import { CampaignsController } from './campaigns.controller';
import { CampaignDistribution } from './distribution';
import { DistributionController } from './distribution.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Campaign, CampaignNomination]), BudgetsModule],
  controllers: [CampaignsController, DistributionController],
  providers: [Campaigns, CampaignDistribution],
})
export class CampaignsModule {}
