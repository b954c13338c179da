import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MemberEnrolledV1, MemberLeftV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { EventSender, eventually, testServiceConfig, tokenFor } from '@gonghui/testing';
import { trainingService } from '../src/service';

type ProblemBody = { type: string; title: string; status: number; detail?: string; errors?: { field: string; message: string }[] };

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
/** What an English sentence left in a Chinese answer looks like: class-validator's and the HTTP layer's phrases, or three English words in a row. */
const ENGLISH =
  /must be|should not|must contain|must not|is not valid|Cannot [A-Z]+ \/|Unexpected|Requires one of|[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/;

/**
 * Every error answers in one language: zh-CN by default, English with `Accept-Language: en`,
 * never both ("中文 / English"), across validation, routing, body parsing, authorisation and
 * the business rules; and the OpenAPI document describes each error body as a Problem.
 */
describe('training: one language per answer', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const hex = () => randomUUID().replace(/-/g, '');
  const district = `/${hex()}/${hex()}/`;
  const officer = tokenFor({ username: 'lang-officer', roles: ['training-officer'], orgUnitId: randomUUID(), scopePath: district });
  const aidOfficer = tokenFor({ username: 'lang-aid', roles: ['aid-officer'], orgUnitId: randomUUID(), scopePath: district });
  const hour = 3_600_000;
  const [noSuchSession, noSuchMember, foreignUnit] = [randomUUID(), randomUUID(), randomUUID()];
  const server = () => app.getHttpServer();
  const statusOf = async (memberId: string): Promise<string | undefined> =>
    ((await runtime.dataSource.query('SELECT status FROM member_directory WHERE member_id = $1', [memberId])) as { status: string }[])[0]
      ?.status;

  const validSession = () => ({
    courseTitle: '焊工安全培训',
    startsAt: new Date(Date.now() + 24 * hour).toISOString(),
    endsAt: new Date(Date.now() + 26 * hour).toISOString(),
    location: '区职工服务中心',
    capacity: 1,
  });

  let sessionId: string;
  let booked: string;
  let other: string;
  let leaver: string;

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...trainingService(testServiceConfig('training')), logLevels: ['error'] })) as {
      app: NestFastifyApplication;
      runtime: ServiceRuntime;
    });
    events = await EventSender.open('training-language-test');
    [booked, other, leaver] = [randomUUID(), randomUUID(), randomUUID()];
    for (const memberId of [booked, other, leaver]) {
      await events.send(MemberEnrolledV1, {
        ...MemberEnrolledV1.example,
        memberId,
        orgUnitPath: `${district}${hex()}/`,
        enrolledAt: new Date().toISOString(),
      });
    }
    await events.send(MemberLeftV1, {
      memberId: leaver,
      orgUnitId: MemberEnrolledV1.example.orgUnitId,
      reason: 'changed-job',
      leftAt: new Date().toISOString(),
    });
    await eventually(async () => {
      expect(await statusOf(booked)).toBe('active');
      expect(await statusOf(other)).toBe('active');
      expect(await statusOf(leaver)).toBe('left');
    });
    sessionId = (
      await request(server()).post('/api/v1/training/sessions').set('authorization', `Bearer ${officer}`).send(validSession()).expect(201)
    ).body.id;
    await request(server())
      .post(`/api/v1/training/sessions/${sessionId}/bookings`)
      .set('authorization', `Bearer ${officer}`)
      .send({ memberId: booked })
      .expect(201);
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  const auth = (token = officer) => ({ authorization: `Bearer ${token}` });
  type Case = [name: string, status: number, send: (language: Record<string, string>) => request.Test];
  const post = (path: string, headers: Record<string, string>, body?: unknown) => {
    const req = request(server()).post(path).set(headers);
    return body === undefined ? req : req.send(body as object);
  };
  const get = (path: string, headers: Record<string, string>) => request(server()).get(path).set(headers);
  const raw = (path: string, headers: Record<string, string>, contentType: string, body: string) =>
    request(server()).post(path).set(headers).set('content-type', contentType).send(body);

  const cases: Case[] = [
    [
      'validation: every field wrong',
      400,
      (l) =>
        post(
          '/api/v1/training/sessions',
          { ...auth(), ...l },
          { courseTitle: 7, startsAt: 'soon', endsAt: 3, location: '', capacity: 0, orgUnitId: 'x' },
        ),
    ],
    [
      'validation: a field that does not exist',
      400,
      (l) => post('/api/v1/training/sessions', { ...auth(), ...l }, { ...validSession(), colour: 'red' }),
    ],
    [
      'validation: too long, too large',
      400,
      (l) => post('/api/v1/training/sessions', { ...auth(), ...l }, { ...validSession(), courseTitle: 'x'.repeat(201), capacity: 10_001 }),
    ],
    [
      'validation: null where not allowed',
      400,
      (l) => post('/api/v1/training/sessions', { ...auth(), ...l }, { ...validSession(), location: null }),
    ],
    [
      'validation: ends before it starts',
      400,
      (l) =>
        post('/api/v1/training/sessions', { ...auth(), ...l }, { ...validSession(), endsAt: new Date(Date.now() + hour).toISOString() }),
    ],
    [
      'validation: memberId not a UUID',
      400,
      (l) => post(`/api/v1/training/sessions/${sessionId}/bookings`, { ...auth(), ...l }, { memberId: 'someone' }),
    ],
    ['validation: query out of range', 400, (l) => get('/api/v1/training/sessions?limit=0&cursor=%%%', { ...auth(), ...l })],
    ['path parameter not a UUID', 400, (l) => get('/api/v1/training/sessions/not-a-uuid', { ...auth(), ...l })],
    ['unknown route (GET)', 404, (l) => get('/api/v1/training/nowhere', l)],
    ['unknown route (POST)', 404, (l) => post('/api/v1/training/sessions/x/y/z', l, {})],
    ['malformed JSON', 400, (l) => raw('/api/v1/training/sessions', { ...auth(), ...l }, 'application/json', '{"courseTitle": "x",}')],
    ['empty JSON body', 400, (l) => raw('/api/v1/training/sessions', { ...auth(), ...l }, 'application/json', '')],
    ['unsupported content type', 415, (l) => raw('/api/v1/training/sessions', { ...auth(), ...l }, 'application/xml', '<session/>')],
    ['no token', 401, (l) => get('/api/v1/training/sessions', l)],
    ['a malformed token', 401, (l) => get('/api/v1/training/sessions', { authorization: 'Bearer not.a.token', ...l })],
    [
      '403: another programme’s officer schedules',
      403,
      (l) => post('/api/v1/training/sessions', { ...auth(aidOfficer), ...l }, validSession()),
    ],
    [
      '403: another programme’s officer lists bookings',
      403,
      (l) => get(`/api/v1/training/sessions/${sessionId}/bookings`, { ...auth(aidOfficer), ...l }),
    ],
    ['404: no such session', 404, (l) => get(`/api/v1/training/sessions/${noSuchSession}`, { ...auth(), ...l })],
    [
      '409: the session is full',
      409,
      (l) => post(`/api/v1/training/sessions/${sessionId}/bookings`, { ...auth(), ...l }, { memberId: other, waitIfFull: false }),
    ],
    ['409: already booked', 409, (l) => post(`/api/v1/training/sessions/${sessionId}/bookings`, { ...auth(), ...l }, { memberId: booked })],
    [
      '422: unknown member',
      422,
      (l) => post(`/api/v1/training/sessions/${sessionId}/bookings`, { ...auth(), ...l }, { memberId: noSuchMember }),
    ],
    [
      '422: a member who left',
      422,
      (l) => post(`/api/v1/training/sessions/${sessionId}/bookings`, { ...auth(), ...l }, { memberId: leaver }),
    ],
    [
      '422: a unit that is not yours',
      422,
      (l) => post('/api/v1/training/sessions', { ...auth(), ...l }, { ...validSession(), orgUnitId: foreignUnit }),
    ],
  ];

  const texts = (body: ProblemBody) => [body.title, body.detail ?? '', ...(body.errors ?? []).flatMap((e) => [e.message])];

  it.each(cases)('%s: answers in Chinese by default and in English on request, never both', async (_name, status, send) => {
    const zh = await send({});
    const zhCN = await send({ 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' });
    const en = await send({ 'accept-language': 'en-US,en;q=0.9' });
    for (const res of [zh, zhCN, en]) {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(zhCN.body).toEqual({ ...zh.body, requestId: zhCN.body.requestId });
    expect(en.body.type).toBe(zh.body.type);

    for (const text of texts(zh.body)) {
      expect(text).not.toContain(' / ');
      expect(text).not.toMatch(ENGLISH);
    }
    expect(zh.body.title).toMatch(CJK);
    for (const text of texts(en.body)) expect(text).not.toMatch(CJK);
    expect(en.body.title).toMatch(/[A-Za-z]/);
  });

  it('names roles, and a member’s status, in Chinese in a Chinese answer', async () => {
    const forbidden = await post('/api/v1/training/sessions', auth(aidOfficer), validSession()).expect(403);
    expect(forbidden.body.detail).toBe('需要以下角色之一：培训专干');
    const forbiddenEn = await post('/api/v1/training/sessions', { ...auth(aidOfficer), 'accept-language': 'en' }, validSession()).expect(
      403,
    );
    expect(forbiddenEn.body.detail).toBe('Requires one of the roles: training-officer');

    const left = await post(`/api/v1/training/sessions/${sessionId}/bookings`, auth(), { memberId: leaver }).expect(422);
    expect(left.body.detail).toBe(`会员 ${leaver} 当前状态为“已离会”`);

    const validation = await post('/api/v1/training/sessions', auth(), { ...validSession(), capacity: 0 }).expect(400);
    expect(validation.body.errors).toEqual([{ field: 'capacity', message: 'capacity 不能小于 1' }]);
    const unknown = await get('/api/v1/training/nowhere', {}).expect(404);
    expect(unknown.body).toMatchObject({ title: '未找到', detail: '没有此接口：GET /api/v1/training/nowhere' });
    const badJson = await raw('/api/v1/training/sessions', auth(), 'application/json', '{"courseTitle": "x",}').expect(400);
    expect(badJson.body).toMatchObject({ title: '请求有误', detail: '请求体不是有效的 JSON' });
    const empty = await raw('/api/v1/training/sessions', { ...auth(), 'accept-language': 'en' }, 'application/json', '').expect(400);
    expect(empty.body).toMatchObject({ title: 'Bad request', detail: 'The body is empty but the content type is application/json' });
  });

  it('describes every error response of the OpenAPI document as a Problem', async () => {
    const doc = (await request(server()).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    expect(Object.keys(doc.components.schemas.Problem.properties)).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'errors', 'instance', 'requestId']),
    );
    let errorResponses = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [code, response] of Object.entries(operation.responses ?? {})) {
          if (!/^[45]/.test(code)) continue;
          errorResponses++;
          expect([path, method, code, response.content]).toEqual([
            path,
            method,
            code,
            { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          ]);
        }
      }
    }
    expect(errorResponses).toBeGreaterThanOrEqual(10);
  });
});
