import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HardshipFilesModule } from '../../hardship-files/hardship-files.module';
import { EmploymentReferral } from './employment-referral.entity';
import { EmploymentReferralsController } from './employment-referrals.controller';
import { EmploymentReferralsRepository } from './employment-referrals.repository';
import { JobOfferAcceptedEvents } from './job-offer-accepted.events';
import { RecordEmploymentReferral } from './record-employment-referral';

@Module({
  imports: [TypeOrmModule.forFeature([EmploymentReferral]), HardshipFilesModule],
  controllers: [EmploymentReferralsController, JobOfferAcceptedEvents],
  providers: [EmploymentReferralsRepository, RecordEmploymentReferral],
})
export class EmploymentReferralsModule {}
