import { Module } from '@nestjs/common';
import { PersonalDataVault } from '@gonghui/identifiers';
import { CasesModule } from '../cases/cases.module';
import { AgreementsController } from './agreements.controller';
import { AgreementActions } from './agreement-actions';

@Module({
  imports: [CasesModule],
  controllers: [AgreementsController],
  providers: [AgreementActions, { provide: PersonalDataVault, useFactory: () => PersonalDataVault.fromEnv() }],
})
export class AgreementsModule {}
