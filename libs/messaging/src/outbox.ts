import { assertValidEventData, EventContract } from '@gonghui/contracts';
import { Tx } from '@gonghui/persistence';
import { currentTraceparent } from '@gonghui/observability';
import { newEventId } from './cloud-event';

export interface EventMetadata {
  /** Request id of the HTTP request (x-request-id) that caused this change. */
  correlationId?: string;
  /** Id of the event whose handling caused this change. */
  causationId?: string;
  /** W3C traceparent of the span recording the event; by default the current request's or event's. */
  traceparent?: string;
}

/** The columns of one outbox row, in the order of `Outbox.prepare`'s values (occurred_at is now()). */
export const OUTBOX_ROW_COLUMNS = 'event_id, topic, message_key, event_type, source, occurred_at, data, correlation_id, causation_id, traceparent';

/** The value list for OUTBOX_ROW_COLUMNS with `Outbox.prepare`'s nine values as parameters $first… */
export function outboxRowValues(first: number): string {
  const $ = (i: number) => `$${first + i}`;
  return `${$(0)}::uuid, ${$(1)}, ${$(2)}, ${$(3)}, ${$(4)}, now(), ${$(5)}::jsonb, ${$(6)}, ${$(7)}, ${$(8)}`;
}

/**
 * Writes events into the outbox inside the caller's transaction, so the state change and its
 * announcement commit or roll back together. The data is validated against the contract first:
 * a change whose event would break the contract does not commit.
 */
export class Outbox {
  constructor(private readonly source: string) {}

  async record<T>(tx: Tx, contract: EventContract<T>, data: T, meta: EventMetadata = {}): Promise<string> {
    const values = this.prepare(contract, data, meta);
    // Hand-written: one plain INSERT; the repository's insert() would add a RETURNING of seq.
    await tx.query(`INSERT INTO outbox (${OUTBOX_ROW_COLUMNS}) VALUES (${outboxRowValues(1)})`, values);
    return values[0] as string;
  }

  /**
   * Check an event against its contract and give the nine values of its outbox row, for a
   * statement that inserts the row together with the change it announces (one round trip
   * instead of a transaction of several): `INSERT INTO outbox (OUTBOX_ROW_COLUMNS) SELECT
   * outboxRowValues(n) WHERE <the change happened>`.
   */
  prepare<T>(contract: EventContract<T>, data: T, meta: EventMetadata = {}): unknown[] {
    assertValidEventData(contract, data);
    const key = String((data as Record<string, unknown>)[contract.keyField]);
    return [newEventId(), contract.topic, key, contract.type, this.source, JSON.stringify(data), meta.correlationId ?? null, meta.causationId ?? null, meta.traceparent ?? currentTraceparent() ?? null];
  }

  /** Many events of one type in one statement (bulk work such as a roster), in the order given. */
  async recordMany<T>(tx: Tx, contract: EventContract<T>, items: T[], meta: EventMetadata = {}): Promise<void> {
    if (items.length === 0) return;
    for (const data of items) assertValidEventData(contract, data);
    // Hand-written: set-based, a whole roster's events in one statement.
    await tx.query(
      `INSERT INTO outbox (${OUTBOX_ROW_COLUMNS})
       SELECT e.id, $1, e.key, $2, $3, now(), e.data, $4, $5, $9
         FROM unnest($6::uuid[], $7::text[], $8::jsonb[]) WITH ORDINALITY AS e(id, key, data, n)
        ORDER BY e.n`,
      [
        contract.topic,
        contract.type,
        this.source,
        meta.correlationId ?? null,
        meta.causationId ?? null,
        items.map(() => newEventId()),
        items.map((data) => String((data as Record<string, unknown>)[contract.keyField])),
        items.map((data) => JSON.stringify(data)),
        meta.traceparent ?? currentTraceparent() ?? null,
      ],
    );
  }
}
