import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { LessThan } from 'typeorm';
import { Tx } from '@gonghui/persistence';
import { chinaTime, Problem } from '@gonghui/service-kit';
import { ACCOUNT_LOCKOUT, ADDRESS_THROTTLE, afterFailure, FailureRecord, isSpent, LockoutPolicy, lockedUntil } from './domain/login-lockout';
import { LoginFailure } from './login-failure.entity';

/**
 * Wrong passwords, counted per username in Postgres (every gateway replica sees the same lock)
 * and per client address in this process (a cheap net against one address spraying many
 * usernames). The rules are in domain/login-lockout.ts.
 */
@Injectable()
export class LoginThrottle {
  readonly accountPolicy: LockoutPolicy = ACCOUNT_LOCKOUT;
  readonly addressPolicy: LockoutPolicy = {
    ...ADDRESS_THROTTLE,
    maxFailures: Number(process.env.LOGIN_ADDRESS_MAX_FAILURES ?? ADDRESS_THROTTLE.maxFailures),
  };
  private readonly addresses = new Map<string, FailureRecord>();
  private static readonly MAX_ADDRESSES = 10_000;

  /** The row key of a username: a hash, so the table never holds what was typed into the login form. */
  static keyOf(username: string): string {
    return createHash('sha256').update(`login:${username.trim().toLowerCase()}`).digest('base64url');
  }

  /** 429 while the client address is throttled. */
  checkAddress(address: string, now = new Date()): void {
    const until = lockedUntil(this.addresses.get(address), now);
    if (until) {
      throw new Problem(
        429,
        'too-many-login-attempts',
        '登录尝试过于频繁 / Too many login attempts',
        `此地址登录失败次数过多，请于 ${chinaTime(until)} 后再试 / Too many failed logins from this address: try again after ${chinaTime(until)}`,
      );
    }
  }

  recordAddressFailure(address: string, now = new Date()): void {
    if (this.addresses.size >= LoginThrottle.MAX_ADDRESSES) {
      for (const [key, record] of this.addresses) if (isSpent(record, now, this.addressPolicy)) this.addresses.delete(key);
    }
    this.addresses.set(address, afterFailure(this.addresses.get(address), now, this.addressPolicy));
  }

  /**
   * Serialises the attempts on one username for the rest of the transaction, so that parallel
   * wrong passwords are all counted before the next attempt is judged; then 423 if it is locked.
   */
  async lockUsername(tx: Tx, key: string, now = new Date()): Promise<LoginFailure | null> {
    // Hand-written: a transaction-scoped advisory lock has no TypeORM equivalent; it needs no row to exist.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`gateway.login:${key}`]);
    const record = await tx.findOneBy(LoginFailure, { key });
    const until = lockedUntil(record, now);
    if (until) {
      throw new Problem(
        423,
        'account-locked',
        '账户已临时锁定 / Account temporarily locked',
        `密码错误次数过多，账户锁定至 ${chinaTime(until)} / Too many wrong passwords: the account is locked until ${chinaTime(until)}`,
      );
    }
    return record;
  }

  /** Count one wrong password for the username; true when it locked the account. */
  async recordUsernameFailure(tx: Tx, key: string, record: LoginFailure | null, now = new Date()): Promise<boolean> {
    const next = afterFailure(record, now, this.accountPolicy);
    await tx.upsert(LoginFailure, { key, failedAt: next.failedAt, lockedUntil: next.lockedUntil, updatedAt: now }, ['key']);
    // Now and then, forget the rows that hold nothing any more (old failures of names nobody uses).
    if (Math.random() < 0.01) await tx.delete(LoginFailure, { updatedAt: LessThan(new Date(now.getTime() - this.accountPolicy.windowMs - this.accountPolicy.lockMs)) });
    return next.lockedUntil !== null;
  }

  /** Forget the username's wrong passwords and lock (a successful login, a password reset). */
  async clearUsername(tx: Tx, key: string): Promise<void> {
    await tx.delete(LoginFailure, { key });
  }
}
