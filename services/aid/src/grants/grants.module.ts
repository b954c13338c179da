import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BudgetsModule } from '../budgets/budgets.module';
import { GrantCall, GrantMilestone, GrantProposal, GrantScore } from './grant.entity';
import { Grants } from './grants';
import { GrantsController } from './grants.controller';

@Module({
  imports: [TypeOrmModule.forFeature([GrantCall, GrantProposal, GrantScore, GrantMilestone]), BudgetsModule],
  controllers: [GrantsController],
  providers: [Grants],
})
export class GrantsModule {}
