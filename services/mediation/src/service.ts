import { CreateServiceOptions, memberDirectorySubscriptions, serviceConfigFromEnv, ServiceConfig } from '@gonghui/service-kit';
import { migrations } from './migrations';
import { CasesModule } from './cases/cases.module';

/** Everything that makes up the mediation service, for main.ts, migrate.ts and the tests. */
export function mediationService(config: ServiceConfig = serviceConfigFromEnv('mediation')): CreateServiceOptions {
  return {
    config,
    definition: { migrations, consumers: [{ name: 'member-directory', subscriptions: () => memberDirectorySubscriptions([{ table: 'cases', column: 'org_unit_path' }]) }] },
    modules: [CasesModule],
    title: 'Gonghui dispute mediation (劳动争议调解)',
    description: 'Dispute cases, mediation agreements and their follow-up',
  };
}
