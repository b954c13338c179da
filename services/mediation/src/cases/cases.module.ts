import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalDataVault } from '@gonghui/identifiers';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { OpenCase } from './open-case';
import { SettleCase } from './settle-case';
import { DeclineCase } from './decline-case';
import { ReferCase } from './refer-case';
import { ReferToAid } from './refer-to-aid';
import { DisputeCase } from './case.entity';
import { Agreement } from './agreement.entity';

@Module({
  imports: [TypeOrmModule.forFeature([DisputeCase, Agreement])],
  controllers: [CasesController],
  // Non-member workers' names and contacts are sealed with the same keys as membership's and aid's vaults.
  providers: [CasesRepository, OpenCase, SettleCase, DeclineCase, ReferCase, ReferToAid, { provide: PersonalDataVault, useFactory: () => PersonalDataVault.fromEnv() }],
  exports: [CasesRepository],
})
export class CasesModule {}
