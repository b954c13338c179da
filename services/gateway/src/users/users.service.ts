import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { inScope, Principal, Role, signAccessToken } from '@gonghui/auth';
import { isPgError, PgErrorCode } from '@gonghui/persistence';
import { Problem, ServiceRuntime } from '@gonghui/service-kit';
import { hashPassword, verifyPassword } from './passwords';
import { CreateUserRequest, TokenResponse, UserView } from './user.dto';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  org_unit_id: string | null;
  scope_path: string;
  active: boolean;
}

const toView = (u: UserRow): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  roles: u.roles,
  orgUnitId: u.org_unit_id,
  scopePath: u.scope_path,
});

/** Development credentials of the seeded federation administrator (README). */
export const SEED_ADMIN = { username: 'admin', password: 'Gonghui@2026', displayName: '市总工会系统管理员' };

@Injectable()
export class UsersService {
  private readonly logger = new Logger('users');
  readonly tokenTtlSeconds = Number(process.env.TOKEN_TTL_SECONDS ?? 8 * 3600);

  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  async issueToken(username: string, password: string): Promise<TokenResponse> {
    const { rows } = await this.runtime.pool.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
    const user = rows[0];
    // Same answer for unknown user and wrong password: no user enumeration.
    if (!user || !user.active || !(await verifyPassword(password, user.password_hash))) {
      throw Problem.unauthorized('用户名或密码错误 / Wrong username or password');
    }
    const principal: Principal = { userId: user.id, username: user.username, roles: user.roles, orgUnitId: user.org_unit_id, scopePath: user.scope_path };
    return { accessToken: signAccessToken(principal, this.runtime.config.jwtSecret, this.tokenTtlSeconds), tokenType: 'Bearer', expiresIn: this.tokenTtlSeconds };
  }

  async createUser(request: CreateUserRequest, creator: Principal): Promise<UserView> {
    let scopePath = '/';
    if (request.orgUnitId) {
      const { rows } = await this.runtime.pool.query<{ path: string }>('SELECT path FROM org_unit_directory WHERE org_unit_id = $1', [request.orgUnitId]);
      if (rows.length === 0 || !inScope(creator, rows[0].path)) {
        throw new Problem(422, 'unknown-org-unit', '组织不存在 / Unknown organisation unit', `网关尚未获知组织 ${request.orgUnitId}（若刚创建，请稍后重试） / The gateway does not know unit ${request.orgUnitId} (if just created, retry shortly)`, [
          { field: 'orgUnitId', message: '未知组织 / unknown organisation unit' },
        ]);
      }
      scopePath = rows[0].path;
    }
    try {
      const { rows } = await this.runtime.pool.query<UserRow>(
        `INSERT INTO users (id, username, display_name, password_hash, roles, org_unit_id, scope_path)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [randomUUID(), request.username, request.displayName, await hashPassword(request.password), request.roles, request.orgUnitId ?? null, scopePath],
      );
      return toView(rows[0]);
    } catch (error) {
      if (isPgError(error, PgErrorCode.uniqueViolation)) throw Problem.conflict('username-taken', `用户名已存在 / Username ${request.username} is taken`);
      throw error;
    }
  }

  async findView(id: string): Promise<UserView | null> {
    const { rows } = await this.runtime.pool.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Development only: make sure the federation administrator exists. */
  async ensureSeedAdmin(): Promise<void> {
    const password = process.env.SEED_ADMIN_PASSWORD ?? SEED_ADMIN.password;
    const { rowCount } = await this.runtime.pool.query(
      `INSERT INTO users (id, username, display_name, password_hash, roles, org_unit_id, scope_path)
       VALUES ($1, $2, $3, $4, $5, NULL, '/') ON CONFLICT (username) DO NOTHING`,
      [randomUUID(), SEED_ADMIN.username, SEED_ADMIN.displayName, await hashPassword(password), ['federation-admin']],
    );
    if (rowCount) this.logger.log(`seeded federation administrator '${SEED_ADMIN.username}'`);
  }
}
