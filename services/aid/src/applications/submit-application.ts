import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AidApplicationSubmittedV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaDate, findKnownMember, memberStatusLabel, Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { mayFastTrack } from './domain/application';
import { AidApplication } from './application.entity';
import { ApplicationView, SubmitApplicationRequest, toApplicationView } from './application.dto';
import { ApplicationsRepository } from './applications.repository';
import { clockSettings } from './clock-settings';

const unknownMember = (memberId: string) =>
  new Problem(404, 'not-found', '未找到 / Not found', `未找到会员 ${memberId} / Member ${memberId} not found`, [{ field: 'memberId', message: '未知会员 / unknown member' }]);

/**
 * Use case: submit an aid application (帮扶申请受理) for a member known to aid and in the
 * officer's subtree (else 404), who has not left the union (422), optionally for a hardship file.
 */
@Injectable()
export class SubmitApplication {
  constructor(
    private readonly transaction: TransactionBoundary,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly applications: ApplicationsRepository,
  ) {}

  execute(request: SubmitApplicationRequest, principal: Principal, requestId?: string): Promise<ApplicationView> {
    if (!request.memberId && !request.hardshipFileId) {
      throw Problem.badRequest('须指明会员或困难职工档案 / Name the member or the hardship file', [{ field: 'memberId', message: 'memberId 为必填项 / memberId is required' }]);
    }
    if (request.fastTrack && !mayFastTrack(request.kind)) {
      throw Problem.badRequest('仅应急救助可走特事特办 / Only emergency aid may take the fast track', [{ field: 'fastTrack', message: '仅限应急救助 / emergency aid only' }]);
    }
    return this.transaction.run(async (tx) => {
      const file = request.hardshipFileId ? await this.hardshipFile(tx, request.hardshipFileId, principal) : null;
      const memberId = request.memberId ?? file!.memberId;
      if (file && file.memberId !== memberId) {
        throw Problem.badRequest('档案不属于该会员 / The hardship file is not this member’s', [{ field: 'hardshipFileId', message: '档案与会员不符 / not this member’s file' }]);
      }
      const member = await findKnownMember(tx, memberId);
      if (!member || !inScope(principal, member.orgUnitPath)) throw unknownMember(memberId);
      if (member.status !== 'active') {
        throw new Problem(422, 'member-not-active', '会员非在册状态 / Member is not active', `会员 ${memberId} 当前状态为“${memberStatusLabel(member.status).zh}”，不能提出新的帮扶申请 / Member ${memberId} is ${member.status}: no new application`, [
          { field: 'memberId', message: '会员非在册状态 / member is not active' },
        ]);
      }
      const now = new Date();
      const application: AidApplication = {
        id: randomUUID(),
        memberId,
        hardshipFileId: file?.id ?? null,
        campaignId: null,
        orgUnitId: member.orgUnitId,
        orgUnitPath: member.orgUnitPath,
        kind: request.kind,
        requestedAmountFen: request.requestedAmountFen,
        reason: request.reason,
        documents: request.documents.map((d) => ({ name: d.name, kind: d.kind })),
        stage: 'submitted',
        fastTrack: request.fastTrack ?? false,
        awaitingRatification: false,
        approvedBy: null,
        approvedAmountFen: null,
        budgetId: null,
        review: null,
        investigation: null,
        notice: null,
        objections: [],
        decision: null,
        ratification: null,
        rejection: null,
        cancellation: null,
        followUp: null,
        followUpDueOn: null,
        memberLeftAt: null,
        submittedBy: principal.username,
        submittedAt: now,
        approvedAt: null,
        paidAt: null,
      };
      await this.applications.insert(tx, application);
      await this.applications.recordStep(tx, application.id, 'submit', null, 'submitted', principal.username, now);
      await this.runtime.outbox.record(
        tx,
        AidApplicationSubmittedV1,
        {
          applicationId: application.id,
          memberId,
          orgUnitId: member.orgUnitId,
          kind: application.kind,
          hardshipFileId: application.hardshipFileId,
          requestedAmountFen: application.requestedAmountFen,
          fastTrack: application.fastTrack,
          submittedAt: now.toISOString(),
        },
        { correlationId: requestId },
      );
      return toApplicationView(application, clockSettings(), now, chinaDate(now));
    });
  }

  /** The hardship file, if it lies in the officer's subtree (404 otherwise) and is open (422 otherwise). */
  private async hardshipFile(tx: Tx, id: string, principal: Principal): Promise<{ id: string; memberId: string }> {
    const [file]: { member_id: string; org_unit_path: string; status: string }[] = await tx.query('SELECT member_id, org_unit_path, status FROM hardship_files WHERE id = $1', [id]);
    if (!file || !inScope(principal, file.org_unit_path)) {
      throw new Problem(404, 'not-found', '未找到 / Not found', `档案不存在 / Hardship file ${id} not found`, [{ field: 'hardshipFileId', message: '未知档案 / unknown file' }]);
    }
    if (file.status !== 'open') throw Problem.unprocessable('hardship-file-closed', '困难职工档案已关闭 / The hardship file is closed');
    return { id, memberId: file.member_id };
  }
}
