import { CreateServiceOptions, MemberDirectoryEntry, MemberDirectoryModule, OrgUnitMove, serviceConfigFromEnv, ServiceConfig } from '@gonghui/service-kit';
import { migrations } from './migrations';
import { SessionsModule } from './sessions/sessions.module';
import { Session } from './sessions/session.entity';
import { Booking } from './sessions/booking.entity';

/** Everything that makes up the training service, for main.ts, migrate.ts and the tests. */
export function trainingService(config: ServiceConfig = serviceConfigFromEnv('training')): CreateServiceOptions {
  return {
    config,
    definition: { entities: [MemberDirectoryEntry, OrgUnitMove, Session, Booking], migrations },
    // The member directory (consumer group training.member-directory): bookings move with a subtree and with
    // their member's transfer; sessions, scoped to a unit, move with a subtree.
    modules: [MemberDirectoryModule.forService([{ table: 'bookings', column: 'org_unit_path' }], [{ table: 'sessions', column: 'org_unit_path' }]), SessionsModule],
    title: 'Gonghui training (技能培训)',
    description: 'Course sessions and bookings',
  };
}
