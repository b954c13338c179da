import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { ScheduleSession } from './schedule-session';
import { BookSession } from './book-session';
import { Session } from './session.entity';
import { Booking } from './booking.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Session, Booking])],
  controllers: [SessionsController],
  providers: [SessionsRepository, ScheduleSession, BookSession],
})
export class SessionsModule {}
