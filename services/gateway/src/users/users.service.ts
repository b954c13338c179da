import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { inScope, Principal, Role, signAccessToken, VerifiedToken } from '@gonghui/auth';
import { Tx } from '@gonghui/persistence';
import { chinaTime, Page, Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { grantRefusal, manageRefusal, mayManageAccounts, NOT_A_MANAGER, Refusal, tokensValidAfter } from './domain/account-rules';
import { LoginThrottle } from './login-throttle';
import { hashPassword, verifyPassword } from './passwords';
import { RevocationList } from './revocation-list';
import { CreateUserRequest, TokenResponse, UserView } from './user.dto';
import { User, USERNAME_UNIQUE } from './user.entity';
import { UsersRepository } from './users.repository';

const toView = (u: User): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  roles: u.roles,
  orgUnitId: u.orgUnitId,
  scopePath: u.scopePath,
  active: u.active,
  createdAt: chinaTime(u.createdAt),
});

const toProblem = (refusal: Refusal): Problem => (refusal.status === 404 ? Problem.notFound(refusal.detail) : Problem.forbidden(refusal.detail));

const wrongCredentials = () => Problem.unauthorized('用户名或密码错误 / Wrong username or password');

/** Development credentials of the seeded federation administrator (README). */
export const SEED_ADMIN = { username: 'admin', password: 'Gonghui@2026', displayName: '市总工会系统管理员' };

/** A hash to check a password against when the username is unknown: the answer takes as long as for a known one. */
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword(randomUUID()));

