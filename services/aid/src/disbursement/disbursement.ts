import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Workbook } from 'exceljs';
import { AidApplicationDisbursedV1 } from '@gonghui/contracts';
import { Principal } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaDate, Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { bankAccountsForPayment } from '../bank-accounts/bank-accounts';
import { BudgetLedger } from '../budgets/budget-ledger';
import { BudgetsRepository } from '../budgets/budgets.repository';
import { followUpDueOn, nextStage } from '../applications/domain/application';
import { AidApplication } from '../applications/application.entity';
import { ApplicationsRepository } from '../applications/applications.repository';
import { clockSettings } from '../applications/clock-settings';
import { wrongStage } from '../applications/stage-problems';
import { claimLedgerNote, MedicalMutualAid } from '../medical-mutual-aid/medical-mutual-aid';
import { checkResultFile, csvLine, EXPORT_HEADER, exportRow, PaymentLine, ResultLine, yuan } from './domain/bank-file';
import { ImportResultsView, PaymentBatchView, PaymentInstructionView, toBatchView, toInstructionView } from './payment.dto';
import { PaymentBatch, PaymentBatchExport, PaymentInstruction } from './payment.entity';
import { PaymentsRepository } from './payments.repository';

const KIND_MEMO: Record<string, string> = { living: '生活救助', medical: '医疗救助', education: '助学', emergency: '应急救助' };
const STATUS_LABELS: Record<string, string> = { pending: '待发放', paid: '已发放', failed: '发放失败', reissued: '已重发' };

/**
 * Use cases of disbursement (发放): approved amounts (applications, hazard-report rewards, medical
 * mutual-aid claims) become payment instructions in a batch per budget; the batch is exported for
 * the bank; the bank's result file settles each instruction (paid: the reservation is spent and the
 * application disbursed, the reward or claim paid; failed: re-issued once corrected). Every fen is
 * traceable: ledger entry → instruction → application, reward or claim → member.
 */
@Injectable()
export class Disbursement {
  constructor(
    private readonly transaction: TransactionBoundary,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly payments: PaymentsRepository,
    private readonly budgets: BudgetsRepository,
    private readonly ledger: BudgetLedger,
    private readonly applications: ApplicationsRepository,
    private readonly medical: MedicalMutualAid,
  ) {}

