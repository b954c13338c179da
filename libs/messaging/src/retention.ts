import type { DataSource } from 'typeorm';
import { affectedRows } from '@gonghui/persistence';

export interface RetentionOptions {
  dataSource: DataSource;
  /** Rows older than this many days go: keep it longer than the topics' retention. */
  days: number;
  /** Rows deleted per statement, so that no purge holds locks or bloats WAL for long. */
  chunk?: number;
}

export interface PurgeResult {
  outbox: number;
  inbox: number;
}

/**
 * Published outbox rows and inbox records are needed only for a while: an outbox row until
 * Kafka has the event (and, for looking into what was sent, some days more); an inbox record as
 * long as its event can still be delivered again, which is as long as the topic keeps it (Kafka
 * here keeps 7 days). Without a limit both tables grow by every event forever (BRIN indexes on
 * the timestamps, see MessagingRetention1764000000003, let the purge find old rows cheaply).
 *
 * Deletes published outbox rows and inbox records older than the retention; never an unpublished row. */
export async function purgeExpiredMessages(options: RetentionOptions): Promise<PurgeResult> {
  if (!(options.days > 0)) throw new Error(`messaging retention must be a positive number of days, not ${options.days}`);
  const chunk = options.chunk ?? 10_000;
  const horizon = `${options.days} days`;
  const deleteAll = async (sql: string): Promise<number> => {
    let total = 0;
    for (;;) {
      const deleted = affectedRows(await options.dataSource.query(sql, [horizon, chunk]));
      total += deleted;
      if (deleted < chunk) return total;
    }
  };
  const outbox = await deleteAll(
    `DELETE FROM outbox WHERE seq IN (
       SELECT seq FROM outbox WHERE occurred_at < now() - $1::interval AND published_at IS NOT NULL LIMIT $2)`,
  );
  const inbox = await deleteAll(
    `DELETE FROM inbox WHERE ctid IN (
       SELECT ctid FROM inbox WHERE handled_at < now() - $1::interval LIMIT $2)`,
  );
  return { outbox, inbox };
}

/** Runs the purge now and then (default hourly) for as long as the service runs. */
export class MessagingRetention {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly options: RetentionOptions & { everyMs?: number; log: { log(message: string): void; warn(message: string): void } },
  ) {}

  start(): void {
    const every = this.options.everyMs ?? 3_600_000;
    // Replicas started together would purge together; a random first delay spreads them.
    const schedule = (delay: number) => {
      this.timer = setTimeout(() => {
        this.running = this.purge().finally(() => {
          this.running = null;
          if (this.timer) schedule(every);
        });
      }, delay);
      this.timer.unref();
    };
    schedule(Math.floor(Math.random() * Math.min(every, 60_000)));
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async purge(): Promise<void> {
    try {
      const { outbox, inbox } = await purgeExpiredMessages(this.options);
      if (outbox + inbox > 0) this.options.log.log(`messaging retention: deleted ${outbox} published outbox rows and ${inbox} inbox records older than ${this.options.days} days`);
    } catch (error) {
      this.options.log.warn(`messaging retention failed, will try again: ${(error as Error).message}`);
    }
  }
}
