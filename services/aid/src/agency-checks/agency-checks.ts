import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Principal } from '@gonghui/auth';
import { maskNationalId, PersonalDataVault } from '@gonghui/identifiers';
import { Tx } from '@gonghui/persistence';
import { chinaDate, keysetPage, Page, PageQuery, Problem, requireInScope, TransactionBoundary } from '@gonghui/service-kit';
import { fileNotOpen } from '../hardship-files/file-problems';
import { HardshipFilesRepository } from '../hardship-files/hardship-files.repository';
import { AgencyCheck, AgencyConsent } from './agency-check.entity';
import { AgencyCheckView, ConsentView, RecordConsentRequest, RunChecksRequest, toAgencyCheckView, toConsentView } from './agency-check.dto';
import { AgencyConnector } from './agency-connector';
import { AGENCIES, CheckKind, ConsentDecision, consentAllows, consentTermsProblems, mayRetry } from './domain/consent';

const KIND_LABELS: Record<CheckKind, string> = {
  'household-registration': '户籍',
  'minimum-living': '低保',
  'medical-insurance': '医保结算',
  property: '不动产',
  vehicle: '车辆',
};

/** The 422 of a check its consent does not allow, saying why in both languages. */
export function consentRefusal(decision: Exclude<ConsentDecision, { ok: true }>): Problem {
  switch (decision.reason) {
    case 'expired':
      return new Problem(422, 'consent-expired', '授权已过期 / The consent has expired', `核对授权委托书已于${decision.expiresOn}到期，请重新签署 / The consent expired on ${decision.expiresOn}: have a new one signed`);
    case 'revoked':
      return new Problem(422, 'consent-revoked', '授权已撤回 / The consent was revoked', '该授权已撤回，不能据此核验 / The consent was revoked: no check may run under it');
    case 'not-yet-in-force':
      return new Problem(422, 'consent-not-in-force', '授权尚未生效 / The consent is not yet in force', '授权签署日期晚于今天 / The consent is signed for a later day');
    case 'out-of-scope':
      return new Problem(
        422,
        'consent-out-of-scope',
        '超出授权范围 / Outside the consent’s scope',
        `授权未包含：${decision.kinds.map((k) => KIND_LABELS[k]).join('、')} / The consent does not cover: ${decision.kinds.join(', ')}`,
        decision.kinds.map((k) => ({ field: 'kinds', message: `未授权核验${KIND_LABELS[k]} / ${k} is not in the consent’s scope` })),
      );
  }
}

interface Signer {
  name: string;
  nationalId: string;
}

/**
 * Use cases of agency checks: record and revoke a consent on a file, run checks under it, retry
 * a failed one. The agency is called outside any transaction: the check is committed as pending
 * first, so an agency that is down or slow leaves a failed (or pending) check with its reason,
 * never a half-done request or a 500.
 */
