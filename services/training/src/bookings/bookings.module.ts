import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Booking } from '../sessions/booking.entity';
import { Session } from '../sessions/session.entity';
import { SessionsModule } from '../sessions/sessions.module';
import { BookingsController } from './bookings.controller';
import { BookingsRepository } from './bookings.repository';
import { BookSession } from './book-session';
import { ChangeBooking } from './change-booking';
import { MemberEventsForBookings } from './member-events';
import { WaitingList } from './waiting-list.service';

@Module({
  imports: [TypeOrmModule.forFeature([Session, Booking]), SessionsModule],
  controllers: [BookingsController, MemberEventsForBookings],
  providers: [BookingsRepository, BookSession, ChangeBooking, WaitingList],
  exports: [BookingsRepository],
})
export class BookingsModule {}
