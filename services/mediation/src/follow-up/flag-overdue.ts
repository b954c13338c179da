import { Inject, Injectable } from '@nestjs/common';
import { MediationObligationOverdueV1 } from '@gonghui/contracts';
import { Principal, scopeLikePattern } from '@gonghui/auth';
import { chinaDate, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { Obligation } from './obligation.entity';
import { FlagOverdueResult } from './follow-up.dto';
import { stateOf } from './follow-up.repository';
import { DEFAULT_OVERDUE_DAYS, outstandingFen, overdueIfDueOnOrBefore, overdueToFlag } from './domain/obligation';

/**
 * Use case (a job a scheduler calls, e.g. daily): flag the obligations of settled cases in the
 * caller's subtree overdue by N days, once each, schedule a follow-up visit, announce each. Rows
 * are locked and skipped when another run holds them, so runs can overlap.
 */
@Injectable()
export class FlagOverdue {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
  ) {}

  execute(principal: Principal, overdueDays: number = DEFAULT_OVERDUE_DAYS, now: Date = new Date()): Promise<FlagOverdueResult> {
    const today = chinaDate(now);
    return this.transaction.run(async (tx) => {
      // Set-based pick through the partial index obligations_pending_due; one row per obligation.
      const rows = (await tx.query(
        `SELECT o.id, c.org_unit_path FROM obligations o JOIN cases c ON c.id = o.case_id
          WHERE o.status = 'pending' AND o.overdue_flagged_on IS NULL AND o.due_date <= $1
            AND c.status = 'settled' AND c.org_unit_path LIKE $2
          ORDER BY o.due_date, o.id LIMIT 1000
          FOR UPDATE OF o SKIP LOCKED`,
        [overdueIfDueOnOrBefore(today, overdueDays), scopeLikePattern(principal)],
      )) as { id: string; org_unit_path: string }[];
      let flagged = 0;
      for (const row of rows) {
        const obligation = (await tx.getRepository(Obligation).findOneBy({ id: row.id }))!;
        const flag = overdueToFlag(stateOf(obligation), today, overdueDays);
        if (!flag) continue;
        await tx.update(Obligation, { id: obligation.id }, { overdueFlaggedOn: today, followUpOn: flag.followUpOn });
        const state = stateOf(obligation);
        await this.runtime.outbox.record(tx, MediationObligationOverdueV1, {
          obligationId: obligation.id,
          caseId: obligation.caseId,
          orgUnitPath: row.org_unit_path,
          dueDate: obligation.dueDate!,
          daysOverdue: flag.daysOverdue,
          outstandingFen: state.amountFen === null ? null : outstandingFen(state),
          followUpOn: flag.followUpOn,
        });
        flagged++;
      }
      return { flagged, today };
    });
  }
}
