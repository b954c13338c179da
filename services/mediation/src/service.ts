import { CreateServiceOptions, MemberDirectoryEntry, MemberDirectoryModule, OrgUnitMove, serviceConfigFromEnv, ServiceConfig } from '@gonghui/service-kit';
import { migrations } from './migrations';
import { CasesModule } from './cases/cases.module';
import { DisputeCase } from './cases/case.entity';
import { Agreement } from './cases/agreement.entity';

/** Everything that makes up the mediation service, for main.ts, migrate.ts and the tests. */
export function mediationService(config: ServiceConfig = serviceConfigFromEnv('mediation')): CreateServiceOptions {
  return {
    config,
    definition: { entities: [MemberDirectoryEntry, OrgUnitMove, DisputeCase, Agreement], migrations },
    // The member directory (consumer group mediation.member-directory); cases move with a subtree.
    modules: [MemberDirectoryModule.forService([{ table: 'cases', column: 'org_unit_path' }]), CasesModule],
    title: 'Gonghui dispute mediation (劳动争议调解)',
    description: 'Dispute cases, mediation agreements and their follow-up',
  };
}
