import http from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MemberEnrolledV1 } from '@gonghui/contracts';
import { createServiceApp, DEVELOPMENT_JWT_SECRET, ServiceRuntime } from '@gonghui/service-kit';
import { EventSender, eventually, testServiceConfig, tokenFor } from '@gonghui/testing';
import { aidService } from '../../aid/src/service';
import { mediationService } from '../../mediation/src/service';
import { membershipService } from '../../membership/src/service';
import { trainingService } from '../../training/src/service';
import { gatewayService } from '../src/service';
import { IdempotencyStore } from '../src/idempotency/idempotency-store';
import { MAX_KEPT_ANSWER_BYTES } from '../src/idempotency/idempotent-requests';
import { createServiceProxy, serveProxyFirst } from '../src/proxy/service-proxy';
import { SEED_ADMIN } from '../src/users/users.service';

/**
 * `Idempotency-Key` on writes through the gateway: the gateway in-process, and the real training
 * service in-process behind it (listening, as the gateway proxies over HTTP), both against the
 * real Postgres; members reach training through the real broker.
 */
describe('gateway: idempotent writes', () => {
  let gateway: NestFastifyApplication;
  let gatewayRuntime: ServiceRuntime;
  let training: NestFastifyApplication;
  let trainingRuntime: ServiceRuntime;
  let events: EventSender;
  const saved = { ...process.env };
  const hex = () => randomUUID().replace(/-/g, '');
  const district = `/${hex()}/${hex()}/`;
  const officer = (userId = randomUUID()) => tokenFor({ userId, username: `officer-${userId.slice(0, 8)}`, roles: ['training-officer'], orgUnitId: randomUUID(), scopePath: district });
  const hour = 3_600_000;

  const server = () => gateway.getHttpServer();

  /** A session with a title of its own, so that its rows can be counted. */
  const sessionBody = (courseTitle = `电工培训 ${randomUUID()}`, over: Record<string, unknown> = {}) => ({
    courseTitle,
    startsAt: new Date(Date.now() + 24 * hour).toISOString(),
    endsAt: new Date(Date.now() + 32 * hour).toISOString(),
    location: '市职工文化宫 3 楼',
    capacity: 40,
    ...over,
  });

  const schedule = (token: string, body: object, key?: string) => {
    const call = request(server()).post('/api/v1/training/sessions').set('authorization', `Bearer ${token}`);
    return (key === undefined ? call : call.set('Idempotency-Key', key)).send(body);
  };

  const sessionsTitled = async (courseTitle: string): Promise<number> =>
    Number(((await trainingRuntime.dataSource.query('SELECT count(*) AS n FROM sessions WHERE course_title = $1', [courseTitle])) as { n: string }[])[0].n);

  const keysOf = async (userId: string): Promise<{ key: string; status_code: number | null }[]> =>
    gatewayRuntime.dataSource.query('SELECT key, status_code FROM idempotency_keys WHERE user_id = $1 ORDER BY key', [userId]);

  /** Members become known to training as membership announces them: through the broker. */
  async function enrol(): Promise<string> {
    const memberId = randomUUID();
    await events.send(MemberEnrolledV1, { ...MemberEnrolledV1.example, memberId, orgUnitPath: `${district}${hex()}/`, enrolledAt: new Date().toISOString() });
    await eventually(async () => {
      const rows = (await trainingRuntime.dataSource.query('SELECT status FROM member_directory WHERE member_id = $1', [memberId])) as { status: string }[];
      expect(rows[0]?.status).toBe('active');
    });
    return memberId;
  }

  beforeAll(async () => {
    ({ app: training, runtime: trainingRuntime } = (await createServiceApp({ ...trainingService(testServiceConfig('training')), logLevels: ['error'] })) as {
      app: NestFastifyApplication;
      runtime: ServiceRuntime;
    });
    await training.listen(0, '127.0.0.1');
    process.env.TRAINING_URL = `http://127.0.0.1:${(training.getHttpServer().address() as AddressInfo).port}`;
    // Nothing listens there: the gateway answers 503 for these services.
    for (const name of ['MEMBERSHIP', 'AID', 'MEDIATION']) process.env[`${name}_URL`] = 'http://127.0.0.1:1';
    ({ app: gateway, runtime: gatewayRuntime } = (await createServiceApp({ ...gatewayService(testServiceConfig('gateway')), logLevels: ['error'] })) as {
      app: NestFastifyApplication;
      runtime: ServiceRuntime;
    });
    events = await EventSender.open('gateway-idempotency-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await gateway?.close();
    await training?.close();
    process.env = saved;
  });

  it('answers a repeated key with the first answer, status and body, and makes no second session', async () => {
    const token = officer();
    const key = randomUUID();
    const body = sessionBody();

    const first = await schedule(token, body, key).expect(201);
    expect(first.body).toMatchObject({ id: expect.any(String), courseTitle: body.courseTitle, booked: 0 });
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const again = await schedule(token, body, key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['x-request-id']).toEqual(expect.any(String));
    expect(await sessionsTitled(body.courseTitle)).toBe(1);
  });

  it('answers a repeated booking with its first 201, where without the key the repeat is a 409', async () => {
    const token = officer();
    const memberId = await enrol();
    const session = (await schedule(token, sessionBody()).expect(201)).body as { id: string };
    const book = (key?: string) => {
      const call = request(server()).post(`/api/v1/training/sessions/${session.id}/bookings`).set('authorization', `Bearer ${token}`);
      return (key === undefined ? call : call.set('Idempotency-Key', key)).send({ memberId });
    };

    const key = `booking-${randomUUID()}`;
    const first = await book(key).expect(201);
    const again = await book(key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');

    // The same booking without the key reaches the service, which refuses a second one.
    const plain = await book().expect(409);
    expect(plain.body.type).toContain('already-booked');
    const bookings = await trainingRuntime.dataSource.query('SELECT id FROM bookings WHERE session_id = $1', [session.id]);
    expect(bookings).toEqual([{ id: first.body.id }]);
  });

  it('refuses the same key with another body or path (422 problem), and sends nothing on', async () => {
    const token = officer();
    const key = randomUUID();
    const body = sessionBody();
    const first = await schedule(token, body, key).expect(201);

    const other = sessionBody();
    const reused = await schedule(token, other, key).set('accept-language', 'en').expect(422);
    expect(reused.headers['content-type']).toContain('application/problem+json');
    expect(reused.body).toMatchObject({ status: 422, instance: '/api/v1/training/sessions' });
    expect(reused.body.type).toContain('idempotency-key-reused');
    expect(reused.body.detail).toContain('Idempotency-Key');
    expect(await sessionsTitled(other.courseTitle)).toBe(0);

    const zh = await schedule(token, other, key).expect(422);
    expect(zh.body.detail).toContain('已用于另一个请求');

    // Another path with the key is another request too.
    await request(server()).post(`/api/v1/training/sessions/${first.body.id}/bookings`).set('authorization', `Bearer ${token}`).set('Idempotency-Key', key).send({ memberId: randomUUID() }).expect(422);

    // The first answer is still the one the key replays.
    const again = await schedule(token, body, key).expect(201);
    expect(again.body).toEqual(first.body);
  });

  it('keeps keys per user: another user’s same key is a request of its own', async () => {
    const [userA, userB] = [randomUUID(), randomUUID()];
    const key = 'shared-key-1';
    const body = sessionBody();
    const a = await schedule(officer(userA), body, key).expect(201);
    const b = await schedule(officer(userB), body, key).expect(201);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(await sessionsTitled(body.courseTitle)).toBe(2);
    expect(await keysOf(userA)).toEqual([{ key, status_code: 201 }]);
    expect(await keysOf(userB)).toEqual([{ key, status_code: 201 }]);
  });

  it('lets exactly one of ten concurrent requests with one key through; the others wait their turn (409) or get its answer', async () => {
    const token = officer();
    const key = randomUUID();
    const body = sessionBody();
    const answers = await Promise.all(Array.from({ length: 10 }, () => schedule(token, body, key)));

    expect(await sessionsTitled(body.courseTitle)).toBe(1);
    const created = answers.filter((a) => a.status === 201);
    const inFlight = answers.filter((a) => a.status === 409);
    expect(created.length + inFlight.length).toBe(10);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(created.filter((a) => a.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    for (const answer of created) expect(answer.body).toEqual(created[0].body);
    for (const answer of inFlight) {
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.body.type).toContain('idempotency-key-in-flight');
      expect(answer.headers['retry-after']).toBe('1');
    }

    const later = await schedule(token, body, key).expect(201);
    expect(later.body).toEqual(created[0].body);
    expect(await sessionsTitled(body.courseTitle)).toBe(1);
  });

  it('replays a 4xx answer too: the key keeps the refusal it got', async () => {
    const token = officer();
    const key = randomUUID();
    const body = sessionBody(undefined, { capacity: 0 });
    const first = await schedule(token, body, key).expect(400);
    expect(first.body.errors.map((e: { field: string }) => e.field)).toContain('capacity');

    const again = await schedule(token, body, key).expect(400);
    expect(again.body).toEqual(first.body);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await sessionsTitled(body.courseTitle)).toBe(0);
  });

  it('releases the key when the service cannot be reached (503): a retry goes through', async () => {
    const userId = randomUUID();
    const token = tokenFor({ userId, roles: ['aid-officer'], orgUnitId: randomUUID(), scopePath: district });
    const key = randomUUID();
    const send = () => request(server()).post('/api/v1/aid/hardship-files').set('authorization', `Bearer ${token}`).set('Idempotency-Key', key).send({ memberId: randomUUID() });

    const first = await send().expect(503);
    expect(first.body.type).toContain('service-unavailable');
    expect(await keysOf(userId)).toEqual([]);
    const retry = await send().expect(503);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });

  it('keeps no answer that a service gives as a 5xx, nor one larger than 1 MB: a repeat reaches the service again', async () => {
    // A stand-in service behind a proxy over the gateway's store: a 500 first, then a 201; and an answer too large to keep.
    let calls = 0;
    const big = Buffer.alloc(MAX_KEPT_ANSWER_BYTES + 1, 'x');
    const standIn = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        calls += 1;
        if (req.url === '/api/v1/membership/large') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(big);
        if (calls === 1) return void res.writeHead(500, { 'content-type': 'application/problem+json' }).end('{"status":500}');
        res.writeHead(201, { 'content-type': 'application/json' }).end(`{"call":${calls}}`);
      });
    });
    const proxy = http.createServer((_req, res) => res.writeHead(404).end());
    const listen = async (server: http.Server) => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    };
    const standInUrl = await listen(standIn);
    serveProxyFirst(proxy, createServiceProxy({ membership: standInUrl, aid: standInUrl, training: standInUrl, mediation: standInUrl }, process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, 30_000, gateway.get(IdempotencyStore)));
    const proxyUrl = await listen(proxy);
    try {
      const userId = randomUUID();
      const post = (path: string, key: string) =>
        fetch(`${proxyUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${tokenFor({ userId })}`, 'idempotency-key': key, 'content-type': 'application/json' }, body: '{"a":1}' });

      const key = randomUUID();
      const failed = await post('/api/v1/membership/things', key);
      expect(failed.status).toBe(500);
      expect(await failed.json()).toEqual({ status: 500 });
      expect(await keysOf(userId)).toEqual([]);
      const retried = await post('/api/v1/membership/things', key);
      expect(retried.status).toBe(201);
      expect(await retried.json()).toEqual({ call: 2 });
      const replayed = await post('/api/v1/membership/things', key);
      expect(replayed.headers.get('idempotent-replayed')).toBe('true');
      expect(await replayed.json()).toEqual({ call: 2 });
      expect(calls).toBe(2);

      const largeKey = randomUUID();
      for (let i = 0; i < 2; i++) {
        const large = await post('/api/v1/membership/large', largeKey);
        expect(large.status).toBe(200);
        expect(large.headers.get('idempotent-replayed')).toBeNull();
        expect((await large.arrayBuffer()).byteLength).toBe(big.length);
      }
      expect(calls).toBe(4);
      expect(await keysOf(userId)).toEqual([{ key, status_code: 201 }]);
    } finally {
      proxy.closeAllConnections();
      standIn.closeAllConnections();
      await new Promise((r) => proxy.close(r));
      await new Promise((r) => standIn.close(r));
    }
  });

  it('behaves as before without the header: every request reaches the service and no key is kept', async () => {
    const userId = randomUUID();
    const token = officer(userId);
    const body = sessionBody();
    const first = await schedule(token, body).expect(201);
    const second = await schedule(token, body).expect(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(await sessionsTitled(body.courseTitle)).toBe(2);
    expect(await keysOf(userId)).toEqual([]);

    // A GET with the header is not a write: it passes as before.
    const list = await request(server()).get('/api/v1/training/sessions').set('authorization', `Bearer ${token}`).set('Idempotency-Key', randomUUID()).expect(200);
    expect(list.headers['idempotent-replayed']).toBeUndefined();
    expect(await keysOf(userId)).toEqual([]);
  });

  it('refuses a malformed key (too long, not printable ASCII) with a 400 problem, before the service', async () => {
    const userId = randomUUID();
    const token = officer(userId);
    for (const key of ['k'.repeat(201), 'clé-\u00e9']) {
      const body = sessionBody();
      const res = await schedule(token, body, key).set('accept-language', 'en').expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 200 printable ASCII characters' }]);
      expect(await sessionsTitled(body.courseTitle)).toBe(0);
    }
    await schedule(token, sessionBody(), 'k'.repeat(200)).expect(201);
    expect(await keysOf(userId)).toEqual([{ key: 'k'.repeat(200), status_code: 201 }]);
  });

  it('keeps keys for 24 hours: an older key counts no more, and the hourly purge deletes it', async () => {
    const userId = randomUUID();
    const token = officer(userId);
    const key = randomUUID();
    const first = await schedule(token, sessionBody(), key).expect(201);
    await gatewayRuntime.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE user_id = $1 AND key = $2`, [userId, key]);

    // Expired: the key may be used for another request, which goes through.
    const body = sessionBody();
    const next = await schedule(token, body, key).expect(201);
    expect(next.body.id).not.toBe(first.body.id);
    expect(next.headers['idempotent-replayed']).toBeUndefined();
    expect((await schedule(token, body, key).expect(201)).body).toEqual(next.body);

    const oldKey = randomUUID();
    await schedule(token, sessionBody(), oldKey).expect(201);
    await gatewayRuntime.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE user_id = $1 AND key = $2`, [userId, oldKey]);
    expect(await gateway.get(IdempotencyStore).purgeExpired()).toBeGreaterThanOrEqual(1);
    expect((await keysOf(userId)).map((k) => k.key)).toEqual([key]);
  });

  it('leaves the gateway’s own routes working with the header', async () => {
    const key = randomUUID();
    for (let i = 0; i < 2; i++) {
      const res = await request(server()).post('/api/v1/auth/token').set('Idempotency-Key', key).send({ username: SEED_ADMIN.username, password: SEED_ADMIN.password }).expect(200);
      expect(res.body.accessToken).toEqual(expect.any(String));
    }
  });

  it('documents the header on every proxied POST in the merged OpenAPI document', async () => {
    const doc = (await request(server()).get('/api/docs-json').expect(200)).body;
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } });
    const posts = Object.entries(doc.paths as Record<string, { post?: { parameters?: { $ref?: string }[] } }>).filter(([path, item]) => path.startsWith('/api/v1/training/') && item.post);
    expect(posts.length).toBeGreaterThanOrEqual(2);
    for (const [, item] of posts) expect(item.post!.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
  });
});

