import { MemberDirectory1764000001000, OrgUnitMoves1764000003000 } from '@gonghui/service-kit';
import { HardshipFilesAndReferrals1764000002000 } from './0002_hardship_files_and_referrals';
import { HardshipDetailsEncrypted1764000004000 } from './0004_hardship_details_encrypted';
import { MemberBankAccounts1764000010000 } from './0010_member_bank_accounts';
import { HardshipFileLife1764000011000 } from './0011_hardship_file_life';
import { BudgetsAndLedger1764000020000 } from './0020_budgets_and_ledger';
import { AidApplications1764000021000 } from './0021_aid_applications';
import { Payments1764000022000 } from './0022_payments';
import { HazardRewards1764000023000 } from './0023_hazard_rewards';
import { AgencyChecks1764000050000 } from './0050_agency_checks';
import { Grants1764000051000 } from './0051_grants';
import { ReferralPerMember1764000060000 } from './0060_referral_per_member';
import { MedicalClaimPayments1764000061000 } from './0061_medical_claim_payments';
import { AidCampaigns1764000030000 } from './0030_aid_campaigns';
import { BenefitPackagesAndMedicalMutualAid1764000040000 } from './0040_benefit_packages_and_medical_mutual_aid';
import { CampaignDistribution1764000070000 } from './0070_campaign_distribution';

/**
 * Aid's own migrations and the shared read-model ones it uses, in timestamp order (the messaging
 * ones are added by the runtime). Never edit one that has shipped: add the next.
 */
export const migrations = [MemberDirectory1764000001000, HardshipFilesAndReferrals1764000002000, OrgUnitMoves1764000003000, HardshipDetailsEncrypted1764000004000, MemberBankAccounts1764000010000, HardshipFileLife1764000011000, BudgetsAndLedger1764000020000, AidApplications1764000021000, Payments1764000022000, HazardRewards1764000023000, AidCampaigns1764000030000, BenefitPackagesAndMedicalMutualAid1764000040000, AgencyChecks1764000050000, Grants1764000051000, ReferralPerMember1764000060000, MedicalClaimPayments1764000061000, CampaignDistribution1764000070000];