@Injectable()
export class UsersService {
  private readonly logger = new Logger('users');
  readonly tokenTtlSeconds = Number(process.env.TOKEN_TTL_SECONDS ?? 8 * 3600);

  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly users: UsersRepository,
    private readonly throttle: LoginThrottle,
    private readonly revocations: RevocationList,
  ) {}

  /**
   * Log in. Refused with 429 while the client address is throttled, 423 while the username is
   * locked (the right password too), 401 for a wrong password, an unknown user or a disabled
   * account alike (no user enumeration); each wrong password counts against both.
   */
  async issueToken(username: string, password: string, clientAddress: string): Promise<TokenResponse> {
    this.throttle.checkAddress(clientAddress);
    const key = LoginThrottle.keyOf(username);
    const user = await this.transaction.run(async (tx) => {
      const failures = await this.throttle.lockUsername(tx, key);
      const found = await this.users.findByUsername(username, tx);
      const passwordRight = await verifyPassword(password, found?.passwordHash ?? (await decoy()));
      if (!found || !found.active || !passwordRight) {
        const locked = await this.throttle.recordUsernameFailure(tx, key, failures);
        if (locked) this.logger.warn(`login locked after repeated wrong passwords (key ${key.slice(0, 8)}…, from ${clientAddress})`);
        return null;
      }
      if (failures) await this.throttle.clearUsername(tx, key);
      return found;
    });
    if (!user) {
      this.throttle.recordAddressFailure(clientAddress);
      throw wrongCredentials();
    }
    return this.tokenFor(user);
  }

  private tokenFor(user: User): TokenResponse {
    const principal: Principal = { userId: user.id, username: user.username, roles: user.roles, orgUnitId: user.orgUnitId, scopePath: user.scopePath };
    const accessToken = signAccessToken(principal, this.runtime.config.jwtSecret, this.tokenTtlSeconds, {
      sessionId: randomUUID(),
      notBeforeMs: user.tokensValidAfter?.getTime(),
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.tokenTtlSeconds };
  }

  /** End the session the token belongs to: every token of it is refused from now on. */
  async logout(token: VerifiedToken): Promise<void> {
    await this.transaction.run((tx) =>
      this.users.revokeSession(tx, { sessionId: token.sessionId, userId: token.principal.userId, expiresAt: new Date(token.expiresAtMs) }),
    );
    this.revocations.sessionRevoked(token.sessionId);
  }

  /** Change one's own password, the current one required; every session ends, and the answer is a fresh token. */
  async changeOwnPassword(principal: Principal, currentPassword: string, newPassword: string): Promise<TokenResponse> {
    if (currentPassword === newPassword) {
      throw Problem.badRequest('新密码不能与当前密码相同 / The new password must differ from the current one', [
        { field: 'newPassword', message: '与当前密码相同 / same as the current password' },
      ]);
    }
    const passwordHash = await hashPassword(newPassword);
    const key = LoginThrottle.keyOf(principal.username);
    const outcome = await this.transaction.run(async (tx) => {
      // The same lockout as at login: a stolen token must not let anyone guess the password.
      const failures = await this.throttle.lockUsername(tx, key);
      const user = await this.users.findForUpdate(tx, principal.userId);
      if (!user || !user.active) return { kind: 'gone' as const };
      if (!(await verifyPassword(currentPassword, user.passwordHash))) {
        await this.throttle.recordUsernameFailure(tx, key, failures);
        return { kind: 'wrong' as const };
      }
      const revokedFrom = await this.revokeAll(tx, user, { passwordHash, passwordChangedAt: new Date() });
      return { kind: 'changed' as const, user: { ...user, passwordHash, tokensValidAfter: revokedFrom } };
    });
    if (outcome.kind === 'gone') throw Problem.unauthorized('账户不存在或已停用 / The account no longer exists or is disabled');
    if (outcome.kind === 'wrong') {
      throw new Problem(403, 'wrong-password', '当前密码错误 / The current password is wrong', '当前密码错误 / The current password is wrong', [
        { field: 'currentPassword', message: '当前密码错误 / wrong password' },
      ]);
    }
    this.revocations.userRevoked(outcome.user.id, outcome.user.tokensValidAfter);
    return this.tokenFor(outcome.user);
  }

  async createUser(request: CreateUserRequest, creator: Principal): Promise<UserView> {
    const passwordHash = await hashPassword(request.password);
    return this.transaction.run(
      async (tx) => {
        let scopePath = '/';
        if (request.orgUnitId) {
          const unit = await this.users.findOrgUnit(tx, request.orgUnitId);
          if (!unit) {
            throw new Problem(422, 'unknown-org-unit', '组织不存在 / Unknown organisation unit', `网关尚未获知组织 ${request.orgUnitId}（若刚创建，请稍后重试） / The gateway does not know unit ${request.orgUnitId} (if just created, retry shortly)`, [
              { field: 'orgUnitId', message: '未知组织 / unknown organisation unit' },
            ]);
          }
          scopePath = unit.path;
        }
        const refusal = grantRefusal(creator, { roles: request.roles, scopePath });
        if (refusal) throw toProblem(refusal);
        const user = await this.users.insert(tx, {
          id: randomUUID(),
          username: request.username,
          displayName: request.displayName,
          passwordHash,
          roles: [...new Set(request.roles)],
          orgUnitId: request.orgUnitId ?? null,
          scopePath,
        });
        return toView(user);
      },
      { [USERNAME_UNIQUE]: () => Problem.conflict('username-taken', `用户名已存在 / Username ${request.username} is taken`) },
    );
  }

  listUsers(principal: Principal, page: { limit?: number; cursor?: string }): Promise<Page<UserView>> {
    if (!mayManageAccounts(principal)) throw Problem.forbidden(NOT_A_MANAGER);
    return this.users.pageInScope(principal, page, toView);
  }

  async getUser(id: string, principal: Principal): Promise<UserView> {
    if (!mayManageAccounts(principal)) throw Problem.forbidden(NOT_A_MANAGER);
    const user = await this.users.findById(id);
    if (!user || !inScope(principal, user.scopePath)) throw Problem.notFound('用户不存在 / User not found');
    return toView(user);
  }

  /** Disable an account: it cannot log in, and every token it holds is refused from now on. */
  disable(id: string, actor: Principal): Promise<UserView> {
    return this.manage(id, actor, async (tx, user) => {
      const revokedFrom = await this.revokeAll(tx, user, { active: false });
      return { ...user, active: false, tokensValidAfter: revokedFrom };
    });
  }

  enable(id: string, actor: Principal): Promise<UserView> {
    return this.manage(id, actor, async (tx, user) => {
      await this.users.update(tx, user.id, { active: true });
      return { ...user, active: true };
    });
  }

  /** Set a new password for someone who forgot theirs; their sessions end. */
  async resetPassword(id: string, actor: Principal, newPassword: string): Promise<void> {
    const passwordHash = await hashPassword(newPassword);
    await this.manage(id, actor, async (tx, user) => {
      const revokedFrom = await this.revokeAll(tx, user, { passwordHash, passwordChangedAt: new Date() });
      // A reset also lifts a lockout: the user can log in with the new password at once.
      await this.throttle.clearUsername(tx, LoginThrottle.keyOf(user.username));
      return { ...user, tokensValidAfter: revokedFrom };
    });
  }

  /** Change an account's roles, within what the actor may grant; tokens carry roles, so its sessions end. */
  changeRoles(id: string, actor: Principal, roles: Role[]): Promise<UserView> {
    const wanted = [...new Set(roles)];
    return this.manage(id, actor, async (tx, user) => {
      const refusal = grantRefusal(actor, { roles: wanted, scopePath: user.scopePath });
      if (refusal) throw toProblem(refusal);
      const revokedFrom = await this.revokeAll(tx, user, { roles: wanted });
      return { ...user, roles: wanted, tokensValidAfter: revokedFrom };
    });
  }

  /** End every session of the account (a lost phone, a suspicion): it logs in again. */
  async revokeSessions(id: string, actor: Principal): Promise<void> {
    await this.manage(id, actor, async (tx, user) => {
      const revokedFrom = await this.revokeAll(tx, user, {});
      return { ...user, tokensValidAfter: revokedFrom };
    });
  }

  async findView(id: string): Promise<UserView | null> {
    const user = await this.users.findById(id);
    return user ? toView(user) : null;
  }

  /** The account, row-locked, if the actor may change it (domain/account-rules.ts); the change, then its revocations, once committed. */
  private async manage(id: string, actor: Principal, change: (tx: Tx, user: User) => Promise<User>): Promise<UserView> {
    const revoked: { userId: string; from: Date }[] = [];
    const user = await this.transaction.run(async (tx) => {
      const found = await this.users.findForUpdate(tx, id);
      if (!found) throw Problem.notFound('用户不存在 / User not found');
      const refusal = manageRefusal(actor, found);
      if (refusal) throw toProblem(refusal);
      const changed = await change(tx, found);
      if (changed.tokensValidAfter && changed.tokensValidAfter !== found.tokensValidAfter) revoked.push({ userId: id, from: changed.tokensValidAfter });
      return changed;
    });
    for (const r of revoked) this.revocations.userRevoked(r.userId, r.from);
    return toView(user);
  }

  /** Every token issued to the user until now is refused (tokens_valid_after), with the other changes in the same update. */
  private async revokeAll(tx: Tx, user: User, changes: Parameters<UsersRepository['update']>[2]): Promise<Date> {
    const from = tokensValidAfter(new Date());
    await this.users.update(tx, user.id, { ...changes, tokensValidAfter: from });
    return from;
  }

  /** Make sure the federation administrator exists: development, or production given SEED_ADMIN_PASSWORD. */
  async ensureSeedAdmin(): Promise<void> {
    const password = process.env.SEED_ADMIN_PASSWORD || SEED_ADMIN.password;
    if (process.env.NODE_ENV === 'production' && (password === SEED_ADMIN.password || password.length < 10)) {
      throw new Error('SEED_ADMIN_PASSWORD must not be the README’s development password, and must have at least 10 characters');
    }
    const inserted = await this.users.insertIfAbsent({
      id: randomUUID(),
      username: SEED_ADMIN.username,
      displayName: SEED_ADMIN.displayName,
      passwordHash: await hashPassword(password),
      roles: ['federation-admin'],
      orgUnitId: null,
      scopePath: '/',
    });
    if (inserted) this.logger.log(`seeded federation administrator '${SEED_ADMIN.username}'`);
  }
}
