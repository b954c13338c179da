import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DualRegistration, Member, MemberHistoryEntry, PersonalDataAccess } from './member.entity';
import { Prospect } from '../prospects/prospect.entity';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { PrivacyModule } from '../privacy/privacy.module';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { EnrolMember } from './enrol-member/enrol-member';
import { EditMember } from './edit-member/edit-member';
import { MemberNumbers } from './enrol-member/member-numbers';
import { MemberLifecycle } from './lifecycle/lifecycle';
import { RevealIdentity } from './reveal-identity/reveal-identity';
import { PersonalDataLookups } from './lookup/personal-data-lookups';
import { LookupLogController } from './lookup/lookup-log.controller';
import { LookupLogEntry } from './lookup/lookup-log.entity';
import { Prospects } from '../prospects/prospects';
import { ProspectsController } from '../prospects/prospects.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Member, MemberHistoryEntry, DualRegistration, PersonalDataAccess, LookupLogEntry, Prospect]), OrgUnitsModule, PrivacyModule],
  controllers: [MembersController, LookupLogController, ProspectsController],
  providers: [MembersRepository, EnrolMember, EditMember, MemberNumbers, MemberLifecycle, RevealIdentity, PersonalDataLookups, Prospects],
  // Collective enrolment logs the refusals it may not explain, as single enrolment does.
  exports: [PersonalDataLookups],
})
export class MembersModule {}
