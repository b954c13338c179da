import { assertValidEventData, EventContract } from '@gonghui/contracts';
import { Migration, Tx } from '@gonghui/persistence';
import { newEventId } from './cloud-event';
import { messagingRetentionMigration } from './retention';

/**
 * Tables every service's schema needs for messaging: the outbox its state changes write events
 * to, and the inbox its consumers record handled event ids in. Services list this migration
 * first in their own migrations.
 */
export const messagingMigration: Migration = {
  name: '0000_messaging',
  sql: `
    CREATE TABLE outbox (
      seq            bigserial PRIMARY KEY,
      event_id       uuid NOT NULL UNIQUE,
      topic          text NOT NULL,
      message_key    text NOT NULL,
      event_type     text NOT NULL,
      source         text NOT NULL,
      occurred_at    timestamptz NOT NULL,
      data           jsonb NOT NULL,
      correlation_id text,
      causation_id   text,
      published_at   timestamptz
    );
    CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;

    CREATE TABLE inbox (
      consumer   text NOT NULL,
      event_id   text NOT NULL,
      event_type text NOT NULL,
      handled_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    );
  `,
};

/**
 * Every insert into the outbox wakes the relay (NOTIFY outbox, '<schema>') from a statement
 * trigger, so writers need no extra round trip; the relay still polls if a notification is lost.
 */
export const outboxNotifyMigration: Migration = {
  name: '0000_messaging_notify',
  sql: `
    CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('outbox', TG_TABLE_SCHEMA);
      RETURN NULL;
    END $$;
    CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox();
  `,
};

/**
 * Upkeep of an outbox that takes hundreds of events a second. It keeps its rows (marked
 * published) for the messaging retention, so it holds millions, and every published row leaves a
 * dead entry in the index of unpublished rows until vacuum removes it; by default autovacuum waits for a fifth of the
 * table to be dead, which on a table of millions of events means millions of dead entries to
 * step over, so it is vacuumed after a fixed number instead. And the unique index on event_id,
 * which nothing looks events up by, cost every insert and every publication a write at a random
 * place in a large index; event ids are random UUIDs, unique without it.
 */
export const outboxUpkeepMigration: Migration = {
  name: '0000_messaging_outbox_upkeep',
  sql: `
    ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);
    ALTER TABLE outbox DROP CONSTRAINT outbox_event_id_key;
  `,
};

/** The messaging tables and triggers, to list first in every service's migrations. */
export const messagingMigrations: readonly Migration[] = [messagingMigration, outboxNotifyMigration, outboxUpkeepMigration, messagingRetentionMigration];

export interface EventMetadata {
  /** Request id of the HTTP request (x-request-id) that caused this change. */
  correlationId?: string;
  /** Id of the event whose handling caused this change. */
  causationId?: string;
}

/** The columns of one outbox row, in the order of `Outbox.prepare`'s values (occurred_at is now()). */
export const OUTBOX_ROW_COLUMNS = 'event_id, topic, message_key, event_type, source, occurred_at, data, correlation_id, causation_id';

/** The value list for OUTBOX_ROW_COLUMNS with `Outbox.prepare`'s eight values as parameters $first… */
export function outboxRowValues(first: number): string {
  const $ = (i: number) => `$${first + i}`;
  return `${$(0)}::uuid, ${$(1)}, ${$(2)}, ${$(3)}, ${$(4)}, now(), ${$(5)}::jsonb, ${$(6)}, ${$(7)}`;
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
    await tx.query(`INSERT INTO outbox (${OUTBOX_ROW_COLUMNS}) VALUES (${outboxRowValues(1)})`, values);
    return values[0] as string;
  }

  /**
   * Check an event against its contract and give the eight values of its outbox row, for a
   * statement that inserts the row together with the change it announces (one round trip
   * instead of a transaction of several): `INSERT INTO outbox (OUTBOX_ROW_COLUMNS) SELECT
   * outboxRowValues(n) WHERE <the change happened>`.
   */
  prepare<T>(contract: EventContract<T>, data: T, meta: EventMetadata = {}): unknown[] {
    assertValidEventData(contract, data);
    const key = String((data as Record<string, unknown>)[contract.keyField]);
    return [newEventId(), contract.topic, key, contract.type, this.source, JSON.stringify(data), meta.correlationId ?? null, meta.causationId ?? null];
  }

  /** Many events of one type in one statement (bulk work such as a roster), in the order given. */
  async recordMany<T>(tx: Tx, contract: EventContract<T>, items: T[], meta: EventMetadata = {}): Promise<void> {
    if (items.length === 0) return;
    for (const data of items) assertValidEventData(contract, data);
    await tx.query(
      `INSERT INTO outbox (${OUTBOX_ROW_COLUMNS})
       SELECT e.id, $1, e.key, $2, $3, now(), e.data, $4, $5
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
      ],
    );
  }
}
