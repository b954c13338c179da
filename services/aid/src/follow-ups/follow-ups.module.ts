import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { FollowUpsController } from './follow-ups.controller';

@Module({
  imports: [ApplicationsModule],
  controllers: [FollowUpsController],
})
export class FollowUpsModule {}
