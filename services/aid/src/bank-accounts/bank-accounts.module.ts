import { Module } from '@nestjs/common';
import { HardshipDetailsVaultModule } from '../hardship-files/hardship-details-vault';
import { BankAccountUseCases } from './bank-account-use-cases';
import { BankAccountsController } from './bank-accounts.controller';
import { BankAccountsRepository } from './bank-accounts.repository';

@Module({
  imports: [HardshipDetailsVaultModule],
  controllers: [BankAccountsController],
  providers: [BankAccountsRepository, BankAccountUseCases],
})
export class BankAccountsModule {}
