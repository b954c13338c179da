import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RecordReferralFromMediationEvents } from './record-referral-from-mediation.events';
import { Referral } from './referral.entity';
import { ReferralsController } from './referrals.controller';
import { ReferralsRepository } from './referrals.repository';

@Module({
  imports: [TypeOrmModule.forFeature([Referral])],
  controllers: [ReferralsController, RecordReferralFromMediationEvents],
  providers: [ReferralsRepository],
})
export class ReferralsModule {}
