import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JOB_FAIR_ENTITIES } from './job-fair.entity';
import { JobFairsController, JobOffersController, JobReferralsController } from './job-fairs.controller';
import { JobFairsRepository } from './job-fairs.repository';
import { JobOffers } from './job-offers';
import { ManageJobFairs } from './manage-job-fairs';
import { ReferralEvents } from './referral-events';

@Module({
  imports: [TypeOrmModule.forFeature(JOB_FAIR_ENTITIES)],
  controllers: [JobFairsController, JobReferralsController, JobOffersController, ReferralEvents],
  providers: [JobFairsRepository, ManageJobFairs, JobOffers],
})
export class JobFairsModule {}
