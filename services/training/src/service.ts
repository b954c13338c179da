import { CreateServiceOptions, memberDirectorySubscriptions, serviceConfigFromEnv, ServiceConfig } from '@gonghui/service-kit';
import { migrations } from './migrations';
import { SessionsModule } from './sessions/sessions.module';

/** Everything that makes up the training service, for main.ts, migrate.ts and the tests. */
export function trainingService(config: ServiceConfig = serviceConfigFromEnv('training')): CreateServiceOptions {
  return {
    config,
    definition: { migrations, consumers: [{ name: 'member-directory', subscriptions: () => memberDirectorySubscriptions([{ table: 'bookings', column: 'org_unit_path' }]) }] },
    modules: [SessionsModule],
    title: 'Gonghui training (技能培训)',
    description: 'Course sessions and bookings',
  };
}
