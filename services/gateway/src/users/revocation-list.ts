import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan, Not } from 'typeorm';
import { VerifiedToken } from '@gonghui/auth';
import { RevokedSession } from './revoked-session.entity';
import { User } from './user.entity';

/**
 * Which tokens the gateway refuses although their signature and expiry are good: those of a
 * session ended by logout, and those issued to a user before their `tokens_valid_after`
 * (disabled, roles changed, password reset, "revoke every session"). Held in this process and
 * reloaded every few seconds, so the proxy's check is a set and a map lookup; this replica's own
 * revocations count at once, another replica's within REVOCATION_REFRESH_MS.
 */
@Injectable()
export class RevocationList implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('revocation');
  private sessions = new Set<string>();
  private validAfter = new Map<string, number>();
  /** Sessions revoked here lately, kept across a reload that may have started before they were stored. */
  private readonly recent = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  readonly refreshMs = Number(process.env.REVOCATION_REFRESH_MS ?? 3_000);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** True when the token must be refused. */
  isRevoked(token: Pick<VerifiedToken, 'sessionId' | 'issuedAtMs' | 'principal'>): boolean {
    if (this.sessions.has(token.sessionId)) return true;
    const after = this.validAfter.get(token.principal.userId);
    return after !== undefined && token.issuedAtMs < after;
  }

  /** Recorded by this replica: effective here at once (the table is the truth for the others). */
  sessionRevoked(sessionId: string): void {
    this.sessions.add(sessionId);
    this.recent.set(sessionId, Date.now());
  }

  userRevoked(userId: string, validAfter: Date): void {
    this.validAfter.set(userId, Math.max(validAfter.getTime(), this.validAfter.get(userId) ?? 0));
  }

  async refresh(): Promise<void> {
    const now = new Date();
    const [sessions, users] = await Promise.all([
      this.dataSource.getRepository(RevokedSession).find({ select: { sessionId: true }, where: { expiresAt: MoreThan(now) } }),
      this.dataSource.getRepository(User).find({ select: { id: true, tokensValidAfter: true }, where: { tokensValidAfter: Not(IsNull()) } }),
    ]);
    const fresh = new Set(sessions.map((s) => s.sessionId));
    // A revocation made here while the query ran is kept: the reloaded list is never less strict.
    for (const [id, at] of this.recent) {
      if (now.getTime() - at > 60_000) this.recent.delete(id);
      else fresh.add(id);
    }
    this.sessions = fresh;
    const validAfter = new Map(users.map((u) => [u.id, (u.tokensValidAfter as Date).getTime()]));
    for (const [id, at] of this.validAfter) if ((validAfter.get(id) ?? 0) < at) validAfter.set(id, at);
    this.validAfter = validAfter;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) => this.logger.warn(`could not reload revoked sessions, keeping the last list: ${(error as Error).message}`));
    }, this.refreshMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

/** The proxy's check, bound to the list (a plain function: the proxy knows nothing of Nest). */
export function revokedAtTheGateway(list: RevocationList): (token: VerifiedToken) => boolean {
  return (token) => list.isRevoked(token);
}
