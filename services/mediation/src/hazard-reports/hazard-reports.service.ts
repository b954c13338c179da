import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { HazardReportVerifiedV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { PersonalDataVault } from '@gonghui/identifiers';
import { Tx } from '@gonghui/persistence';
import { chinaTime, findKnownMember, keysetPage, Page, PageQuery, Problem, requireInScope, ServiceRuntime, TransactionBoundary, whereInScope } from '@gonghui/service-kit';
import { HazardReport } from './hazard-report.entity';
import { HazardReportView, RejectHazardReportRequest, SubmitHazardReportRequest, VerifyHazardReportRequest } from './hazard-report.dto';
import { HAZARD_STATUS_LABELS, HazardRefusal, maySeeReporter, rejectReport, verifyReport } from './domain/hazard-report';

const notFound = (id: string) => `举报不存在 / Hazard report ${id} not found`;
const handled = (r: HazardRefusal) =>
  Problem.conflict('report-not-submitted', `举报当前状态为“${HAZARD_STATUS_LABELS[r.status]}”，不能再次处理 / The report is ${r.status}: it was handled already`);

/**
 * Use cases of hazard reports: submit under a verified real name, verify (reward) or reject once,
 * and read them; the name is opened from the vault for the handling officers only.
 */
@Injectable()
export class HazardReports {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    @InjectRepository(HazardReport) private readonly reports: Repository<HazardReport>,
    private readonly vault: PersonalDataVault,
  ) {}

  private toView(r: HazardReport, showReporter: boolean): HazardReportView {
    return {
      id: r.id,
      orgUnitId: r.orgUnitId,
      enterpriseName: r.enterpriseName,
      description: r.description,
      reporterName: showReporter ? this.vault.decrypt(r.sealedReporterName) : null,
      status: r.status,
      rewardLevel: r.rewardLevel,
      rewardFen: r.rewardFen === null ? null : Number(r.rewardFen),
      rejectionReason: r.rejectionReason,
      reportedAt: chinaTime(r.reportedAt),
      handledAt: chinaTime(r.handledAt),
    };
  }

  submit(request: SubmitHazardReportRequest, principal: Principal): Promise<HazardReportView> {
    return this.transaction.run(async (tx) => {
      // Real name: the reporter must be a member known here, in the officer's subtree.
      const member = await findKnownMember(tx, request.memberId);
      if (!member || !inScope(principal, member.orgUnitPath)) {
        throw new Problem(422, 'unverifiable-reporter', '举报人身份无法核实 / The reporter’s identity cannot be verified', '未找到该会员 / The member is not known here', [
          { field: 'memberId', message: '无法核实的举报人 / unverifiable reporter' },
        ]);
      }
      const report: HazardReport = {
        id: randomUUID(),
        memberId: member.memberId,
        orgUnitId: member.orgUnitId,
        orgUnitPath: member.orgUnitPath,
        sealedReporterName: this.vault.encrypt(request.reporterName.trim()),
        enterpriseName: request.enterpriseName.trim(),
        description: request.description.trim(),
        status: 'submitted',
        rewardLevel: null,
        rewardFen: null,
        rejectionReason: null,
        reportedAt: new Date(),
        handledBy: null,
        handledAt: null,
      };
      await tx.insert(HazardReport, report);
      return this.toView(report, maySeeReporter(principal.roles));
    });
  }

  private async locked(tx: Tx, id: string, principal: Principal): Promise<HazardReport> {
    const found = await tx.getRepository(HazardReport).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return requireInScope(found, (r) => r.orgUnitPath, principal, notFound(id));
  }

  verify(id: string, request: VerifyHazardReportRequest, principal: Principal, requestId?: string): Promise<HazardReportView> {
    return this.transaction.run(async (tx) => {
      const report = await this.locked(tx, id, principal);
      const outcome = verifyReport(report, { rewardLevel: request.rewardLevel, now: new Date() });
      if (!outcome.ok) throw handled(outcome.refusal);
      const changes = { ...outcome.changes, rewardFen: String(outcome.changes.rewardFen), handledBy: principal.username };
      await tx.update(HazardReport, { id }, changes);
      // Aid pays the reward from this event; it carries no reporter identity.
      await this.runtime.outbox.record(tx, HazardReportVerifiedV1, outcome.event, { correlationId: requestId });
      return this.toView({ ...report, ...changes }, maySeeReporter(principal.roles));
    });
  }

  reject(id: string, request: RejectHazardReportRequest, principal: Principal): Promise<HazardReportView> {
    return this.transaction.run(async (tx) => {
      const report = await this.locked(tx, id, principal);
      const outcome = rejectReport(report, { reason: request.reason, now: new Date() });
      if (!outcome.ok) throw handled(outcome.refusal);
      const changes = { ...outcome.changes, handledBy: principal.username };
      await tx.update(HazardReport, { id }, changes);
      return this.toView({ ...report, ...changes }, maySeeReporter(principal.roles));
    });
  }

  async get(id: string, principal: Principal): Promise<HazardReportView> {
    const found = await this.reports.findOneBy({ id });
    return this.toView(requireInScope(found, (r) => r.orgUnitPath, principal, notFound(id)), maySeeReporter(principal.roles));
  }

  /** Lists never carry the reporter's name, whoever asks. */
  list(principal: Principal, page: PageQuery): Promise<Page<HazardReportView>> {
    const query = whereInScope(this.reports.createQueryBuilder('r'), 'r.orgUnitPath', principal);
    return keysetPage(query, page, { time: 'r.reportedAt', id: 'r.id', positionOf: (r) => ({ t: r.reportedAt, id: r.id }) }, (r) => this.toView(r, false));
  }
}
