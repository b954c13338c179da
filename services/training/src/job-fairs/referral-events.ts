import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EmploymentReferralRecordedV1 } from '@gonghui/contracts';
import { CloudEvent, EventTransaction, OnEvent } from '@gonghui/messaging';

/**
 * Aid refers a hardship worker who can and will work (consumer group training.job-referrals).
 * The referral is kept as aid sent it, keyed by aid's referral id: a redelivery changes nothing.
 */
@Controller()
export class ReferralEvents {
  @OnEvent(EmploymentReferralRecordedV1, { group: 'job-referrals' })
  async recorded(@Payload() event: CloudEvent<EmploymentReferralRecordedV1>, @Ctx() { manager }: EventTransaction): Promise<void> {
    const r = event.data;
    // Hand-written: ON CONFLICT keeps the first copy of a referral aid sent twice.
    await manager.query(
      `INSERT INTO job_referrals (id, member_id, hardship_file_id, org_unit_id, org_unit_path, skills, preferred_district, employment_form, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
      [r.referralId, r.memberId, r.hardshipFileId, r.orgUnitId, r.orgUnitPath, r.skills, r.preferredDistrict, r.employmentForm, r.recordedAt],
    );
  }
}
