import { MemberDirectory1764000001000, OrgUnitMoves1764000003000 } from '@gonghui/service-kit';
import { CasesAndAgreements1764000002000 } from './0002_cases_and_agreements';
import { CaseIntakeAndClock1764000010000 } from './0010_case_intake_and_clock';
import { MediatorsAndPanels1764000011000 } from './0011_mediators_and_panels';
import { Sessions1764000012000 } from './0012_sessions';
import { AgreementFollowUp1764000013000 } from './0013_agreement_follow_up';
import { HazardReports1764000014000 } from './0014_hazard_reports';
import { FiguresIndex1764000015000 } from './0015_figures_index';
import { CaseAidReferrals1764000020000 } from './0020_case_aid_referrals';
import { FiguresRollup1764000030000 } from './0030_figures_rollup';
import { CasesByStage1764000040000 } from './0040_cases_by_stage';

/** Applied in this order (after the messaging ones), each once; never edit one that has shipped, add the next. */
export const migrations = [MemberDirectory1764000001000, CasesAndAgreements1764000002000, OrgUnitMoves1764000003000, CaseIntakeAndClock1764000010000, MediatorsAndPanels1764000011000, Sessions1764000012000, AgreementFollowUp1764000013000, HazardReports1764000014000, FiguresIndex1764000015000, CaseAidReferrals1764000020000, FiguresRollup1764000030000, CasesByStage1764000040000];