/**
 * Every POST and PATCH of the merged OpenAPI document, through the gateway to the four real services
 * in-process: sent twice with one key, the second answer is the first one replayed. Covers a new
 * endpoint without anyone adding it here.
 */
describe('gateway: every POST and PATCH of the API under a repeated Idempotency-Key', () => {
  let gateway: NestFastifyApplication;
  const services: NestFastifyApplication[] = [];
  const saved = { ...process.env };
  const token = tokenFor();

  type Schema = { $ref?: string; type?: string; example?: unknown; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; format?: string };
  type Operation = { parameters?: { $ref?: string }[]; requestBody?: { content?: Record<string, { schema?: Schema; example?: unknown }> } };
  let doc: { paths: Record<string, { post?: Operation; patch?: Operation }>; components: { schemas: Record<string, Schema> } };

  /** A body built from the examples the document gives (fields without one are left out). */
  const exampleOf = (schema: Schema | undefined, depth = 0): unknown => {
    if (!schema || depth > 5) return undefined;
    if (schema.$ref) return exampleOf(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')], depth + 1);
    if (schema.example !== undefined) return schema.example;
    if (schema.enum) return schema.enum[0];
    if (schema.type === 'array') {
      const item = exampleOf(schema.items, depth + 1);
      return item === undefined ? [] : [item];
    }
    if (schema.properties) {
      return Object.fromEntries(
        Object.entries(schema.properties)
          .map(([name, property]) => [name, exampleOf(property, depth + 1)] as const)
          .filter(([, value]) => value !== undefined),
      );
    }
    if (schema.format === 'uuid') return randomUUID();
    return undefined;
  };

  beforeAll(async () => {
    const all = { membership: membershipService, aid: aidService, training: trainingService, mediation: mediationService } as const;
    for (const [name, service] of Object.entries(all)) {
      const { app } = (await createServiceApp({ ...service(testServiceConfig(name as keyof typeof all)), logLevels: ['error'] })) as { app: NestFastifyApplication };
      services.push(app);
      await app.listen(0, '127.0.0.1');
      process.env[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    }
    ({ app: gateway } = (await createServiceApp({ ...gatewayService(testServiceConfig('gateway')), logLevels: ['error'] })) as { app: NestFastifyApplication });
    doc = (await request(gateway.getHttpServer()).get('/api/docs-json').expect(200)).body;
  });

  afterAll(async () => {
    await gateway?.close();
    for (const app of services) await app.close();
    process.env = saved;
  });

  it('replays the first answer of each, status and body, and documents the header on each', async () => {
    const writes = Object.entries(doc.paths)
      .filter(([path]) => /^\/api\/v1\/(membership|aid|training|mediation)\//.test(path))
      .flatMap(([path, item]) => (['post', 'patch'] as const).filter((method) => item[method]).map((method) => [path, method, item[method]!] as const));
    for (const service of ['membership', 'aid', 'training', 'mediation']) expect(writes.some(([path, method]) => method === 'post' && path.startsWith(`/api/v1/${service}/`))).toBe(true);
    expect(writes.some(([, method]) => method === 'patch')).toBe(true);

    for (const [template, method, operation] of writes) {
      expect(operation.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
      const path = template.replace(/\{[^}]+\}/g, () => randomUUID());
      const json = operation.requestBody?.content?.['application/json'];
      const body = json ? (json.example ?? exampleOf(json.schema) ?? {}) : {};
      const key = randomUUID();
      const send = () => request(gateway.getHttpServer())[method](path).set('authorization', `Bearer ${token}`).set('Idempotency-Key', key).send(body as object);

      const first = await send();
      const again = await send();
      const seen = { method, path: template, first: first.status, again: again.status };
      expect(seen).toEqual({ method, path: template, first: expect.any(Number), again: first.status });
      expect(first.status).toBeLessThan(500);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
    }
  });
});
