import { CreateServiceOptions, memberDirectorySubscriptions, serviceConfigFromEnv, ServiceConfig } from '@gonghui/service-kit';
import { migrations } from './migrations';
import { HardshipFilesModule } from './hardship-files/hardship-files.module';
import { ReferralsModule } from './referrals/referrals.module';
import { recordReferralFromMediation } from './referrals/record-referral-from-mediation';

/** Everything that makes up the aid service, for main.ts, migrate.ts and the tests. */
export function aidService(config: ServiceConfig = serviceConfigFromEnv('aid')): CreateServiceOptions {
  return {
    config,
    definition: {
      migrations,
      consumers: [
        { name: 'member-directory', subscriptions: () => memberDirectorySubscriptions([{ table: 'hardship_files', column: 'org_unit_path' }]) },
        { name: 'mediation-referrals', subscriptions: (runtime) => [recordReferralFromMediation(runtime.outbox)] },
      ],
    },
    modules: [HardshipFilesModule, ReferralsModule],
    title: 'Gonghui aid (帮扶)',
    description: 'Hardship worker files, household visits and referrals from other programmes',
  };
}