  /** Gather the budget's approved applications, payable rewards and approved medical claims that have no instruction yet into a new batch. */
  createBatch(budgetId: string, principal: Principal): Promise<PaymentBatchView> {
    return this.transaction.run(
      async (tx) => {
        const budget = await this.budgets.findInScope(budgetId, principal, tx).catch(() => {
          throw new Problem(404, 'not-found', '未找到 / Not found', `资金不存在 / Budget ${budgetId} not found`, [{ field: 'budgetId', message: '未知资金 / unknown budget' }]);
        });
        // one batch at a time per budget: the row lock makes a second gathering wait and find nothing left
        await tx.query('SELECT 1 FROM budgets WHERE id = $1 FOR UPDATE', [budget.id]);
        const batch: PaymentBatch = { id: randomUUID(), budgetId: budget.id, orgUnitPath: budget.orgUnitPath, createdBy: principal.username, createdAt: new Date() };
        await tx.insert(PaymentBatch, batch);
        // Hand-written: set-based gathering (a city's campaign is 16,000 people in one statement)
        const gathered: { id: string }[] = await tx.query(
          `INSERT INTO payment_instructions (id, batch_id, budget_id, application_id, member_id, org_unit_path, amount_fen, status, created_at)
           SELECT gen_random_uuid(), $1, a.budget_id, a.id, a.member_id, a.org_unit_path, a.approved_amount_fen, 'pending', $2
             FROM aid_applications a
            WHERE a.budget_id = $3 AND a.stage = 'approved'
              AND NOT EXISTS (SELECT 1 FROM payment_instructions p WHERE p.application_id = a.id AND p.status <> 'reissued')
           RETURNING id`,
          [batch.id, batch.createdAt, budget.id],
        );
        // and the hazard-report rewards reserved on this budget whose payee is named
        const rewards: { id: string }[] = await tx.query(
          `INSERT INTO payment_instructions (id, batch_id, budget_id, hazard_reward_id, member_id, org_unit_path, amount_fen, status, created_at)
           SELECT gen_random_uuid(), $1, r.budget_id, r.id, r.member_id, r.org_unit_path, r.reward_fen, 'pending', $2
             FROM hazard_rewards r
            WHERE r.budget_id = $3 AND r.status = 'payable'
              AND NOT EXISTS (SELECT 1 FROM payment_instructions p WHERE p.hazard_reward_id = r.id AND p.status <> 'reissued')
           RETURNING id`,
          [batch.id, batch.createdAt, budget.id],
        );
        // and the approved medical mutual-aid claims of the plans paid from this budget; FOR UPDATE:
        // a claim paid by hand at the same moment is either gathered (and its payment by hand
        // refused) or paid by hand (and not gathered), never both
        const claims: { id: string }[] = await tx.query(
          `INSERT INTO payment_instructions (id, batch_id, budget_id, medical_claim_id, member_id, org_unit_path, amount_fen, status, created_at)
           SELECT gen_random_uuid(), $1, p.budget_id, c.id, c.member_id, c.org_unit_path, c.reimbursement_fen, 'pending', $2
             FROM medical_claims c JOIN medical_plans p ON p.id = c.plan_id
            WHERE p.budget_id = $3 AND c.status = 'approved'
              AND NOT EXISTS (SELECT 1 FROM payment_instructions i WHERE i.medical_claim_id = c.id AND i.status <> 'reissued')
              FOR UPDATE OF c
           RETURNING medical_claim_id AS id`,
          [batch.id, batch.createdAt, budget.id],
        );
        if (claims.length > 0) await tx.query('UPDATE medical_claims SET payment_batch_id = $1 WHERE id = ANY($2)', [batch.id, claims.map((c) => c.id)]);
        if (gathered.length + rewards.length + claims.length === 0) {
          throw Problem.unprocessable('nothing-to-pay', '该资金没有待发放的已批准申请、奖励或医疗互助报销 / The budget has no approved applications, rewards or medical claims waiting for payment');
        }
        return toBatchView(batch, await this.payments.stats(batch.id, tx));
      },
      {
        payment_instructions_one_live_per_application: () => Problem.conflict('batch-in-progress', '另一发放批次正在生成 / Another batch is being gathered'),
        payment_instructions_one_live_per_claim: () => Problem.conflict('batch-in-progress', '另一发放批次正在生成 / Another batch is being gathered'),
      },
    );
  }

