import http from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role, verifyAccessTokenClaims } from '@gonghui/auth';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { testServiceConfig, tokenFor } from '@gonghui/testing';
import { gatewayService } from '../src/service';
import { RevocationList } from '../src/users/revocation-list';

/**
 * Accounts and sessions at the gateway, in-process against the real Postgres: login lockout and
 * throttling, logout and revocation (on the gateway's own routes and on proxied calls), user
 * management by the administrator and by officers within their subtree, one's own password,
 * and the security headers. The aid service is stood for by a small HTTP server.
 */
describe('accounts and sessions', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let server: http.Server;
  let aid: http.Server;
  let reachedAid = 0;
  const admin = tokenFor();
  const saved = { ...process.env };
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const password = 'Correct-horse-2026';
  const units = { fed: randomUUID(), d1: randomUUID(), d1street: randomUUID(), d2: randomUUID() };
  const paths = { d1: `/acc-${tag}/d1/`, d1street: `/acc-${tag}/d1/s1/`, d2: `/acc-${tag}/d2/` };

  const login = (username: string, pw: string, language = 'zh-CN') =>
    request(server).post('/api/v1/auth/token').set('accept-language', language).send({ username, password: pw });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  /** A user made by the administrator; returns its id. */
  const createUser = async (username: string, roles: Role[], orgUnitId: string | undefined, token = admin) => {
    const res = await request(server).post('/api/v1/auth/users').set(bearer(token)).send({ username, displayName: '测试用户', password, roles, orgUnitId });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  const tokenOf = async (username: string, pw = password) => {
    const res = await login(username, pw);
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  };

  beforeAll(async () => {
    aid = http.createServer((req, res) => {
      reachedAid++;
      res.writeHead(200, { 'content-type': 'application/json', 'x-powered-by': 'something' }).end('{"from":"aid"}');
    });
    await new Promise<void>((resolve) => aid.listen(0, '127.0.0.1', resolve));
    process.env.AID_URL = `http://127.0.0.1:${(aid.address() as AddressInfo).port}`;
    for (const name of ['MEMBERSHIP', 'TRAINING', 'MEDIATION']) process.env[`${name}_URL`] = 'http://127.0.0.1:1';
    process.env.LOGIN_ADDRESS_MAX_FAILURES = '60';

    ({ app, runtime } = await createServiceApp({ ...gatewayService(testServiceConfig('gateway')), logLevels: ['error'] }));
    server = app.getHttpServer();
    // The units the gateway would have learned from membership's events (its read model).
    for (const [id, path, kind] of [
      [units.d1, paths.d1, 'district'],
      [units.d1street, paths.d1street, 'street'],
      [units.d2, paths.d2, 'district'],
    ]) {
      await runtime.dataSource.query('INSERT INTO org_unit_directory (org_unit_id, path, name, kind) VALUES ($1, $2, $3, $4)', [id, path, `单位 ${kind}`, kind]);
    }
  });

  afterAll(async () => {
    await app?.close();
    aid?.closeAllConnections();
    await new Promise((r) => aid?.close(r));
    process.env = saved;
  });

  describe('login throttling and lockout', () => {
    it('refuses fifteen wrong passwords and then the right one: locked for 15 minutes, saying until when, in zh or en', async () => {
      const username = `lock-${tag}`;
      const id = await createUser(username, ['aid-officer'], units.d1);
      const statuses: number[] = [];
      for (let i = 0; i < 15; i++) statuses.push((await login(username, `wrong-password-${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, ...Array(10).fill(423)]);

      const started = Date.now();
      const zh = await login(username, password).expect(423);
      expect(zh.headers['content-type']).toContain('application/problem+json');
      expect(zh.body).toMatchObject({ status: 423, title: '账户已临时锁定', type: expect.stringContaining('account-locked') });
      const until = /锁定至 (\S+)/.exec(zh.body.detail)?.[1];
      expect(until).toMatch(/\+08:00$/); // China Standard Time
      const lockEnds = Date.parse(until!);
      expect(lockEnds - started).toBeGreaterThan(14 * 60_000);
      expect(lockEnds - started).toBeLessThanOrEqual(15 * 60_000);
      const en = await login(username, password, 'en').expect(423);
      expect(en.body.title).toBe('Account temporarily locked');
      expect(en.body.detail).toBe(`Too many wrong passwords: the account is locked until ${until}`);

      // A password reset by the administrator lifts the lock.
      await request(server).post(`/api/v1/auth/users/${id}/reset-password`).set(bearer(admin)).send({ newPassword: 'Brand-new-password-1' }).expect(204);
      await login(username, 'Brand-new-password-1').expect(200);
    });

    it('counts wrong passwords sent at once: they are judged one after the other, and the right one after them is refused', async () => {
      const username = `burst-${tag}`;
      await createUser(username, ['aid-officer'], units.d1);
      const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => login(username, `wrong-${i}`)));
      expect(burst.map((r) => r.status).sort()).toEqual([401, 401, 401, 401, 401, 423, 423, 423]);
      await login(username, password).expect(423);
    });

    it('locks an unknown username as a known one: the answers do not tell which exists', async () => {
      const username = `nobody-${tag}`;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await login(username, 'whatever-it-is')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 423]);
    });

    it('a successful login forgets the wrong passwords before it', async () => {
      const username = `forget-${tag}`;
      await createUser(username, ['aid-officer'], units.d1);
      for (let i = 0; i < 4; i++) await login(username, 'wrong-password').expect(401);
      await login(username, password).expect(200);
      for (let i = 0; i < 4; i++) await login(username, 'wrong-password').expect(401);
      await login(username, password).expect(200);
    });
  });

  describe('logout and revocation', () => {
    it('logout revokes the presented token on the gateway’s own routes and on every proxied call, and only that session', async () => {
      const username = `logout-${tag}`;
      await createUser(username, ['aid-officer'], units.d1);
      const token = await tokenOf(username);
      const other = await tokenOf(username);
      await request(server).get('/api/v1/auth/me').set(bearer(token)).expect(200);
      await request(server).get('/api/v1/aid/hardship-files').set(bearer(token)).expect(200);

      await request(server).post('/api/v1/auth/logout').set(bearer(token)).expect(204);
      const before = reachedAid;
      const me = await request(server).get('/api/v1/auth/me').set(bearer(token)).set('accept-language', 'en').expect(401);
      expect(me.body.detail).toBe('The token has been revoked: log in again');
      const proxied = await request(server).get('/api/v1/aid/hardship-files').set(bearer(token)).expect(401);
      expect(proxied.headers['content-type']).toContain('application/problem+json');
      expect(proxied.body.detail).toBe('令牌已撤销，请重新登录');
      expect(reachedAid).toBe(before); // never reached the service
      await request(server).post('/api/v1/auth/logout').set(bearer(token)).expect(401);

      // Another session of the same user goes on; a public route ignores the stale header.
      await request(server).get('/api/v1/aid/hardship-files').set(bearer(other)).expect(200);
      await request(server).post('/api/v1/auth/token').set(bearer(token)).send({ username, password }).expect(200);
    });

    it('logs out when a client sends content-type application/json with an empty body; a route that takes a body still refuses that', async () => {
      const username = `logout-json-${tag}`;
      await createUser(username, ['aid-officer'], units.d1);
      const token = await tokenOf(username);
      await request(server).post('/api/v1/auth/logout').set(bearer(token)).set('content-type', 'application/json').send('').expect(204);
      await request(server).get('/api/v1/auth/me').set(bearer(token)).expect(401);
      const empty = await request(server).post('/api/v1/auth/token').set('content-type', 'application/json').set('accept-language', 'en').send('').expect(400);
      expect(empty.headers['content-type']).toContain('application/problem+json');
      expect(empty.body.detail).toBe('The body is empty but the content type is application/json');
    });

    it('the revocation reaches another gateway replica through the table, within its refresh', async () => {
      const username = `replica-${tag}`;
      await createUser(username, ['aid-officer'], units.d1);
      const token = await tokenOf(username);
      const replica = new RevocationList(runtime.dataSource);
      await replica.refresh();
      const claims = verifyAccessTokenClaims(token, testServiceConfig('gateway').jwtSecret);
      expect(replica.isRevoked(claims)).toBe(false);
      await request(server).post('/api/v1/auth/logout').set(bearer(token)).expect(204);
      await replica.refresh();
      expect(replica.isRevoked(claims)).toBe(true);
    });

    it('the administrator ends every session of a user; a login right after gets a token that works', async () => {
      const username = `sessions-${tag}`;
      const id = await createUser(username, ['aid-officer'], units.d1);
      const first = await tokenOf(username);
      const second = await tokenOf(username);
      await request(server).post(`/api/v1/auth/users/${id}/revoke-sessions`).set(bearer(admin)).expect(204);
      for (const token of [first, second]) {
        await request(server).get('/api/v1/auth/me').set(bearer(token)).expect(401);
        await request(server).get('/api/v1/aid/hardship-files').set(bearer(token)).expect(401);
      }
      const fresh = await tokenOf(username);
      await request(server).get('/api/v1/auth/me').set(bearer(fresh)).expect(200);
      await request(server).get('/api/v1/aid/hardship-files').set(bearer(fresh)).expect(200);
    });

    it('disabling a user refuses their tokens at once and their logins; enabling lets them log in again', async () => {
      const username = `disable-${tag}`;
      const id = await createUser(username, ['aid-officer'], units.d1);
      const token = await tokenOf(username);
      const disabled = await request(server).post(`/api/v1/auth/users/${id}/disable`).set(bearer(admin)).expect(200);
      expect(disabled.body).toMatchObject({ id, active: false });
      await request(server).get('/api/v1/aid/hardship-files').set(bearer(token)).expect(401);
      await request(server).get('/api/v1/auth/me').set(bearer(token)).expect(401);
      const refused = await login(username, password).expect(401);
      expect(refused.body.detail).toBe('用户名或密码错误'); // as for a wrong password: nothing said about the account
      await request(server).post(`/api/v1/auth/users/${id}/enable`).set(bearer(admin)).expect(200);
      await tokenOf(username);
    });
  });

  describe('user management', () => {
    let officer: string;
    let officerId: string;

    beforeAll(async () => {
      officerId = await createUser(`officer-${tag}`, ['membership-officer', 'aid-officer'], units.d1);
      officer = await tokenOf(`officer-${tag}`);
    });

    it('an officer creates users in their subtree with roles they hold', async () => {
      const res = await request(server)
        .post('/api/v1/auth/users')
        .set(bearer(officer))
        .send({ username: `street-aid-${tag}`, displayName: '街道帮扶专员', password, roles: ['aid-officer'], orgUnitId: units.d1street })
        .expect(201);
      expect(res.body).toMatchObject({ username: `street-aid-${tag}`, roles: ['aid-officer'], scopePath: paths.d1street, orgUnitId: units.d1street, active: true });
    });

    it('an officer cannot grant a role they do not hold, nor a scope outside their own (403 problem, zh or en)', async () => {
      const body = { username: `greedy-${tag}`, displayName: '越权', password, roles: ['aid-officer', 'training-officer'], orgUnitId: units.d1 };
      const role = await request(server).post('/api/v1/auth/users').set(bearer(officer)).send(body).expect(403);
      expect(role.headers['content-type']).toContain('application/problem+json');
      expect(role.body).toMatchObject({ status: 403, title: '无权操作', detail: '不能授予本人未持有的角色：培训专干' });
      const roleEn = await request(server).post('/api/v1/auth/users').set(bearer(officer)).set('accept-language', 'en').send(body).expect(403);
      expect(roleEn.body.detail).toBe('Cannot grant roles you do not hold: training-officer');
      const adminRole = await request(server).post('/api/v1/auth/users').set(bearer(officer)).send({ ...body, roles: ['federation-admin'] }).expect(403);
      expect(adminRole.body.detail).toContain('总工会管理员');

      const beside = await request(server).post('/api/v1/auth/users').set(bearer(officer)).set('accept-language', 'en').send({ ...body, roles: ['aid-officer'], orgUnitId: units.d2 }).expect(403);
      expect(beside.body.detail).toBe('Cannot grant a scope outside your own');
      const everywhere = await request(server).post('/api/v1/auth/users').set(bearer(officer)).send({ ...body, roles: ['aid-officer'], orgUnitId: undefined }).expect(403);
      expect(everywhere.body.status).toBe(403);
      // Nothing was created.
      expect(await runtime.dataSource.query('SELECT id FROM users WHERE username = $1', [`greedy-${tag}`])).toEqual([]);
    });

    it('lists the users of the caller’s subtree only, a page at a time', async () => {
      const d2User = await createUser(`d2-user-${tag}`, ['aid-officer'], units.d2);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: request.Response = await request(server)
          .get(`/api/v1/auth/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set(bearer(officer))
          .expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((u: { username: string; scopePath: string; createdAt: string }) => {
          expect(u.scopePath.startsWith(paths.d1)).toBe(true);
          expect(u.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/); // China Standard Time
          return u.username;
        }));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBeGreaterThan(1);
      expect(seen).toEqual(expect.arrayContaining([`officer-${tag}`, `street-aid-${tag}`, `lock-${tag}`]));
      expect(seen).not.toContain(`d2-user-${tag}`);
      expect(new Set(seen).size).toBe(seen.length);

      // The administrator sees every district's users.
      const first = await request(server).get('/api/v1/auth/users?limit=1').set(bearer(admin)).expect(200);
      expect(first.body).toEqual({ items: [expect.objectContaining({ id: expect.any(String) })], nextCursor: expect.any(String) });
      await request(server).get(`/api/v1/auth/users/${d2User}`).set(bearer(admin)).expect(200);
      await request(server).get(`/api/v1/auth/users/${d2User}`).set(bearer(officer)).expect(404);
      const bad = await request(server).get('/api/v1/auth/users?cursor=eyJ0IjoieCIsImlkIjoieSJ9').set(bearer(officer)).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
      await request(server).get('/api/v1/auth/users?limit=0').set(bearer(officer)).expect(400);
      await request(server).get('/api/v1/auth/users').set(bearer(tokenFor({ roles: ['personal-data-viewer'] }))).expect(403);
    });

    it('an account outside the officer’s subtree is not found; one with roles the officer lacks is forbidden; their own is self-service', async () => {
      const d2User = await createUser(`d2-other-${tag}`, ['aid-officer'], units.d2);
      for (const [method, path, body] of [
        ['get', `/api/v1/auth/users/${d2User}`, undefined],
        ['post', `/api/v1/auth/users/${d2User}/disable`, {}],
        ['post', `/api/v1/auth/users/${d2User}/reset-password`, { newPassword: 'Another-password-9' }],
        ['put', `/api/v1/auth/users/${d2User}/roles`, { roles: ['aid-officer'] }],
        ['post', `/api/v1/auth/users/${d2User}/revoke-sessions`, {}],
      ] as const) {
        const req = request(server)[method](path).set(bearer(officer));
        const res = body === undefined ? await req : await req.send(body);
        expect([path, res.status]).toEqual([path, 404]);
      }
      const mediator = await createUser(`d1-mediator-${tag}`, ['mediator'], units.d1);
      const res = await request(server).post(`/api/v1/auth/users/${mediator}/reset-password`).set(bearer(officer)).send({ newPassword: 'Takeover-attempt-1' }).expect(403);
      expect(res.body.detail).toContain('调解员');
      await login(`d1-mediator-${tag}`, password).expect(200); // the password did not change
      await request(server).post(`/api/v1/auth/users/${officerId}/disable`).set(bearer(officer)).expect(403);
      await request(server).get(`/api/v1/auth/users/${randomUUID()}`).set(bearer(officer)).expect(404);
      await request(server).get('/api/v1/auth/users/not-a-uuid').set(bearer(officer)).expect(400);
    });

    it('changes roles within what the officer holds; the user’s tokens end, as they carry the old roles', async () => {
      const username = `roles-${tag}`;
      const id = await createUser(username, ['aid-officer'], units.d1street, officer);
      const token = await tokenOf(username);
      const refused = await request(server).put(`/api/v1/auth/users/${id}/roles`).set(bearer(officer)).send({ roles: ['aid-officer', 'training-officer'] }).expect(403);
      expect(refused.body.detail).toContain('培训专干');
      await request(server).get('/api/v1/auth/me').set(bearer(token)).expect(200); // a refused change revokes nothing
      const invalid = await request(server).put(`/api/v1/auth/users/${id}/roles`).set(bearer(officer)).send({ roles: ['emperor'] }).expect(400);
      expect(invalid.body.errors.map((e: { field: string }) => e.field)).toContain('roles');

      const changed = await request(server).put(`/api/v1/auth/users/${id}/roles`).set(bearer(officer)).send({ roles: ['membership-officer', 'aid-officer'] }).expect(200);
      expect(changed.body.roles).toEqual(['membership-officer', 'aid-officer']);
      await request(server).get('/api/v1/auth/me').set(bearer(token)).expect(401);
      const me = await request(server).get('/api/v1/auth/me').set(bearer(await tokenOf(username))).expect(200);
      expect(me.body.roles).toEqual(['membership-officer', 'aid-officer']);
    });

    it('an officer resets the password of a user in their subtree and disables them', async () => {
      const username = `reset-${tag}`;
      const id = await createUser(username, ['membership-officer'], units.d1street, officer);
      const token = await tokenOf(username);
      const short = await request(server).post(`/api/v1/auth/users/${id}/reset-password`).set(bearer(officer)).send({ newPassword: 'short' }).expect(400);
      expect(short.body.errors.map((e: { field: string }) => e.field)).toEqual(['newPassword']);
      await request(server).post(`/api/v1/auth/users/${id}/reset-password`).set(bearer(officer)).send({ newPassword: 'Reset-by-officer-7' }).expect(204);
      await request(server).get('/api/v1/auth/me').set(bearer(token)).expect(401);
      await login(username, password).expect(401);
      await tokenOf(username, 'Reset-by-officer-7');
      await request(server).post(`/api/v1/auth/users/${id}/disable`).set(bearer(officer)).expect(200);
      await login(username, 'Reset-by-officer-7').expect(401);
    });
  });

  describe('changing one’s own password', () => {
    it('needs the current password, keeps the password rules, ends every session and answers with a fresh token', async () => {
      const username = `self-${tag}`;
      await createUser(username, ['training-officer'], units.d2);
      const token = await tokenOf(username);
      const other = await tokenOf(username);
      const change = (body: object, t = token) => request(server).post('/api/v1/auth/password').set(bearer(t)).send(body);

      const wrong = await change({ currentPassword: 'not-my-password', newPassword: 'Next-password-2027' }).expect(403);
      expect(wrong.body.errors).toEqual([{ field: 'currentPassword', message: '当前密码错误' }]);
      const same = await change({ currentPassword: password, newPassword: password }).expect(400);
      expect(same.body.errors.map((e: { field: string }) => e.field)).toEqual(['newPassword']);
      const short = await change({ currentPassword: password, newPassword: 'short' }).set('accept-language', 'en').expect(400);
      expect(short.body.errors).toEqual([{ field: 'newPassword', message: 'password must have at least 10 characters' }]);
      await change({ newPassword: 'Next-password-2027' }).expect(400);
      await request(server).post('/api/v1/auth/password').send({ currentPassword: password, newPassword: 'Next-password-2027' }).expect(401);

      const changed = await change({ currentPassword: password, newPassword: 'Next-password-2027' }).expect(200);
      expect(changed.headers['cache-control']).toBe('no-store');
      const fresh = changed.body.accessToken as string;
      for (const old of [token, other]) await request(server).get('/api/v1/auth/me').set(bearer(old)).expect(401);
      await request(server).get('/api/v1/auth/me').set(bearer(fresh)).expect(200);
      await request(server).get('/api/v1/aid/hardship-files').set(bearer(fresh)).expect(200);
      await login(username, password).expect(401);
      await login(username, 'Next-password-2027').expect(200);
    });
  });

  describe('security headers', () => {
    const expectSecurityHeaders = (res: request.Response, csp = true) => {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
      if (csp) expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      else expect(res.headers['content-security-policy']).toBeUndefined();
    };

    it('on every answer: the gateway’s own routes, its errors, proxied answers and the proxy’s refusals', async () => {
      expectSecurityHeaders(await request(server).get('/api/v1/auth/me').set(bearer(admin)));
      expectSecurityHeaders(await request(server).get('/api/v1/auth/me').expect(401));
      expectSecurityHeaders(await request(server).get('/api/v1/nothing-here').expect(404));
      expectSecurityHeaders(await request(server).post('/api/v1/auth/token').send({ username: 'x' }).expect(400));
      expectSecurityHeaders(await request(server).get('/api/v1/aid/hardship-files').set(bearer(admin)).expect(200)); // the stand-in sent X-Powered-By
      expectSecurityHeaders(await request(server).get('/api/v1/aid/hardship-files').expect(401));
      expectSecurityHeaders(await request(server).get('/api/v1/training/sessions').set(bearer(admin)).expect(503));
      expectSecurityHeaders(await request(server).get('/health'));
    });

    it('leaves the Swagger UI page without the API’s CSP, and sends HSTS to a caller that came over HTTPS', async () => {
      expectSecurityHeaders(await request(server).get('/api/docs').expect(200), false);
      expect((await request(server).get('/api/v1/auth/me').set(bearer(admin))).headers['strict-transport-security']).toBeUndefined();
      const https = await request(server).get('/api/v1/auth/me').set(bearer(admin)).set('x-forwarded-proto', 'https').expect(404); // the test token's user is not in the table
      expect(https.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
      const proxied = await request(server).get('/api/v1/aid/x').set(bearer(admin)).set('x-forwarded-proto', 'https').expect(200);
      expect(proxied.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
      const token = await request(server).post('/api/v1/auth/token').send({ username: 'admin', password: 'Gonghui@2026' });
      expect(token.headers['cache-control']).toBe('no-store');
    });
  });

  // Last: it throttles this process's address for the rest of the run.
  describe('throttling by client address', () => {
    it('after many wrong passwords from one address, refuses every login from it with a 429 that says until when', async () => {
      const victim = `address-${tag}`;
      await createUser(victim, ['aid-officer'], units.d1);
      let first429 = -1;
      for (let i = 0; i < 70 && first429 < 0; i++) {
        const res = await login(`spray-${tag}-${i}`, 'guessed-password');
        if (res.status === 429) first429 = i;
        else expect(res.status).toBe(401);
      }
      expect(first429).toBeGreaterThan(0);
      const refused = await login(victim, password, 'en').expect(429);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.title).toBe('Too many login attempts');
      expect(refused.body.detail).toMatch(/^Too many failed logins from this address: try again after \d{4}-\d\d-\d\dT/);
      const zh = await login(victim, password).expect(429);
      expect(zh.body.detail).toMatch(/^此地址登录失败次数过多，请于 \S+ 后再试$/);
    });
  });
});
