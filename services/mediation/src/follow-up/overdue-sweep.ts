import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Principal } from '@gonghui/auth';
import { DEFAULT_OVERDUE_DAYS } from './domain/obligation';
import { FlagOverdue } from './flag-overdue';

/** The sweep acts for the whole federation: it flags, it shows nothing to anyone. */
const SWEEP: Principal = { userId: '00000000-0000-4000-8000-00000000f011', username: 'overdue-sweep', roles: [], orgUnitId: null, scopePath: '/' };

/**
 * Flags overdue obligations without anyone having to ask: every MEDIATION_OVERDUE_SWEEP_MS
 * (hourly by default, 0 = off) the service runs the same use case as `POST follow-ups/flag-overdue`,
 * over every centre, with MEDIATION_OVERDUE_DAYS (7). Each obligation is flagged once, and
 * overlapping runs (several replicas) skip each other's rows, so the sweep is safe anywhere.
 */
@Injectable()
export class OverdueSweep implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(OverdueSweep.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(private readonly flagOverdue: FlagOverdue) {}

  onModuleInit(): void {
    const every = Number(process.env.MEDIATION_OVERDUE_SWEEP_MS ?? 3_600_000);
    if (!(every > 0)) return;
    this.timer = setInterval(() => void this.sweep(), every);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async sweep(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const { flagged } = await this.flagOverdue.execute(SWEEP, Number(process.env.MEDIATION_OVERDUE_DAYS ?? DEFAULT_OVERDUE_DAYS));
      if (flagged > 0) this.logger.log(`flagged ${flagged} overdue obligation(s)`);
    } catch (error) {
      // The next run tries again; an obligation is never flagged twice.
      this.logger.warn(`overdue sweep failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
