import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { IDEMPOTENCY_KEY_TTL_HOURS, IdempotencyStore } from './idempotency-store';

/**
 * Deletes idempotency keys older than their 24 hours, hourly while the gateway runs (as the
 * messaging retention does for the outbox and inbox); without it the table grows by every keyed
 * write. Stopped before the runtime closes the DataSource.
 */
@Injectable()
export class IdempotencyRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('idempotency');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly everyMs = 3_600_000;

  constructor(private readonly store: IdempotencyStore) {}

  onApplicationBootstrap(): void {
    // Replicas started together would purge together; a random first delay spreads them.
    const schedule = (delay: number) => {
      this.timer = setTimeout(() => {
        this.running = this.purge().finally(() => {
          this.running = null;
          if (this.timer) schedule(this.everyMs);
        });
      }, delay);
      this.timer.unref();
    };
    schedule(Math.floor(Math.random() * 60_000));
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async purge(): Promise<void> {
    try {
      const deleted = await this.store.purgeExpired();
      if (deleted > 0) this.logger.log(`idempotency retention: deleted ${deleted} keys older than ${IDEMPOTENCY_KEY_TTL_HOURS} hours`);
    } catch (error) {
      this.logger.warn(`idempotency retention failed, will try again: ${(error as Error).message}`);
    }
  }
}
