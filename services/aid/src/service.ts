import { CreateServiceOptions, MemberDirectoryEntry, MemberDirectoryModule, OrgUnitMove, serviceConfigFromEnv, ServiceConfig } from '@gonghui/service-kit';
import { migrations } from './migrations';
import { AgencyCheck, AgencyConsent } from './agency-checks/agency-check.entity';
import { AgencyChecksModule } from './agency-checks/agency-checks.module';
import { GrantCall, GrantMilestone, GrantProposal, GrantScore } from './grants/grant.entity';
import { GrantsModule } from './grants/grants.module';
import { Budget, BudgetLedgerEntry } from './budgets/budget.entity';
import { BudgetsModule } from './budgets/budgets.module';
import { AidApplication, AidApplicationStep } from './applications/application.entity';
import { ApplicationsModule } from './applications/applications.module';
import { PaymentBatch, PaymentBatchExport, PaymentInstruction } from './disbursement/payment.entity';
import { DisbursementModule } from './disbursement/disbursement.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { HazardReward } from './hazard-rewards/hazard-reward.entity';
import { HazardRewardsModule } from './hazard-rewards/hazard-rewards.module';
import { BankAccountAccess, MemberBankAccount } from './bank-accounts/bank-account.entity';
import { BankAccountsModule } from './bank-accounts/bank-accounts.module';
import { HardshipDetailAccess } from './hardship-files/hardship-detail-access.entity';
import { HardshipFile, HardshipFileReview, HardshipFileVisit } from './hardship-files/hardship-file.entity';
import { EmploymentReferral } from './referrals/employment/employment-referral.entity';
import { EmploymentReferralsModule } from './referrals/employment/employment-referrals.module';
import { HardshipFilesModule } from './hardship-files/hardship-files.module';
import { Referral } from './referrals/referral.entity';
import { ReferralsModule } from './referrals/referrals.module';
import { Campaign, CampaignNomination } from './campaigns/campaign.entity';
import { CampaignsModule } from './campaigns/campaigns.module';
import { BenefitEntitlement, BenefitPackage, BenefitRedemption } from './benefit-packages/benefit-package.entity';
import { BenefitPackagesModule } from './benefit-packages/benefit-packages.module';
import { MedicalClaim, MedicalPlan, MedicalPlanMember } from './medical-mutual-aid/medical-mutual-aid.entity';
import { MedicalMutualAidModule } from './medical-mutual-aid/medical-mutual-aid.module';
import { businessGauges } from './business-metrics';

/** Everything that makes up the aid service, for main.ts, migrate.ts and the tests. */
export function aidService(config: ServiceConfig = serviceConfigFromEnv('aid')): CreateServiceOptions {
  return {
    config,
    definition: {
      gauges: businessGauges,
      entities: [MemberDirectoryEntry, OrgUnitMove, HardshipFile, HardshipDetailAccess, HardshipFileVisit, HardshipFileReview, Referral, EmploymentReferral, MemberBankAccount, BankAccountAccess, Budget, BudgetLedgerEntry, AidApplication, AidApplicationStep, PaymentBatch, PaymentInstruction, PaymentBatchExport, HazardReward, Campaign, CampaignNomination, AgencyConsent, AgencyCheck, GrantCall, GrantProposal, GrantScore, GrantMilestone, BenefitPackage, BenefitEntitlement, BenefitRedemption, MedicalPlan, MedicalPlanMember, MedicalClaim],
      migrations,
    },
    modules: [
      // consumer group aid.member-directory; a file's path moves with its subtree
      MemberDirectoryModule.forService([{ table: 'hardship_files', column: 'org_unit_path' }, { table: 'agency_consents', column: 'org_unit_path' }, { table: 'agency_checks', column: 'org_unit_path' }, { table: 'employment_referrals', column: 'org_unit_path' }, { table: 'aid_applications', column: 'org_unit_path' }, { table: 'payment_instructions', column: 'org_unit_path' }, { table: 'benefit_packages', column: 'org_unit_path' }, { table: 'benefit_redemptions', column: 'org_unit_path' }, { table: 'medical_plan_members', column: 'org_unit_path' }, { table: 'medical_claims', column: 'org_unit_path' }, { table: 'medical_gig_workers', column: 'org_unit_path' }], [
        // unit-scoped: a budget and its batches move with their unit's subtree, not with a member
        { table: 'budgets', column: 'org_unit_path' },
        { table: 'payment_batches', column: 'org_unit_path' },
        { table: 'hazard_rewards', column: 'org_unit_path' },
        { table: 'medical_plans', column: 'org_unit_path' },
        { table: 'aid_campaigns', column: 'org_unit_path' },
        { table: 'grant_calls', column: 'org_unit_path' },
        { table: 'grant_proposals', column: 'org_unit_path' },
      ]),
      HardshipFilesModule,
      ReferralsModule,
      EmploymentReferralsModule,
      BankAccountsModule,
      BudgetsModule,
      ApplicationsModule,
      DisbursementModule,
      FollowUpsModule,
      HazardRewardsModule,
      CampaignsModule,
      AgencyChecksModule,
      GrantsModule,
      BenefitPackagesModule,
      MedicalMutualAidModule,
    ],
    title: 'Gonghui aid (帮扶)',
    description: 'Hardship worker files, household visits and referrals from other programmes',
  };
}
