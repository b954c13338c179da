import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DisputeCaseOpenedV1, DisputeCaseReceivedV1 } from '@gonghui/contracts';
import { inScope, Principal } from '@gonghui/auth';
import { PersonalDataVault } from '@gonghui/identifiers';
import { chinaDate, FieldError, findKnownMember, Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { CaseView, OpenCaseRequest } from './case.dto';
import { CasesRepository, toCaseView } from './cases.repository';
import { openCase } from './domain/case';
import { intakeProblems, maskContact, maskName, normaliseClaims, receivedAtOf, StoredWorker, WorkerInput } from './domain/intake';

/**
 * Use case: a dispute reaches the mediation centre (受理). Workers are members known in the
 * mediator's subtree, or non-members whose name and mobile are sealed by the vault. The case
 * belongs to its first member's unit, or else to the mediator's own unit. The earlier form of the
 * request (memberId + employerName) is still accepted.
 */
@Injectable()
export class OpenCase {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly cases: CasesRepository,
    private readonly vault: PersonalDataVault,
  ) {}

  execute(request: OpenCaseRequest, principal: Principal, requestId?: string): Promise<CaseView> {
    const now = new Date();
    const today = chinaDate(now);
    const legacy = request.workers === undefined;
    if (!legacy && request.memberId !== undefined) {
      throw Problem.badRequest('请使用 workers 列出职工 / list the workers in workers', [{ field: 'memberId', message: '与 workers 不能同时填写 / not together with workers' }]);
    }
    const workers: WorkerInput[] = request.workers ?? (request.memberId ? [{ memberId: request.memberId }] : []);
    const employerName = request.employer?.name ?? request.employerName;
    const receivedOn = request.receivedOn ?? today;
    const problems = intakeProblems({ workers, employerName, receivedOn, today });
    if (problems.length > 0) throw Problem.badRequest('请检查标出的字段 / check the fields named', problems);

    return this.transaction.run(async (tx) => {
      const stored: StoredWorker[] = [];
      let orgUnitPath: string | null = null;
      const unknown: FieldError[] = [];
      for (const [i, w] of workers.entries()) {
        if (w.memberId) {
          // A worker who has left the union can still bring a dispute: known is enough, active is not required.
          const member = await findKnownMember(tx, w.memberId);
          if (!member || !inScope(principal, member.orgUnitPath)) {
            unknown.push({ field: legacy ? 'memberId' : `workers[${i}].memberId`, message: '未知会员 / unknown member' });
            continue;
          }
          orgUnitPath ??= member.orgUnitPath;
          stored.push({ memberId: w.memberId, sealedName: null, sealedContact: null, maskedName: null, maskedContact: null });
        } else {
          const name = w.name!.trim();
          const contact = w.contact!.replace(/[\s-]/g, '');
          stored.push({ memberId: null, sealedName: this.vault.encrypt(name), sealedContact: this.vault.encrypt(contact), maskedName: maskName(name), maskedContact: maskContact(contact) });
        }
      }
      if (unknown.length > 0) {
        throw new Problem(422, 'unknown-member', '会员不存在 / Unknown member', '未找到会员 / A member is not known here', unknown);
      }
      // A case belongs to its member worker's unit, else to the receiving officer's own; the
      // federation administrator has no unit of their own to give it.
      if (orgUnitPath === null && principal.scopePath === '/') {
        throw new Problem(
          422,
          'case-needs-unit',
          '案件须归属一个组织 / The case needs a union to belong to',
          '没有会员当事人的案件归属受理人所在单位，请以所在单位的调解员身份受理 / A case with no member worker belongs to the receiving officer’s union: receive it as a mediator of a union',
          [{ field: 'workers', message: '须至少有一名会员，或由所在单位的调解员受理 / name a member worker, or receive it as a union’s mediator' }],
        );
      }
      const opened = openCase({
        caseId: randomUUID(),
        orgUnitPath: orgUnitPath ?? principal.scopePath,
        workers: stored,
        source: request.source,
        summary: request.summary,
        employer: { name: employerName!, creditCode: request.employer?.creditCode ?? null },
        claims: normaliseClaims(request.claims ?? []),
        receivedAt: receivedAtOf(receivedOn),
        openedBy: principal.username,
        now,
      });
      const row = await this.cases.open(tx, opened);
      await this.runtime.outbox.record(tx, DisputeCaseReceivedV1, opened.received, { correlationId: requestId });
      if (opened.opened) await this.runtime.outbox.record(tx, DisputeCaseOpenedV1, opened.opened, { correlationId: requestId });
      return toCaseView(row, now);
    });
  }
}
