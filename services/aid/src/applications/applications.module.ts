import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BudgetsModule } from '../budgets/budgets.module';
import { AidApplication, AidApplicationStep } from './application.entity';
import { ActOnApplication } from './act-on-application';
import { ApproveCampaign } from './approve-campaign';
import { ApplicationsController } from './applications.controller';
import { CampaignApprovalsController } from './campaign-approvals.controller';
import { ApplicationsRepository } from './applications.repository';
import { FlagApplicationsOfMemberWhoLeft } from './member-left.events';
import { SubmitApplication } from './submit-application';

@Module({
  imports: [TypeOrmModule.forFeature([AidApplication, AidApplicationStep]), BudgetsModule],
  controllers: [ApplicationsController, CampaignApprovalsController, FlagApplicationsOfMemberWhoLeft],
  providers: [ApplicationsRepository, SubmitApplication, ActOnApplication, ApproveCampaign],
  exports: [ApplicationsRepository, ActOnApplication],
})
export class ApplicationsModule {}
