import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Job, JobRejection } from './job.entity';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { MembersModule } from '../members/members.module';
import { CollectiveEnrolment } from './collective-enrolment';
import { CollectiveEnrolmentController } from './collective-enrolment.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Job, JobRejection]), OrgUnitsModule, PrivacyModule, MembersModule],
  controllers: [CollectiveEnrolmentController],
  providers: [CollectiveEnrolment],
})
export class CollectiveEnrolmentModule {}
