import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { Obligation, ObligationPayment } from './obligation.entity';
import { FollowUpController } from './follow-up.controller';
import { FollowUpRepository } from './follow-up.repository';
import { RecordPerformance } from './record-payment';
import { FlagOverdue } from './flag-overdue';
import { OverdueSweep } from './overdue-sweep';

@Module({
  imports: [TypeOrmModule.forFeature([Obligation, ObligationPayment]), CasesModule],
  controllers: [FollowUpController],
  providers: [FollowUpRepository, RecordPerformance, FlagOverdue, OverdueSweep],
})
export class FollowUpModule {}
