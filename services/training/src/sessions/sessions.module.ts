import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoursesModule } from '../courses/courses.module';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { ScheduleSession } from './schedule-session';
import { Session } from './session.entity';
import { Booking } from './booking.entity';
import { CancelSession } from './cancel-session';

@Module({
  imports: [TypeOrmModule.forFeature([Session, Booking]), CoursesModule],
  controllers: [SessionsController],
  providers: [SessionsRepository, ScheduleSession, CancelSession],
  exports: [SessionsRepository],
})
export class SessionsModule {}
