import http from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MemberEnrolledV1, OrgUnitCreatedV1, OrgUnitMovedV1, OrgUnitRenamedV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { EventSender, eventually, testServiceConfig, tokenFor } from '@gonghui/testing';
import { gatewayService } from '../src/service';
import { SEED_ADMIN } from '../src/users/users.service';

/**
 * The gateway's own routes in-process (supertest on the Fastify server), against the real
 * Postgres and broker. Another service is stood for by a small HTTP server: what the gateway
 * fetches from it (its event subscriptions, its OpenAPI) and what it proxies to it.
 */
describe('gateway routes', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let server: http.Server;
  let events: EventSender;
  let otherService: http.Server;
  let proxied: { method?: string; url?: string }[] = [];
  const admin = tokenFor();
  const saved = { ...process.env };

  beforeAll(async () => {
    // Stands for the aid service's HTTP answers.
    otherService = http.createServer((req, res) => {
      if (req.url === '/api/events/subscriptions') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify([{ consumerGroup: 'aid.member-directory', eventType: MemberEnrolledV1.type, topic: MemberEnrolledV1.topic, batch: true }]));
      } else if (req.url === '/api/docs-json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ paths: { '/api/v1/aid/hardship-files': { get: { responses: { 200: { $ref: '#/components/schemas/FileView' } } } } }, components: { schemas: { FileView: { type: 'object' } } } }));
      } else {
        proxied.push({ method: req.method, url: req.url });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"from":"aid"}');
      }
    });
    await new Promise<void>((resolve) => otherService.listen(0, '127.0.0.1', resolve));
    process.env.AID_URL = `http://127.0.0.1:${(otherService.address() as AddressInfo).port}`;
    for (const name of ['MEMBERSHIP', 'TRAINING', 'MEDIATION']) process.env[`${name}_URL`] = 'http://127.0.0.1:1';

    ({ app, runtime } = await createServiceApp({ ...gatewayService(testServiceConfig('gateway')), logLevels: ['error'] }));
    server = app.getHttpServer();
    events = await EventSender.open('gateway-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
    otherService?.closeAllConnections();
    await new Promise((r) => otherService?.close(r));
    process.env = saved;
  });

  describe('POST /api/v1/auth/token', () => {
    it('gives the seeded administrator a bearer token that the gateway accepts', async () => {
      const res = await request(server).post('/api/v1/auth/token').send({ username: SEED_ADMIN.username, password: SEED_ADMIN.password }).expect(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: expect.any(Number), accessToken: expect.any(String) });
      const me = await request(server).get('/api/v1/auth/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body).toMatchObject({ username: SEED_ADMIN.username, roles: ['federation-admin'], orgUnitId: null, scopePath: '/' });
    });

    it('refuses a wrong password and an unknown user alike, as problem+json in zh or en by Accept-Language', async () => {
      const wrong = await request(server).post('/api/v1/auth/token').send({ username: SEED_ADMIN.username, password: 'not-the-password' }).expect(401);
      expect(wrong.headers['content-type']).toContain('application/problem+json');
      expect(wrong.body).toMatchObject({ status: 401, title: '未登录或令牌无效', detail: '用户名或密码错误', instance: '/api/v1/auth/token' });
      expect(wrong.body.requestId).toBe(wrong.headers['x-request-id']);

      const unknown = await request(server).post('/api/v1/auth/token').set('accept-language', 'en-US,en;q=0.9').send({ username: 'nobody-here', password: 'whatever' }).expect(401);
      expect(unknown.headers['content-type']).toContain('application/problem+json');
      expect(unknown.body).toMatchObject({ status: 401, title: 'Not authenticated', detail: 'Wrong username or password' });
    });

    it('answers invalid fields with 400 problem+json and errors[] per field', async () => {
      const res = await request(server).post('/api/v1/auth/token').set('accept-language', 'en').send({ username: 'admin', extra: 1 }).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.status).toBe(400);
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toContain('password');
    });
  });

  describe('POST /api/v1/auth/users', () => {
    it('creates a user bound to a unit learned from membership’s events, and 409 for a taken username', async () => {
      const unitId = randomUUID();
      const hex = () => randomUUID().replace(/-/g, '');
      const path = `/${unitId.replace(/-/g, '')}/`;
      await events.send(OrgUnitCreatedV1, { ...OrgUnitCreatedV1.example, orgUnitId: unitId, path, name: '测试区总工会', createdAt: new Date().toISOString() });
      const username = `user.${randomUUID().slice(0, 8)}`;
      const body = { username, displayName: '区会员工作专员', password: 'long-enough-password', roles: ['membership-officer'], orgUnitId: unitId };

      const created = await eventually(async () => {
        const res = await request(server).post('/api/v1/auth/users').set('authorization', `Bearer ${admin}`).send(body);
        expect(res.status).toBe(201);
        return res.body;
      });
      expect(created).toMatchObject({ username, orgUnitId: unitId, scopePath: path, roles: ['membership-officer'] });

      const again = await request(server).post('/api/v1/auth/users').set('authorization', `Bearer ${admin}`).set('accept-language', 'en').send(body).expect(409);
      expect(again.headers['content-type']).toContain('application/problem+json');
      expect(again.body.type).toContain('username-taken');

      // The user logs in and sees the unit's subtree; renaming and moving the unit keep it current.
      const login = await request(server).post('/api/v1/auth/token').send({ username, password: body.password }).expect(200);
      const newPath = `/${hex()}${path}`;
      await events.send(OrgUnitRenamedV1, { ...OrgUnitRenamedV1.example, orgUnitId: unitId, name: '新名称总工会', renamedAt: new Date().toISOString() });
      await events.send(OrgUnitMovedV1, { ...OrgUnitMovedV1.example, orgUnitId: unitId, oldPath: path, newPath, movedAt: new Date().toISOString() });
      await eventually(async () => {
        const me = await request(server).get('/api/v1/auth/me').set('authorization', `Bearer ${login.body.accessToken}`).expect(200);
        expect(me.body.scopePath).toBe(newPath);
      });
      const unit = await runtime.dataSource.query('SELECT path, name FROM org_unit_directory WHERE org_unit_id = $1', [unitId]);
      expect(unit).toEqual([{ path: newPath, name: '新名称总工会' }]);
    });

    it('refuses a unit the gateway does not know (422 on orgUnitId), invalid fields (400) and a non-administrator (403)', async () => {
      const unknown = await request(server)
        .post('/api/v1/auth/users')
        .set('authorization', `Bearer ${admin}`)
        .send({ username: `u.${randomUUID().slice(0, 8)}`, displayName: '某人', password: 'long-enough-password', roles: ['membership-officer'], orgUnitId: randomUUID() })
        .expect(422);
      expect(unknown.body.errors).toEqual([{ field: 'orgUnitId', message: '未知组织' }]);

      const invalid = await request(server).post('/api/v1/auth/users').set('authorization', `Bearer ${admin}`).send({ username: 'X', displayName: '', password: 'short', roles: ['emperor'] }).expect(400);
      const fields = (invalid.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['username', 'displayName', 'password', 'roles']));

      await request(server)
        .post('/api/v1/auth/users')
        .set('authorization', `Bearer ${tokenFor({ roles: ['membership-officer'] })}`)
        .send({ username: 'someone.else', displayName: '某人', password: 'long-enough-password', roles: ['membership-officer'] })
        .expect(403);
    });
  });

  describe('documentation', () => {
    it('serves the merged OpenAPI document, the Swagger UI page and its assets', async () => {
      const res = await request(server).get('/api/docs-json').expect(200);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(res.body.paths).toHaveProperty(['/api/v1/auth/token']);
      expect(res.body.paths).toHaveProperty(['/api/v1/aid/hardship-files']);
      expect(res.body.components.schemas).toHaveProperty(['aid.FileView']);
      expect(res.body.info.description).toContain('membership');

      const page = await request(server).get('/api/docs').expect(200);
      expect(page.headers['content-type']).toContain('text/html');
      const css = await request(server).get('/api/docs/assets/swagger-ui.css').expect(200);
      expect(css.headers['content-type']).toContain('text/css');
      await request(server).get('/api/docs/assets/swagger-ui-bundle.js').expect(200);
    });

    it('lists in the AsyncAPI document who consumes what: the gateway’s own handlers and a reachable service’s', async () => {
      const res = await request(server).get('/api/v1/events/asyncapi').expect(200);
      expect(res.body.asyncapi).toBe('3.0.0');
      const operations = Object.values(res.body.operations as Record<string, { action: string; channel: { $ref: string }; 'x-consumer-group'?: string; messages: { $ref: string }[] }>);
      const receives = operations.filter((o) => o.action === 'receive');
      const consumed = receives.map((o) => `${o['x-consumer-group']} ${o.messages[0].$ref}`);

      const gatewayGroup = receives.filter((o) => o['x-consumer-group'] === 'gateway.org-unit-directory');
      expect(gatewayGroup).toHaveLength(3);
      const aid = receives.find((o) => o['x-consumer-group'] === 'aid.member-directory');
      expect(aid).toBeDefined();
      const channel = res.body.channels[aid!.channel.$ref.replace('#/channels/', '')];
      expect(channel.address).toBe(MemberEnrolledV1.topic);
      expect(operations.some((o) => o.action === 'send' && o.channel.$ref === aid!.channel.$ref)).toBe(true);
      expect(consumed.filter((c) => c.startsWith('membership.') || c.startsWith('training.'))).toEqual([]);
      expect(res.body.info.description).toContain('(not reachable just now): mediation, membership, training');
    });
  });

  describe('proxy and health on the Fastify server', () => {
    beforeEach(() => (proxied = []));

    it('proxies /api/v1/<service>/… ahead of the framework, and refuses a call without a token', async () => {
      const res = await request(server).get('/api/v1/aid/hardship-files?limit=5').set('authorization', `Bearer ${admin}`).expect(200);
      expect(res.body).toEqual({ from: 'aid' });
      expect(proxied).toEqual([{ method: 'GET', url: '/api/v1/aid/hardship-files?limit=5' }]);

      const refused = await request(server).get('/api/v1/aid/hardship-files').expect(401);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      const down = await request(server).get('/api/v1/training/sessions').set('authorization', `Bearer ${admin}`).expect(503);
      expect(down.body.detail).toContain('training');
      expect(proxied).toHaveLength(1);
    });

    it('answers /health with 503 naming the services that are down', async () => {
      const res = await request(server).get('/health').expect(503);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.body.status).toBe('down');
      expect(res.body.services.membership.status).toBe('down');
      expect(res.body.gateway.service).toBe('gateway');
      expect(res.body.postgres).toEqual({ status: 'up' });
    });

    it('still proxies first once the application listens as main.ts makes it (app.listen)', async () => {
      await app.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const res = await fetch(`${url}/api/v1/aid/hardship-files`, { headers: { authorization: `Bearer ${admin}` } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ from: 'aid' });
      expect(proxied).toEqual([{ method: 'GET', url: '/api/v1/aid/hardship-files' }]);
      const own = await fetch(`${url}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(own.status).toBe(400);
    });
  });
});
