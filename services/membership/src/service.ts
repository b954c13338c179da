import { CreateServiceOptions, serviceConfigFromEnv, ServiceConfig } from '@gonghui/service-kit';
import { migrations } from './migrations';
import { OrgUnitsModule } from './org-units/org-units.module';
import { MembersModule } from './members/members.module';
import { CollectiveEnrolmentModule } from './collective-enrolment/collective-enrolment.module';
import { SkillAwardsModule } from './members/skill-awards/skill-awards.module';
import { OrgUnit } from './org-units/org-unit.entity';
import { DualRegistration, Member, MemberHistoryEntry, PersonalDataAccess } from './members/member.entity';
import { Job, JobRejection } from './collective-enrolment/job.entity';
import { Prospect } from './prospects/prospect.entity';
import { LookupLogEntry } from './members/lookup/lookup-log.entity';
import { businessGauges } from './business-metrics';

/** Every table of membership's schema (besides the outbox and inbox, which the runtime adds). */
export const membershipEntities = [OrgUnit, Member, MemberHistoryEntry, DualRegistration, PersonalDataAccess, LookupLogEntry, Job, JobRejection, Prospect];

/** Everything that makes up the membership service, for main.ts, migrate.ts and the tests. */
export function membershipService(config: ServiceConfig = serviceConfigFromEnv('membership')): CreateServiceOptions {
  return {
    config,
    definition: { gauges: businessGauges, entities: membershipEntities, migrations },
    modules: [OrgUnitsModule, MembersModule, CollectiveEnrolmentModule, SkillAwardsModule],
    title: 'Gonghui membership (会员)',
    description: 'Organisation tree and the real-name member registry',
  };
}
