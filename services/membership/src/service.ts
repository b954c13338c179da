import { CreateServiceOptions, serviceConfigFromEnv, ServiceConfig } from '@gonghui/service-kit';
import { migrations } from './migrations';
import { OrgUnitsModule } from './org-units/org-units.module';
import { MembersModule } from './members/members.module';
import { CollectiveEnrolmentModule } from './collective-enrolment/collective-enrolment.module';

/** Everything that makes up the membership service, for main.ts, migrate.ts and the tests. */
export function membershipService(config: ServiceConfig = serviceConfigFromEnv('membership')): CreateServiceOptions {
  return {
    config,
    definition: { migrations },
    modules: [OrgUnitsModule, MembersModule, CollectiveEnrolmentModule],
    title: 'Gonghui membership (会员)',
    description: 'Organisation tree and the real-name member registry',
  };
}
