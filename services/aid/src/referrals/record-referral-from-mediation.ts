import { randomUUID } from 'node:crypto';
import { AidReferralRecordedV1, DisputeCaseSettledV1 } from '@gonghui/contracts';
import { on, Outbox, Subscription } from '@gonghui/messaging';

/**
 * A settled mediation case can reveal hardship: the worker is referred to aid for a check.
 * One referral per case (the case id is unique), announced as aid.referral.recorded.
 */
export function recordReferralFromMediation(outbox: Outbox): Subscription {
  return on(DisputeCaseSettledV1, async (tx, event) => {
    const settled = event.data;
    const { rows } = await tx.query<{ id: string; recorded_at: Date }>(
      `INSERT INTO referrals (id, member_id, source, source_case_id, agreed_amount_fen)
       VALUES ($1, $2, 'mediation', $3, $4)
       ON CONFLICT (source_case_id) DO NOTHING
       RETURNING id, recorded_at`,
      [randomUUID(), settled.memberId, settled.caseId, settled.totalAmountFen],
    );
    if (rows.length === 0) return;
    await outbox.record(
      tx,
      AidReferralRecordedV1,
      { referralId: rows[0].id, memberId: settled.memberId, source: 'mediation', sourceCaseId: settled.caseId, recordedAt: rows[0].recorded_at.toISOString() },
      { correlationId: event.correlationid, causationId: event.id },
    );
  });
}
