import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Budget, BudgetLedgerEntry } from './budget.entity';
import { BudgetLedger } from './budget-ledger';
import { BudgetsController } from './budgets.controller';
import { BudgetsRepository } from './budgets.repository';
import { FundBudgets } from './fund-budgets';

@Module({
  imports: [TypeOrmModule.forFeature([Budget, BudgetLedgerEntry])],
  controllers: [BudgetsController],
  providers: [BudgetsRepository, BudgetLedger, FundBudgets],
  exports: [BudgetsRepository, BudgetLedger],
})
export class BudgetsModule {}
