import { Injectable, StreamableFile } from '@nestjs/common';
import { Principal } from '@gonghui/auth';
import { PersonalDataVault } from '@gonghui/identifiers';
import { Tx } from '@gonghui/persistence';
import { chinaDate, Problem, TransactionBoundary } from '@gonghui/service-kit';
import { Agreement } from '../cases/agreement.entity';
import { DisputeCase } from '../cases/case.entity';
import { CaseView } from '../cases/case.dto';
import { CasesRepository, toCaseView } from '../cases/cases.repository';
import { caseNotOpen } from '../cases/settle-case';
import { addSignature, recordConfirmationOutcome, requestConfirmation } from '../cases/domain/agreement';
import { isCalendarDate } from '../cases/domain/calendar';
import { Obligation } from '../follow-up/obligation.entity';
import { ConfirmationOutcomeRequest, RequestConfirmationRequest, SignAgreementRequest } from './agreement.dto';
import { fenToYuanText, pdfFontAvailable, renderAgreementPdf } from './agreement-pdf';

const CLAIM_LABELS: Record<string, string> = {
  'unpaid-wages': '拖欠工资',
  'social-insurance': '社会保险',
  'work-injury': '工伤待遇',
  'termination-compensation': '解除劳动合同经济补偿',
  overtime: '加班费',
  maternity: '生育待遇',
  other: '其他',
};
const PARTY_LABELS = { employer: '用人单位', worker: '职工' } as const;

function notYetSettled(c: DisputeCase): Problem {
  return Problem.conflict('no-agreement', `案件尚无调解协议（${c.status === 'open' ? '调解中' : c.status}） / The case has no mediation agreement (${c.status})`);
}

function checkDate(field: string, value: string, today: string): void {
  if (!isCalendarDate(value) || value > today) throw Problem.badRequest(`${field} 无效或晚于今天 / ${field} is not a date or is after today`, [{ field, message: '须为不晚于今天的日期 / a date not after today' }]);
}

/**
 * Use cases on a signed agreement: the parties' signatures, judicial confirmation (司法确认) and
 * its outcome while the agreement is being performed, and the printable agreement.
 */
@Injectable()
export class AgreementActions {
  constructor(
    private readonly transaction: TransactionBoundary,
    private readonly cases: CasesRepository,
    private readonly vault: PersonalDataVault,
  ) {}

  private async agreementFor(tx: Tx, caseId: string, principal: Principal): Promise<{ theCase: DisputeCase; agreement: Agreement }> {
    const theCase = await this.cases.findInScopeForUpdate(tx, caseId, principal);
    const agreement = await tx.getRepository(Agreement).findOneBy({ caseId });
    if (!agreement) throw notYetSettled(theCase);
    if (theCase.status !== 'settled') throw caseNotOpen(theCase.status);
    return { theCase, agreement };
  }

  sign(caseId: string, request: SignAgreementRequest, principal: Principal): Promise<CaseView> {
    const today = chinaDate(new Date());
    const signedOn = request.signedOn ?? today;
    checkDate('signedOn', signedOn, today);
    return this.transaction.run(async (tx) => {
      const { theCase, agreement } = await this.agreementFor(tx, caseId, principal);
      const outcome = addSignature(agreement.signatures, { party: request.party, signer: request.signer, signedOn });
      if (!outcome.ok) throw Problem.conflict('already-signed', `${request.signer.trim()} 已代表该方签字 / ${request.signer.trim()} has already signed for this party`);
      await tx.update(Agreement, { id: agreement.id }, { signatures: outcome.signatures });
      return toCaseView({ ...theCase, agreement: { ...agreement, signatures: outcome.signatures } });
    });
  }

  requestConfirmation(caseId: string, request: RequestConfirmationRequest, principal: Principal): Promise<CaseView> {
    const today = chinaDate(new Date());
    const requestedOn = request.requestedOn ?? today;
    checkDate('requestedOn', requestedOn, today);
    return this.transaction.run(async (tx) => {
      const { theCase, agreement } = await this.agreementFor(tx, caseId, principal);
      const outcome = requestConfirmation(agreement.judicialConfirmation, { court: request.court, requestedOn, agreementSignedOn: chinaDate(agreement.signedAt) });
      if (!outcome.ok) {
        if (outcome.reason === 'before-agreement') throw Problem.badRequest('申请日期早于协议签订 / requestedOn is before the agreement', [{ field: 'requestedOn', message: '不能早于协议签订日期 / not before the agreement' }]);
        throw Problem.conflict('confirmation-requested', `已申请司法确认（${outcome.outcome === 'confirmed' ? '已确认' : '待裁定'}） / Judicial confirmation was already requested (${outcome.outcome})`);
      }
      await tx.update(Agreement, { id: agreement.id }, { judicialConfirmation: outcome.confirmation });
      return toCaseView({ ...theCase, agreement: { ...agreement, judicialConfirmation: outcome.confirmation } });
    });
  }

