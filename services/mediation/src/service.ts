import { CreateServiceOptions, MemberDirectoryEntry, MemberDirectoryModule, OrgUnitMove, serviceConfigFromEnv, ServiceConfig } from '@gonghui/service-kit';
import { migrations } from './migrations';
import { CasesModule } from './cases/cases.module';
import { DisputeCase } from './cases/case.entity';
import { Agreement } from './cases/agreement.entity';
import { MediatorsModule } from './mediators/mediators.module';
import { Mediator, PanelMember } from './mediators/mediator.entity';
import { SessionsModule } from './sessions/sessions.module';
import { MediationSession } from './sessions/session.entity';
import { FollowUpModule } from './follow-up/follow-up.module';
import { AgreementsModule } from './agreements/agreements.module';
import { HazardReportsModule } from './hazard-reports/hazard-reports.module';
import { HazardReport } from './hazard-reports/hazard-report.entity';
import { FiguresModule } from './figures/figures.module';
import { Obligation, ObligationPayment } from './follow-up/obligation.entity';
import { businessGauges } from './business-metrics';

/** Everything that makes up the mediation service, for main.ts, migrate.ts and the tests. */
export function mediationService(config: ServiceConfig = serviceConfigFromEnv('mediation')): CreateServiceOptions {
  return {
    config,
    definition: { gauges: businessGauges, entities: [MemberDirectoryEntry, OrgUnitMove, DisputeCase, Agreement, Mediator, PanelMember, MediationSession, Obligation, ObligationPayment, HazardReport], migrations },
    // The member directory (consumer group mediation.member-directory); cases move with a subtree
    // and with their member.
    modules: [MemberDirectoryModule.forService(
        [{ table: 'cases', column: 'org_unit_path' }],
        // A hazard report stays with the unit it was made in (its orgUnitId); a roster with its centre.
        [
          { table: 'mediators', column: 'org_unit_path' },
          { table: 'hazard_reports', column: 'org_unit_path' },
        ],
      ), CasesModule, MediatorsModule, SessionsModule, FollowUpModule, AgreementsModule, HazardReportsModule, FiguresModule],
    title: 'Gonghui dispute mediation (劳动争议调解)',
    description: 'Dispute cases, mediation agreements and their follow-up',
  };
}
