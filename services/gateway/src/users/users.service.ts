import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { inScope, Principal, signAccessToken } from '@gonghui/auth';
import { Problem, ServiceRuntime, TransactionBoundary } from '@gonghui/service-kit';
import { hashPassword, verifyPassword } from './passwords';
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
});

/** Development credentials of the seeded federation administrator (README). */
export const SEED_ADMIN = { username: 'admin', password: 'Gonghui@2026', displayName: '市总工会系统管理员' };

@Injectable()
export class UsersService {
  private readonly logger = new Logger('users');
  readonly tokenTtlSeconds = Number(process.env.TOKEN_TTL_SECONDS ?? 8 * 3600);

  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    private readonly transaction: TransactionBoundary,
    private readonly users: UsersRepository,
  ) {}

  async issueToken(username: string, password: string): Promise<TokenResponse> {
    const user = await this.users.findByUsername(username);
    // Same answer for unknown user and wrong password: no user enumeration.
    if (!user || !user.active || !(await verifyPassword(password, user.passwordHash))) {
      throw Problem.unauthorized('用户名或密码错误 / Wrong username or password');
    }
    const principal: Principal = { userId: user.id, username: user.username, roles: user.roles, orgUnitId: user.orgUnitId, scopePath: user.scopePath };
    return { accessToken: signAccessToken(principal, this.runtime.config.jwtSecret, this.tokenTtlSeconds), tokenType: 'Bearer', expiresIn: this.tokenTtlSeconds };
  }

  async createUser(request: CreateUserRequest, creator: Principal): Promise<UserView> {
    const passwordHash = await hashPassword(request.password);
    return this.transaction.run(
      async (tx) => {
        let scopePath = '/';
        if (request.orgUnitId) {
          const unit = await this.users.findOrgUnit(tx, request.orgUnitId);
          if (!unit || !inScope(creator, unit.path)) {
            throw new Problem(422, 'unknown-org-unit', '组织不存在 / Unknown organisation unit', `网关尚未获知组织 ${request.orgUnitId}（若刚创建，请稍后重试） / The gateway does not know unit ${request.orgUnitId} (if just created, retry shortly)`, [
              { field: 'orgUnitId', message: '未知组织 / unknown organisation unit' },
            ]);
          }
          scopePath = unit.path;
        }
        const user = await this.users.insert(tx, {
          id: randomUUID(),
          username: request.username,
          displayName: request.displayName,
          passwordHash,
          roles: request.roles,
          orgUnitId: request.orgUnitId ?? null,
          scopePath,
        });
        return toView(user);
      },
      { [USERNAME_UNIQUE]: () => Problem.conflict('username-taken', `用户名已存在 / Username ${request.username} is taken`) },
    );
  }

  async findView(id: string): Promise<UserView | null> {
    const user = await this.users.findById(id);
    return user ? toView(user) : null;
  }

  /** Development only: make sure the federation administrator exists. */
  async ensureSeedAdmin(): Promise<void> {
    const password = process.env.SEED_ADMIN_PASSWORD ?? SEED_ADMIN.password;
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