  recordOutcome(caseId: string, request: ConfirmationOutcomeRequest, principal: Principal): Promise<CaseView> {
    const today = chinaDate(new Date());
    const decidedOn = request.decidedOn ?? today;
    checkDate('decidedOn', decidedOn, today);
    return this.transaction.run(async (tx) => {
      const { theCase, agreement } = await this.agreementFor(tx, caseId, principal);
      const outcome = recordConfirmationOutcome(agreement.judicialConfirmation, { outcome: request.outcome, decidedOn });
      if (!outcome.ok) {
        if (outcome.reason === 'before-request') throw Problem.badRequest('裁定日期早于申请日期 / decidedOn is before the request', [{ field: 'decidedOn', message: '不能早于申请日期 / not before the request' }]);
        throw Problem.conflict(
          'confirmation-state',
          outcome.reason === 'not-requested' ? '尚未申请司法确认 / Judicial confirmation was not requested' : '司法确认已有裁定 / The confirmation was already decided',
        );
      }
      await tx.update(Agreement, { id: agreement.id }, { judicialConfirmation: outcome.confirmation });
      return toCaseView({ ...theCase, agreement: { ...agreement, judicialConfirmation: outcome.confirmation } });
    });
  }

  /** The printable agreement; non-members' names opened from the vault for the paper the parties sign. */
  async pdf(caseId: string, principal: Principal): Promise<StreamableFile> {
    const theCase = await this.cases.findInScope(caseId, principal);
    const agreement = theCase.agreement;
    if (!agreement) throw notYetSettled(theCase);
    if (!pdfFontAvailable()) throw new Problem(503, 'pdf-font-missing', '暂不能生成 PDF / PDF not available', '服务器缺少中文字体 / The server lacks the CJK font');
    const db = this.cases.dataSource;
    const obligations = await db.getRepository(Obligation).find({ where: { caseId }, order: { seq: 'ASC' } });
    const mediators = (await db.query('SELECT m.name, pm.role FROM panel_members pm JOIN mediators m ON m.id = pm.mediator_id WHERE pm.case_id = $1 ORDER BY pm.role DESC, m.name', [caseId])) as {
      name: string;
      role: string;
    }[];
    const centre = (await db.query('SELECT m.centre_name FROM panel_members pm JOIN mediators m ON m.id = pm.mediator_id WHERE pm.case_id = $1 AND pm.role = $2', [caseId, 'lead'])) as { centre_name: string }[];
    const buffer = await renderAgreementPdf({
      caseNo: `调协字〔${chinaDate(agreement.signedAt).slice(0, 4)}〕${theCase.id.slice(0, 8).toUpperCase()}号`,
      centreName: centre[0]?.centre_name ?? '劳动争议调解中心',
      workers: theCase.workers.map((w) => (w.sealedName ? this.vault.decrypt(w.sealedName) : `会员（编号 ${w.memberId!.slice(0, 8)}）`)),
      employer: { name: theCase.employerName, creditCode: theCase.employerCreditCode },
      summary: theCase.summary,
      claims: theCase.claims.map((c) => `请求事项：${CLAIM_LABELS[c.type] ?? c.type}${c.amountFen !== null ? `，${fenToYuanText(c.amountFen)}` : ''}${c.description ? `（${c.description}）` : ''}`),
      obligations: obligations.map((o) => ({
        description: o.description,
        payer: PARTY_LABELS[o.payer],
        payee: PARTY_LABELS[o.payee],
        amount: o.amountFen === null ? null : fenToYuanText(Number(o.amountFen)),
        dueDate: o.dueDate,
      })),
      signatures: agreement.signatures ?? [],
      mediators: mediators.map((m) => (m.role === 'lead' ? `${m.name}（首席）` : m.name)),
      signedOn: chinaDate(agreement.signedAt),
      judicialConfirmation: agreement.judicialConfirmation
        ? `${agreement.judicialConfirmation.court}，${agreement.judicialConfirmation.requestedOn} 申请，${{ pending: '待裁定', confirmed: '裁定确认有效', rejected: '裁定驳回' }[agreement.judicialConfirmation.outcome]}`
        : null,
    });
    return new StreamableFile(buffer, { type: 'application/pdf', disposition: `inline; filename="agreement-${theCase.id}.pdf"` });
  }
}
