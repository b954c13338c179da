import { CreateServiceOptions, MemberDirectoryEntry, MemberDirectoryModule, OrgUnitMove, serviceConfigFromEnv, ServiceConfig } from '@gonghui/service-kit';
import { migrations } from './migrations';
import { HardshipDetailAccess } from './hardship-files/hardship-detail-access.entity';
import { HardshipFile } from './hardship-files/hardship-file.entity';
import { HardshipFilesModule } from './hardship-files/hardship-files.module';
import { Referral } from './referrals/referral.entity';
import { ReferralsModule } from './referrals/referrals.module';

/** Everything that makes up the aid service, for main.ts, migrate.ts and the tests. */
export function aidService(config: ServiceConfig = serviceConfigFromEnv('aid')): CreateServiceOptions {
  return {
    config,
    definition: {
      entities: [MemberDirectoryEntry, OrgUnitMove, HardshipFile, HardshipDetailAccess, Referral],
      migrations,
    },
    modules: [
      // consumer group aid.member-directory; a file's path moves with its subtree
      MemberDirectoryModule.forService([{ table: 'hardship_files', column: 'org_unit_path' }]),
      HardshipFilesModule,
      ReferralsModule,
    ],
    title: 'Gonghui aid (帮扶)',
    description: 'Hardship worker files, household visits and referrals from other programmes',
  };
}
