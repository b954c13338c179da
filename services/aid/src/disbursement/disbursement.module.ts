import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { BudgetsModule } from '../budgets/budgets.module';
import { MedicalMutualAidModule } from '../medical-mutual-aid/medical-mutual-aid.module';
import { Disbursement } from './disbursement';
import { DisbursementController } from './disbursement.controller';
import { PaymentBatch, PaymentBatchExport, PaymentInstruction } from './payment.entity';
import { PaymentsRepository } from './payments.repository';

@Module({
  imports: [TypeOrmModule.forFeature([PaymentBatch, PaymentInstruction, PaymentBatchExport]), BudgetsModule, ApplicationsModule, MedicalMutualAidModule],
  controllers: [DisbursementController],
  providers: [PaymentsRepository, Disbursement],
})
export class DisbursementModule {}