  /**
   * The bank's payment file of the batch's pending instructions, CSV or XLSX, with full account
   * names and numbers (the only place they leave the service). Refused, naming them, when a
   * member has no bank account on record. The export is logged.
   */
  async exportFile(batchId: string, format: 'csv' | 'xlsx', principal: Principal): Promise<StreamableFile> {
    const lines = await this.transaction.run(async (tx) => {
      const batch = await this.payments.batchInScope(batchId, principal, tx);
      const pending = await this.payments.pendingOf(tx, batch.id);
      if (pending.length === 0) throw Problem.unprocessable('nothing-to-export', '该批次没有待发放的指令 / The batch has no pending instructions');
      const accounts = await bankAccountsForPayment(tx, pending.map((p) => p.memberId));
      const missing = [...new Set(pending.filter((p) => !accounts.has(p.memberId)).map((p) => p.memberId))];
      if (missing.length > 0) {
        throw new Problem(
          422,
          'bank-account-missing',
          '缺少银行账户 / Bank accounts missing',
          `${missing.length} 名会员未登记银行账户 / ${missing.length} member(s) have no bank account on record`,
          missing.slice(0, 50).map((m) => ({ field: 'memberId', message: `会员 ${m} 未登记银行账户 / member ${m} has no bank account` })),
        );
      }
      const kinds = await this.kindsOf(tx, pending);
      await tx.insert(PaymentBatchExport, { id: randomUUID(), batchId: batch.id, format, lines: pending.length, exportedBy: principal.username, exportedAt: new Date() });
      return pending.map((p): PaymentLine => {
        const account = accounts.get(p.memberId)!;
        return { reference: p.id, accountName: account.accountName, accountNumber: account.accountNumber, bankName: account.bankName, amountFen: p.amountFen, memo: p.hazardRewardId ? '隐患举报奖励' : p.medicalClaimId ? '医疗互助报销' : `帮扶金-${KIND_MEMO[kinds.get(p.id) ?? ''] ?? '帮扶'}` };
      });
    });
    const name = `payment-batch-${batchId}`;
    if (format === 'csv') {
      const text = [csvLine(EXPORT_HEADER), ...lines.map((l) => csvLine(exportRow(l)))].join('\r\n') + '\r\n';
      // with a BOM, so that a spreadsheet opens the Chinese names right
      return new StreamableFile(Buffer.from(`\uFEFF${text}`, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${name}.csv"` });
    }
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('发放明细');
    sheet.columns = EXPORT_HEADER.map((key) => ({ header: key, key, width: key === 'reference' ? 38 : 22 }));
    for (const l of lines) {
      sheet.addRow({ reference: l.reference, accountName: l.accountName, accountNumber: l.accountNumber, bankName: l.bankName, amountYuan: yuan(l.amountFen), memo: l.memo });
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return new StreamableFile(buffer, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disposition: `attachment; filename="${name}.xlsx"` });
  }

  /** Settle the batch from the bank's result file: all lines or none. */
  importResults(batchId: string, content: string, principal: Principal, requestId?: string): Promise<ImportResultsView> {
    return this.transaction.run(async (tx) => {
      const batch = await this.payments.batchInScope(batchId, principal, tx, true);
      const checked = checkResultFile(content, await this.payments.statesOf(tx, batch.id));
      if (!checked.ok) throw Problem.badRequest('银行结果文件有误，未作任何处理 / The result file has errors; nothing was applied', checked.errors);
      const now = new Date();
      let paid = 0;
      for (const line of checked.lines) {
        if (line.status === 'paid') {
          await this.settlePaid(tx, line, principal, now, requestId);
          paid += 1;
        } else {
          // Hand-written: the update answers what the instruction pays, in the same statement
          const [rows]: [{ medical_claim_id: string | null }[], number] = await tx.query(
            `UPDATE payment_instructions SET status = 'failed', bank_reference = $2, failure_reason = $3, settled_at = $4 WHERE id = $1 AND status = 'pending' RETURNING medical_claim_id`,
            [line.reference, line.bankReference, line.reason, now],
          );
          if (rows[0]?.medical_claim_id) await this.medical.failedThroughBank(tx, rows[0].medical_claim_id, line.reason);
        }
      }
      return { paid, failed: checked.lines.length - paid };
    });
  }

  /** A failed payment, once corrected (e.g. the account), is re-issued as a new pending instruction of the same batch. */
  reissue(instructionId: string, principal: Principal): Promise<PaymentInstructionView> {
    return this.transaction.run(
      async (tx) => {
        const failed = await this.payments.instructionInScope(tx, instructionId, principal);
        if (failed.status !== 'failed') {
          throw Problem.conflict('wrong-status', `该指令当前为“${STATUS_LABELS[failed.status]}”，只有发放失败的指令可以重发 / The instruction is ${failed.status}; only a failed one can be re-issued`);
        }
        if (failed.applicationId) {
          const [application]: { stage: AidApplication['stage'] }[] = await tx.query('SELECT stage FROM aid_applications WHERE id = $1', [failed.applicationId]);
          if (application?.stage !== 'approved') throw wrongStage(application?.stage ?? 'cancelled', 'disburse');
        }
        if (failed.hazardRewardId) {
          const [reward]: { status: string }[] = await tx.query('SELECT status FROM hazard_rewards WHERE id = $1', [failed.hazardRewardId]);
          if (reward?.status !== 'payable') throw Problem.conflict('wrong-status', '该奖励不在待发放状态 / The reward is not payable');
        }
        // the claim awaits the bank again (409 if it was paid by hand meanwhile)
        if (failed.medicalClaimId) await this.medical.reissuedForPayment(tx, failed.medicalClaimId);
        await tx.update(PaymentInstruction, { id: failed.id }, { status: 'reissued' });
        const again: PaymentInstruction = {
          ...failed,
          id: randomUUID(),
          status: 'pending',
          bankReference: null,
          failureReason: null,
          reissueOf: failed.id,
          createdAt: new Date(),
          settledAt: null,
        };
        await tx.insert(PaymentInstruction, again);
        return toInstructionView(again);
      },
      { payment_instructions_one_reissue: () => Problem.conflict('already-reissued', '该指令已重发 / The instruction was already re-issued') },
    );
  }

  private async settlePaid(tx: Tx, line: ResultLine, principal: Principal, now: Date, requestId?: string): Promise<void> {
    const [, updated] = await tx.query(`UPDATE payment_instructions SET status = 'paid', bank_reference = $2, settled_at = $3 WHERE id = $1 AND status = 'pending'`, [line.reference, line.bankReference, now]);
    if (updated !== 1) throw Problem.conflict('already-settled', `指令 ${line.reference} 已结算 / Instruction ${line.reference} is settled already`);
    const instruction = (await tx.findOneBy(PaymentInstruction, { id: line.reference }))!;
    await this.ledger.move(
      tx,
      instruction.budgetId,
      'spend',
      instruction.amountFen,
      principal.username,
      {
        applicationId: instruction.applicationId ?? undefined,
        hazardRewardId: instruction.hazardRewardId ?? undefined,
        paymentInstructionId: instruction.id,
        note: instruction.medicalClaimId ? claimLedgerNote(instruction.medicalClaimId) : undefined,
      },
      now,
    );
    if (instruction.medicalClaimId) {
      await this.medical.paidThroughBank(tx, instruction.medicalClaimId, line.bankReference, now, requestId);
      return;
    }
    if (instruction.hazardRewardId) {
      await tx.query(`UPDATE hazard_rewards SET status = 'paid', paid_at = $2 WHERE id = $1`, [instruction.hazardRewardId, now]);
      return;
    }
    if (!instruction.applicationId) return;
    const application = await tx.getRepository(AidApplication).findOne({ where: { id: instruction.applicationId }, lock: { mode: 'pessimistic_write' } });
    if (!application) return;
    const outcome = nextStage(application, 'disburse');
    if (!outcome.ok) throw wrongStage(application.stage, 'disburse');
    const dueOn = followUpDueOn(chinaDate(now), clockSettings().followUpDays, application.campaignId !== null);
    await this.applications.update(tx, application.id, { stage: outcome.to, paidAt: now, followUpDueOn: dueOn });
    await this.applications.recordStep(tx, application.id, 'disburse', application.stage, outcome.to, principal.username, now);
    if (application.hardshipFileId) {
      // the file shows when its household was last helped (aid-files' column; same transaction)
      await tx.query('UPDATE hardship_files SET last_helped_at = $2 WHERE id = $1', [application.hardshipFileId, now]);
    }
    await this.runtime.outbox.record(
      tx,
      AidApplicationDisbursedV1,
      {
        applicationId: application.id,
        memberId: application.memberId,
        orgUnitId: application.orgUnitId,
        kind: application.kind,
        budgetId: instruction.budgetId,
        paidAmountFen: instruction.amountFen,
        paidAt: now.toISOString(),
      },
      { correlationId: requestId },
    );
  }

  private async kindsOf(tx: Tx, instructions: PaymentInstruction[]): Promise<Map<string, string>> {
    const rows: { id: string; kind: string }[] = await tx.query(
      'SELECT p.id, a.kind FROM payment_instructions p JOIN aid_applications a ON a.id = p.application_id WHERE p.id = ANY($1)',
      [instructions.map((i) => i.id)],
    );
    return new Map(rows.map((r) => [r.id, r.kind]));
  }
}
