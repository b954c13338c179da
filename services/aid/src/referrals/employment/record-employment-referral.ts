import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EmploymentReferralRecordedV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { checkReferral } from '../../hardship-files/domain/referral';
import { fileNotOpen } from '../../hardship-files/file-problems';
import { HardshipFilesRepository } from '../../hardship-files/hardship-files.repository';
import { EmploymentReferralView, RecordEmploymentReferralRequest, toEmploymentReferralView } from './employment-referral.dto';
import { EmploymentReferral } from './employment-referral.entity';
import { EmploymentReferralsRepository } from './employment-referrals.repository';

const referralAwaiting = () => Problem.conflict('referral-awaiting-job', '该档案已有待就业的转介 / This file already has a referral awaiting a job');

/**
 * Use case: a hardship file records that its member can and will work (能就业且愿就业), and
 * refers them for job matching (training's job fairs). One referral awaiting a job per file (a
 * partial unique index, for two officers at once). The event carries skills and wishes, never
 * the file's health, income or hardship detail.
 */
@Injectable()
export class RecordEmploymentReferral {
  constructor(
    private readonly transaction: TransactionBoundary,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly files: HardshipFilesRepository,
    private readonly referrals: EmploymentReferralsRepository,
  ) {}

  execute(fileId: string, request: RecordEmploymentReferralRequest, principal: Principal, requestId?: string): Promise<EmploymentReferralView> {
    return this.transaction.run(
      async (tx) => {
        const file = await this.files.lockInScope(tx, fileId, principal);
        const checked = checkReferral(file.status, request);
        if (!checked.ok) {
          if (checked.refusal.reason === 'file-closed') throw fileNotOpen({ reason: 'file-closed', status: 'closed' });
          throw Problem.badRequest('就业转介信息有误 / The employment referral is invalid', checked.refusal.errors);
        }
        const referral: EmploymentReferral = {
          id: randomUUID(),
          fileId: file.id,
          memberId: file.memberId,
          orgUnitId: file.orgUnitId,
          orgUnitPath: file.orgUnitPath,
          skills: checked.skills,
          preferredDistrict: checked.preferredDistrict,
          employmentForm: checked.employmentForm,
          recordedBy: principal.username,
          recordedAt: new Date(),
          jobTakenAt: null,
          jobOfferId: null,
          jobEmployer: null,
          jobPosition: null,
        };
        await this.referrals.insert(tx, referral);
        await this.runtime.outbox.record(
          tx,
          EmploymentReferralRecordedV1,
          {
            referralId: referral.id,
            memberId: referral.memberId,
            hardshipFileId: referral.fileId,
            orgUnitId: referral.orgUnitId,
            orgUnitPath: referral.orgUnitPath,
            skills: referral.skills,
            preferredDistrict: referral.preferredDistrict,
            employmentForm: referral.employmentForm,
            recordedAt: referral.recordedAt.toISOString(),
          },
          { correlationId: requestId },
        );
        return toEmploymentReferralView(referral);
      },
      { employment_referrals_one_awaiting_per_file: referralAwaiting },
    );
  }
}
