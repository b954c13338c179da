import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PersonalDataVault } from '../privacy/personal-data-vault';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { EnrolMember } from './enrol-member/enrol-member';

@Module({
  imports: [OrgUnitsModule],
  controllers: [MembersController],
  providers: [MembersRepository, EnrolMember, { provide: PersonalDataVault, useFactory: () => PersonalDataVault.fromEnv() }],
})
export class MembersModule {}
