import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PersonalDataVault } from '../privacy/personal-data-vault';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { EnrolMember } from './enrol-member/enrol-member';
import { MemberLifecycle } from './lifecycle/lifecycle';
import { RevealIdentity } from './reveal-identity/reveal-identity';

@Module({
  imports: [OrgUnitsModule],
  controllers: [MembersController],
  providers: [MembersRepository, EnrolMember, MemberLifecycle, RevealIdentity, { provide: PersonalDataVault, useFactory: () => PersonalDataVault.fromEnv() }],
})
export class MembersModule {}
