import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { kafkaIsReachable } from '@gonghui/messaging';
import { HealthReport, ServiceRuntime } from './runtime';

/** How long one answer of the broker is trusted: probes every few seconds must not each open an admin connection. */
export const BROKER_CHECK_CACHE_MS = 5_000;
/** A check that takes longer than this counts as down (a probe's own timeout is longer). */
const CHECK_TIMEOUT_MS = 3_000;

/**
 * Liveness and readiness of one service, through @nestjs/terminus.
 * - Liveness: the process answers HTTP. Nothing outside it is asked, so a database or broker
 *   outage never makes Kubernetes restart every replica at once.
 * - Readiness: Postgres answers, no migration of this build is pending, the broker answers (cached
 *   a few seconds), the outbox relay is not failing, and every consumer runs.
 */
@Injectable()
export class HealthProbes {
  /** Once the schema was seen up to date it stays so for this build: no need to ask again. */
  private schemaCurrent = false;

  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(HealthIndicatorService) private readonly indicator: HealthIndicatorService,
  ) {}

  liveness(): HealthReport {
    return { status: 'up', service: this.runtime.config.name, checks: { process: { status: 'up', detail: Math.round(process.uptime()) } } };
  }

  async readiness(): Promise<HealthReport> {
    const { dataSource, relay, transport, kafka } = this.runtime;
    const result = await this.health
      .check([
        () => this.indicator.check('postgres').attempt(async () => void (await dataSource.query('SELECT 1'))).withTimeout(CHECK_TIMEOUT_MS),
        () => this.migrations(),
        () => this.outbox(relay),
        () =>
          this.indicator
            .check('kafka')
            .attempt(async () => {
              if (!(await kafkaIsReachable(kafka))) throw new Error('the broker does not answer');
            })
            .withTimeout(CHECK_TIMEOUT_MS)
            .cacheFor(BROKER_CHECK_CACHE_MS),
        ...(transport.runningConsumers().length > 0 ? [() => this.consumers(transport)] : []),
      ])
      .catch((error: { getResponse?: () => unknown }) => {
        // Terminus answers a failed check by throwing a 503 whose body is the full result.
        if (typeof error.getResponse === 'function') return error.getResponse() as Awaited<ReturnType<HealthCheckService['check']>>;
        throw error;
      });
    return toReport(this.runtime.config.name, result.details as Record<string, Record<string, unknown>>);
  }

  /** Pending = a migration of this build not yet in the `migrations` table (a cheap comparison, no lock). */
  private async migrations(): Promise<HealthIndicatorResult> {
    const session = this.indicator.check('migrations');
    if (this.schemaCurrent) return session.up({ detail: 0 });
    const known = this.runtime.dataSource.migrations.map((m) => m.name ?? m.constructor.name);
    try {
      const rows: { name: string }[] = await this.runtime.dataSource.query('SELECT name FROM migrations');
      const applied = new Set(rows.map((r) => r.name));
      const pending = known.filter((name) => !applied.has(name));
      if (pending.length > 0) return session.down({ detail: pending.length, message: `pending: ${pending.join(', ')}` });
    } catch (error) {
      return session.down({ detail: known.length, message: (error as Error).message });
    }
    this.schemaCurrent = true;
    return session.up({ detail: 0 });
  }

  private async outbox(relay: ServiceRuntime['relay']): Promise<HealthIndicatorResult> {
    const session = this.indicator.check('outbox');
    try {
      const { pending, lastError } = await relay.status();
      return lastError ? session.down({ detail: lastError }) : session.up({ detail: pending });
    } catch (error) {
      return session.down({ detail: (error as Error).message });
    }
  }

  private consumers(transport: ServiceRuntime['transport']): HealthIndicatorResult {
    const consumers = transport.runningConsumers();
    const session = this.indicator.check('consumers');
    return consumers.every((c) => c.isRunning()) ? session.up({ detail: consumers.length }) : session.down({ detail: consumers.length });
  }
}

/** Terminus's details in the shape /health has always answered: `{ status, service, checks }`. */
function toReport(service: string, details: Record<string, Record<string, unknown>>): HealthReport {
  const checks: HealthReport['checks'] = {};
  for (const [key, { status, detail, message }] of Object.entries(details)) {
    const why = detail ?? message;
    checks[key] = { status: status === 'up' ? 'up' : 'down', ...(why === undefined ? {} : { detail: why as string | number }) };
  }
  const status = Object.values(checks).every((c) => c.status === 'up') ? 'up' : 'down';
  return { status, service, checks };
}

/** Terminus and the service's health, for the service's own controller and the gateway's. */
@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  providers: [HealthProbes],
  exports: [HealthProbes],
})
export class HealthModule {}