@Injectable()
export class AgencyChecks {
  private readonly logger = new Logger('AgencyChecks');

  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly files: HardshipFilesRepository,
    private readonly vault: PersonalDataVault,
    private readonly connector: AgencyConnector,
    @InjectRepository(AgencyConsent) private readonly consents: Repository<AgencyConsent>,
    @InjectRepository(AgencyCheck) private readonly checks: Repository<AgencyCheck>,
  ) {}

  recordConsent(fileId: string, request: RecordConsentRequest, principal: Principal): Promise<ConsentView> {
    const now = new Date();
    const today = chinaDate(now);
    const problems = consentTermsProblems(request, today);
    if (problems.length > 0) throw Problem.badRequest('授权内容有误 / The consent’s terms are not valid', problems);
    return this.transaction.run(async (tx) => {
      const file = await this.files.lockInScope(tx, fileId, principal);
      if (file.status !== 'open') throw fileNotOpen({ reason: 'file-closed', status: 'closed' });
      const signer: Signer = { name: request.signerName.trim(), nationalId: request.signerNationalId.toUpperCase() };
      const consent: AgencyConsent = {
        id: randomUUID(),
        fileId: file.id,
        memberId: file.memberId,
        orgUnitPath: file.orgUnitPath,
        relation: request.relation,
        signerCipher: this.vault.encrypt(JSON.stringify(signer)),
        maskedNationalId: maskNationalId(signer.nationalId),
        scope: [...request.scope],
        signedOn: request.signedOn,
        expiresOn: request.expiresOn,
        revokedAt: null,
        revokedBy: null,
        recordedBy: principal.username,
        recordedAt: now,
      };
      await tx.insert(AgencyConsent, consent);
      return toConsentView(consent, today);
    });
  }

  revokeConsent(consentId: string, principal: Principal): Promise<ConsentView> {
    return this.transaction.run(async (tx) => {
      const consent = await this.consentInScope(tx, consentId, principal);
      if (consent.revokedAt) throw Problem.conflict('consent-revoked', '该授权已撤回 / The consent is already revoked');
      const now = new Date();
      await tx.update(AgencyConsent, { id: consent.id }, { revokedAt: now, revokedBy: principal.username });
      return toConsentView({ ...consent, revokedAt: now, revokedBy: principal.username }, chinaDate(now));
    });
  }

  async consentsOfFile(fileId: string, page: PageQuery, principal: Principal): Promise<Page<ConsentView>> {
    await this.files.findInScope(fileId, principal);
    const today = chinaDate(new Date());
    const q = this.consents.createQueryBuilder('c').where('c.fileId = :fileId', { fileId });
    return keysetPage(q, page, { time: 'c.recordedAt', id: 'c.id', positionOf: (c) => ({ t: c.recordedAt, id: c.id }) }, (c) => toConsentView(c, today));
  }

  async checksOfFile(fileId: string, page: PageQuery, principal: Principal): Promise<Page<AgencyCheckView>> {
    await this.files.findInScope(fileId, principal);
    const q = this.checks.createQueryBuilder('k').where('k.fileId = :fileId', { fileId });
    return keysetPage(q, page, { time: 'k.requestedAt', id: 'k.id', positionOf: (k) => ({ t: k.requestedAt, id: k.id }) }, toAgencyCheckView);
  }

  /** The checks on any file of the member, for an application's reviewer (the caller has already found the application in scope). */
  async checksOfMember(memberId: string, page: PageQuery): Promise<Page<AgencyCheckView>> {
    const q = this.checks.createQueryBuilder('k').where('k.memberId = :memberId', { memberId });
    return keysetPage(q, page, { time: 'k.requestedAt', id: 'k.id', positionOf: (k) => ({ t: k.requestedAt, id: k.id }) }, toAgencyCheckView);
  }

  async check(id: string, principal: Principal): Promise<AgencyCheckView> {
    const check = requireInScope(await this.checks.findOneBy({ id }), (k) => k.orgUnitPath, principal, `核验记录不存在 / Agency check ${id} not found`);
    return toAgencyCheckView(check);
  }

  async run(fileId: string, request: RunChecksRequest, principal: Principal): Promise<AgencyCheckView[]> {
    const kinds = [...new Set(request.kinds)];
    const { consent, checks } = await this.transaction.run(async (tx) => {
      const file = await this.files.findInScope(fileId, principal, tx);
      if (file.status !== 'open') throw fileNotOpen({ reason: 'file-closed', status: 'closed' });
      const found = await tx.getRepository(AgencyConsent).findOne({ where: { id: request.consentId, fileId: file.id }, lock: { mode: 'pessimistic_read' } });
      if (!found) throw Problem.notFound(`该档案无此授权 / No consent ${request.consentId} on this file`);
      this.requireAllowed(found, kinds);
      const now = new Date();
      const created = kinds.map<AgencyCheck>((kind) => ({
        id: randomUUID(),
        consentId: found.id,
        fileId: file.id,
        memberId: file.memberId,
        orgUnitPath: file.orgUnitPath,
        kind,
        agency: AGENCIES[kind].agency,
        status: 'pending',
        attempts: 1,
        result: null,
        agencyReference: null,
        source: null,
        checkedAt: null,
        failureReason: null,
        requestedBy: principal.username,
        requestedAt: now,
        lastAttemptAt: now,
      }));
      await tx.insert(AgencyCheck, created);
      return { consent: found, checks: created };
    });
    const signer = this.openSigner(consent);
    return Promise.all(checks.map((c) => this.ask(c, consent, signer)));
  }

  async retry(id: string, principal: Principal): Promise<AgencyCheckView> {
    const { check, consent } = await this.transaction.run(async (tx) => {
      const found = await tx.getRepository(AgencyCheck).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      const check = requireInScope(found, (k) => k.orgUnitPath, principal, `核验记录不存在 / Agency check ${id} not found`);
      const now = new Date();
      if (!mayRetry(check, now, this.connector.timeoutMs)) {
        throw Problem.conflict('check-not-retryable', check.status === 'completed' ? '该核验已有结果 / The check already has its answer' : '该核验正在进行 / The check is under way');
      }
      const consent = await tx.getRepository(AgencyConsent).findOneByOrFail({ id: check.consentId });
      this.requireAllowed(consent, [check.kind]);
      const changes = { status: 'pending' as const, attempts: check.attempts + 1, lastAttemptAt: now, failureReason: null };
      await tx.update(AgencyCheck, { id: check.id }, changes);
      return { check: { ...check, ...changes }, consent };
    });
    return this.ask(check, consent, this.openSigner(consent));
  }

  private requireAllowed(consent: AgencyConsent, kinds: CheckKind[]): void {
    const decision = consentAllows({ ...consent, revoked: consent.revokedAt !== null }, kinds, chinaDate(new Date()));
    if (!decision.ok) throw consentRefusal(decision);
  }

  private openSigner(consent: AgencyConsent): Signer {
    return JSON.parse(this.vault.decrypt(consent.signerCipher)) as Signer;
  }

  /** Ask the agency and record its answer (or why there is none) on this attempt of the check. */
  private async ask(check: AgencyCheck, consent: AgencyConsent, signer: Signer): Promise<AgencyCheckView> {
    const answer = await this.connector
      .check({ checkId: check.id, kind: check.kind, nationalId: signer.nationalId, name: signer.name, consent: { id: consent.id, expiresOn: consent.expiresOn } })
      .catch(() => ({ ok: false as const, reason: '调用部门接口出错 / the agency call failed' }));
    const changes: Partial<AgencyCheck> = answer.ok
      ? { status: 'completed', result: answer.result, agencyReference: answer.reference, source: answer.source, checkedAt: answer.checkedAt, failureReason: null }
      : { status: 'failed', failureReason: answer.reason };
    if (!answer.ok) this.logger.warn(`agency check ${check.id} (${check.kind}) failed, attempt ${check.attempts}`);
    // only this attempt's answer counts: a retry started meanwhile has moved the attempts on
    await this.checks.update({ id: check.id, status: 'pending', attempts: check.attempts }, changes);
    return toAgencyCheckView((await this.checks.findOneBy({ id: check.id }))!);
  }

  private async consentInScope(tx: Tx, id: string, principal: Principal): Promise<AgencyConsent> {
    const found = await tx.getRepository(AgencyConsent).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return requireInScope(found, (c) => c.orgUnitPath, principal, `授权不存在 / Consent ${id} not found`);
  }
}
