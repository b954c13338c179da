// 帮扶 (aid): its pages load as one chunk, only when an officer opens one of them (see App.tsx).
export { HardshipFilesPage } from '../pages/aid/HardshipFilesPage';
export { HardshipFilePage } from '../pages/aid/HardshipFilePage';
export { ApplicationsPage } from '../pages/aid/ApplicationsPage';
export { NewApplicationPage } from '../pages/aid/NewApplicationPage';
export { ApplicationPage } from '../pages/aid/ApplicationPage';
export { BudgetPage, BudgetsPage } from '../pages/aid/BudgetsPage';
export { PaymentBatchesPage, PaymentBatchPage } from '../pages/aid/PaymentBatchesPage';
export { CampaignPage, CampaignsPage } from '../pages/aid/CampaignsPage';
export { BenefitPackagesPage } from '../pages/aid/benefits/BenefitPackagesPage';
export { BenefitPackagePage } from '../pages/aid/benefits/BenefitPackagePage';
export { RedemptionCounterPage } from '../pages/aid/benefits/RedemptionCounterPage';
export { MedicalPlanPage, MedicalPlansPage } from '../pages/aid/medical/MedicalPlansPage';
export { MedicalClaimPage, MedicalClaimsPage } from '../pages/aid/medical/MedicalClaimsPage';
export { GrantCallsPage } from '../pages/aid/grants/GrantCallsPage';
export { GrantCallPage } from '../pages/aid/grants/GrantCallPage';
export { GrantProposalPage } from '../pages/aid/grants/GrantProposalPage';
