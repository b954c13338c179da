import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BudgetsModule } from '../budgets/budgets.module';
import { CoverGigWorkers } from './gig-worker-cover.events';
import { MedicalClaim, MedicalPlan, MedicalPlanMember } from './medical-mutual-aid.entity';
import { MedicalMutualAid } from './medical-mutual-aid';
import { MedicalClaimsController, MedicalPlansController } from './medical-mutual-aid.controller';

@Module({
  imports: [TypeOrmModule.forFeature([MedicalPlan, MedicalPlanMember, MedicalClaim]), BudgetsModule],
  controllers: [MedicalPlansController, MedicalClaimsController, CoverGigWorkers],
  providers: [MedicalMutualAid],
  exports: [MedicalMutualAid],
})
export class MedicalMutualAidModule {}
