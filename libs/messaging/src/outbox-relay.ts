import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { eventsPublished, parseTraceparent, formatTraceparent, outboxBacklog, outboxOldestAge, SpanKind, startSpan } from '@gonghui/observability';
import { openDedicatedConnection } from '@gonghui/persistence';
import { toBinaryMode } from './cloud-event';
import { EventPublisher, OutboundMessage } from './publisher';
import { KafkaLog } from './kafka';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  publisher: EventPublisher;
  /** The schema whose outbox this relay drains (also names its advisory lock). */
  schema: string;
  topicPrefix: string;
  log: KafkaLog & { log?(message: string): void };
  batchSize?: number;
  idlePollMs?: number;
  /** After a wake-up, wait this long (default 20 ms) so that events committed about together go out in one batch. */
  lingerMs?: number;
  /** How often a read starts from the beginning to catch rows committed late (default 1 s). */
  sweepMs?: number;
  maxBackoffMs?: number;
}

interface OutboxRow {
  seq: string;
  event_id: string;
  topic: string;
  message_key: string;
  event_type: string;
  source: string;
  occurred_at: Date;
  data: unknown;
  correlation_id: string | null;
  causation_id: string | null;
  traceparent: string | null;
}

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them published.
 *
 * One relay per schema works at a time: the one whose connection holds the schema's advisory
 * lock, for as long as that connection lives. Rows go out in `seq` order, and a row is marked
 * only after the broker acknowledged it. If Kafka is down the batch stays unpublished and is
 * retried with backoff, so nothing is lost or reordered; the publisher keeps a retried batch
 * from being written twice (see KafkaEventPublisher). A drain costs two statements (read, mark) on the relay's own
 * connection, which also listens for new rows.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** A new row was announced since the relay last read the outbox. */
  private notified = false;
  /** The highest seq published so far: reads start after it, except a full sweep now and then. */
  private publishedUpTo = '0';
  private lastSweep = 0;
  /** The relay's own connection: LISTENs for new rows and, once it won it, holds the lock. */
  private connection: Client | null = null;
  private leading = false;
  private failures = 0;
  private lastError: string | null = null;

  constructor(private readonly options: OutboxRelayOptions) {}

  private get batchSize(): number {
    return this.options.batchSize ?? 500;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.dropConnection();
  }

  /** For /health: how far behind the relay is. */
  async status(): Promise<{ pending: number; lastError: string | null }> {
    const [{ n }] = await this.options.dataSource.query('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL');
    return { pending: Number(n), lastError: this.lastError };
  }

  /** For /metrics: the backlog and the age of its oldest row (read through the partial index of unpublished rows). */
  async observeBacklog(): Promise<void> {
    const [row] = await this.options.dataSource.query(
      `SELECT count(*) AS n, COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0) AS age FROM outbox WHERE published_at IS NULL`,
    );
    outboxBacklog.set(Number(row.n));
    outboxOldestAge.set(Math.max(0, Number(row.age)));
  }

  /** Publish whatever is pending now; returns how many rows went out (0 when another replica leads). */
  async drainOnce(): Promise<number> {
    const client = await this.lead();
    if (!client) return 0;
    // Published rows leave dead entries in the index of unpublished ones until vacuum, so a read
    // from the start steps over all of them; reads start after the last seq published instead.
    // A row can still commit after rows with higher seqs went out (a long transaction such as a
    // roster's took its seq earlier): a full sweep every second publishes it.
    const sweep = Date.now() - this.lastSweep >= (this.options.sweepMs ?? 1000);
    const { rows } = await this.onConnection(() =>
      client.query<OutboxRow>(
        `SELECT seq, event_id, topic, message_key, event_type, source, occurred_at, data, correlation_id, causation_id, traceparent
           FROM outbox WHERE published_at IS NULL AND seq > $2 ORDER BY seq LIMIT $1`,
        [this.batchSize, sweep ? '0' : this.publishedUpTo],
      ),
    );
    if (sweep) this.lastSweep = Date.now();
    if (rows.length === 0) return 0;
    // A span per event when traces are exported (a child of the request's); otherwise the row's traceparent goes on as it is.
    const spans = rows.map((row) => {
      const parent = parseTraceparent(row.traceparent);
      return parent ? startSpan(`publish ${row.event_type}`, SpanKind.PRODUCER, parent, { 'messaging.destination.name': row.topic }) : null;
    });
    try {
      await this.options.publisher.publish(rows.map((row, i) => this.toMessage(row, spans[i] ? formatTraceparent(spans[i].context) : undefined)));
    } catch (error) {
      for (const span of spans) span?.end(error);
      throw error;
    }
    for (const span of spans) span?.end();
    for (const row of rows) eventsPublished.inc({ type: row.event_type });
    await this.onConnection(() => client.query('UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])', [rows.map((r) => r.seq)]));
    const last = rows[rows.length - 1].seq;
    if (BigInt(last) > BigInt(this.publishedUpTo)) this.publishedUpTo = last;
    return rows.length;
  }

  /** A statement on the relay's connection; if it fails, the connection (and the lock with it) is given up. */
  private async onConnection<T>(statement: () => Promise<T>): Promise<T> {
    try {
      return await statement();
    } catch (error) {
      this.dropConnection();
      throw error;
    }
  }

  /** The relay's connection, if it holds (or now wins) the schema's lock. */
  private async lead(): Promise<Client | null> {
    if (!this.connection) {
      // A connection outside TypeORM's pool: LISTEN and a session-level lock need one session.
      const client = await openDedicatedConnection(this.options.dataSource, `gonghui-${this.options.schema}-relay`);
      client.on('error', () => {
        if (this.connection === client) this.dropConnection();
      });
      client.on('notification', (n) => {
        if (n.payload !== this.options.schema) return;
        this.notified = true;
        if (this.failures === 0) this.wake?.();
      });
      this.connection = client;
      await this.onConnection(() => client.query('LISTEN outbox'));
    }
    if (!this.leading) {
      const connection = this.connection;
      const { rows } = await this.onConnection(() => connection.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [`outbox-relay:${this.options.schema}`]));
      this.leading = rows[0].locked;
    }
    return this.leading ? this.connection : null;
  }

  /** Close the connection; the lock goes with the session. */
  private dropConnection(): void {
    this.connection?.end().catch(() => undefined);
    this.connection = null;
    this.leading = false;
  }

  private toMessage(row: OutboxRow, traceparent: string | undefined): OutboundMessage {
    const { headers, value } = toBinaryMode({
      id: row.event_id,
      type: row.event_type,
      source: row.source,
      time: row.occurred_at.toISOString(),
      subject: row.message_key,
      specversion: '1.0',
      correlationid: row.correlation_id ?? undefined,
      causationid: row.causation_id ?? undefined,
      traceparent,
      data: row.data,
    });
    return { topic: `${this.options.topicPrefix}${row.topic}`, key: row.message_key, value, headers };
  }

  private async run(): Promise<void> {
    const idle = this.options.idlePollMs ?? 250;
    const maxBackoff = this.options.maxBackoffMs ?? 5000;
    while (this.running) {
      let published = 0;
      try {
        this.notified = false; // what is announced from now on may not be in this read
        published = await this.drainOnce();
        if (this.failures > 0) this.options.log.warn(`outbox relay recovered after ${this.failures} failed attempts`);
        this.failures = 0;
        this.lastError = null;
      } catch (error) {
        this.failures += 1;
        this.lastError = (error as Error).message;
        if (this.failures === 1 || this.failures % 10 === 0) {
          this.options.log.warn(`outbox relay cannot publish (attempt ${this.failures}): ${this.lastError}`);
        }
      }
      if (!this.running) break;
      if (published >= this.batchSize && this.failures === 0) continue; // a backlog: keep going
      if (!this.notified || this.failures > 0) {
        // Nothing new since the last read: sleep until a new row is announced, or the poll.
        const delay = this.failures > 0 ? Math.min(maxBackoff, 100 * 2 ** Math.min(this.failures, 10)) : idle;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
      // Let the rows committed about now join the next batch: under load a drain then carries
      // tens of events instead of one or two, and costs the broker and Postgres that much less.
      if (this.running && this.failures === 0) await new Promise((r) => setTimeout(r, this.options.lingerMs ?? 20));
    }
  }
}
