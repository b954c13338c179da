import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Job, JobRejection } from './job.entity';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { CollectiveEnrolment } from './collective-enrolment';
import { CollectiveEnrolmentController } from './collective-enrolment.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Job, JobRejection]), OrgUnitsModule, PrivacyModule],
  controllers: [CollectiveEnrolmentController],
  providers: [CollectiveEnrolment],
})
export class CollectiveEnrolmentModule {}
