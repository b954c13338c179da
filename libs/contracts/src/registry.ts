import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { EventContract } from './contract';
import { EnrolmentBatchCompletedV1, MemberDualRegisteredV1, MemberEnrolledV1, MemberLeftV1, MemberReinstatedV1, MemberTransferredV1, MemberUpdatedV1, OrgUnitCreatedV1, OrgUnitDeactivatedV1, OrgUnitMovedV1, OrgUnitRenamedV1 } from './membership';
import { AidReferralRecordedV1, EmploymentReferralRecordedV1, HardshipFileClosedV1, HardshipFileGradedV1, HardshipFileOpenedV1 } from './aid';
import { AidApplicationApprovedV1, AidApplicationDisbursedV1, AidApplicationRejectedV1, AidApplicationSubmittedV1, BudgetAllocatedV1 } from './aid-funds';
import { GrantProjectAwardedV1, GrantProjectCompletedV1 } from './aid-grants';
import { AidCampaignConfirmedV1, AidCampaignDistributionRecordedV1, AidCampaignPaidV1 } from './aid-campaigns';
import { BenefitPackageGrantedV1, BenefitRedeemedV1, MedicalClaimApprovedV1, MedicalClaimPaidV1, MedicalPlanJoinedV1 } from './aid-benefits';
import { BookingCancelledV1, BookingSeatOfferedV1, HonourAwardedV1, SessionBookedV1, SkillLevelGrantedV1 } from './training';
import { ChildcareChildEnrolledV1, ChildcareClassOpenedV1, JobOfferAcceptedV1, TrainingOrderStatusChangedV1 } from './training-programmes';
import { DisputeCaseAidReferredV1, DisputeCaseDeclinedV1, DisputeCaseOpenedV1, DisputeCasePanelAssignedV1, DisputeCaseReceivedV1, DisputeCaseReferredV1, DisputeCaseSettledV1, DisputeCaseSettledV2, HazardReportVerifiedV1, MediationObligationOverdueV1, MediationObligationPerformedV1, MediationSessionHeldV1 } from './mediation';

/** Every event type the system publishes. Adding an event means adding its contract here. */
export const ALL_EVENTS: readonly EventContract<any>[] = [
  OrgUnitCreatedV1,
  OrgUnitRenamedV1,
  OrgUnitMovedV1,
  OrgUnitDeactivatedV1,
  MemberEnrolledV1,
  MemberTransferredV1,
  MemberDualRegisteredV1,
  MemberLeftV1,
  MemberReinstatedV1,
  MemberUpdatedV1,
  EnrolmentBatchCompletedV1,
  HardshipFileOpenedV1,
  HardshipFileGradedV1,
  HardshipFileClosedV1,
  AidReferralRecordedV1,
  EmploymentReferralRecordedV1,
  BudgetAllocatedV1,
  AidApplicationSubmittedV1,
  AidApplicationApprovedV1,
  AidApplicationRejectedV1,
  AidApplicationDisbursedV1,
  GrantProjectAwardedV1,
  GrantProjectCompletedV1,
  AidCampaignConfirmedV1,
  AidCampaignPaidV1,
  AidCampaignDistributionRecordedV1,
  BenefitPackageGrantedV1,
  BenefitRedeemedV1,
  MedicalPlanJoinedV1,
  MedicalClaimApprovedV1,
  MedicalClaimPaidV1,
  SessionBookedV1,
  SkillLevelGrantedV1,
  HonourAwardedV1,
  JobOfferAcceptedV1,
  DisputeCaseOpenedV1,
  DisputeCaseSettledV1,
  HazardReportVerifiedV1,
  DisputeCaseReceivedV1,
  DisputeCaseDeclinedV1,
  DisputeCaseReferredV1,
  DisputeCasePanelAssignedV1,
  MediationSessionHeldV1,
  MediationObligationPerformedV1,
  MediationObligationOverdueV1,
  DisputeCaseSettledV2,
  DisputeCaseAidReferredV1,
  BookingSeatOfferedV1,
  BookingCancelledV1,
  TrainingOrderStatusChangedV1,
  ChildcareClassOpenedV1,
  ChildcareChildEnrolledV1,
];

const byType = new Map(ALL_EVENTS.map((c) => [c.type, c]));

export function findContract(type: string): EventContract | undefined {
  return byType.get(type);
}

/** The dead-letter topic beside each event topic. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlt`;
}

/** Every topic the system needs, event topics and their dead-letter topics, without duplicates. */
export function allTopics(): string[] {
  const topics = [...new Set(ALL_EVENTS.map((c) => c.topic))];
  return [...topics, ...topics.map(deadLetterTopic)];
}

export class EventContractViolation extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string[],
  ) {
    super(`event ${eventType} violates its contract: ${problems.join('; ')}`);
    this.name = 'EventContractViolation';
  }
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();

function validatorFor(contract: EventContract): ValidateFunction {
  let validate = validators.get(contract.type);
  if (!validate) {
    validate = ajv.compile(contract.schema);
    validators.set(contract.type, validate);
  }
  return validate;
}

/** Throws EventContractViolation unless `data` satisfies the contract's schema. */
export function assertValidEventData(contract: EventContract, data: unknown): void {
  if (byType.get(contract.type) !== contract) {
    throw new EventContractViolation(contract.type, ['no contract is registered for this event type']);
  }
  const validate = validatorFor(contract);
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
    throw new EventContractViolation(contract.type, problems);
  }
}
