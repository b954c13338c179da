import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HardshipFileOpenedV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testDistrict, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { aidService } from '../src/service';
import { SAMPLE_VISIT } from './sample-visit';

/** Hardship files over HTTP, in-process: validation, scope, conflicts, pages, and the event on the real broker. */
describe('aid hardship files over HTTP', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;

  /** A district of its own for each test: `/<city>/<district>/`. */
  const district = () => testDistrict();
  const officerOf = (d: { orgUnitId: string; path: string }) =>
    `Bearer ${tokenFor({ userId: randomUUID(), username: `officer-${d.orgUnitId.slice(0, 8)}`, roles: ['aid-officer'], orgUnitId: d.orgUnitId, scopePath: d.path })}`;

  const visit = SAMPLE_VISIT;

  /** Members become known to aid as they do in production: membership's enrolment events, through the broker. */
  const enrolMembers = (d: { orgUnitId: string; path: string }, count: number) => announceMembers(events, runtime.dataSource, Array.from({ length: count }, () => d));

  const open = (token: string, body: unknown) => request(app.getHttpServer()).post('/api/v1/aid/hardship-files').set('authorization', token).send(body as object);

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    events = await EventSender.open('aid-files-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('opens a file (201) and publishes the opening with the cause category only, no health or income', async () => {
    const d = district();
    const [memberId] = await enrolMembers(d, 1);
    const reader = await TopicReader.open(HardshipFileOpenedV1.topic);
    try {
      const res = await open(officerOf(d), { memberId, cause: 'illness', visit }).expect(201);
      // the visit's details are sealed and shown only through a case worker's logged view (hardship-details.int-spec.ts)
      expect(res.body).toMatchObject({ memberId, orgUnitId: d.orgUnitId, status: 'open', cause: 'illness', detailsWithheld: true, visitedBy: `officer-${d.orgUnitId.slice(0, 8)}` });
      expect(res.body.visit).toEqual({ visitedOn: visit.visitedOn, householdSize: visit.householdSize });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);

      const fetched = await request(app.getHttpServer()).get(`/api/v1/aid/hardship-files/${res.body.id}`).set('authorization', officerOf(d)).expect(200);
      expect(fetched.body).toEqual(res.body);

      const received = await eventually(() => {
        const found = reader.received.filter((r) => r.event?.type === HardshipFileOpenedV1.type && r.event.data.fileId === res.body.id);
        expect(found).toHaveLength(1);
        return found[0];
      });
      expect(received.key).toBe(res.body.id);
      expect(received.event!.data).toEqual({ fileId: res.body.id, memberId, orgUnitId: d.orgUnitId, cause: 'illness', openedAt: expect.stringMatching(/Z$/) });
      // events keep UTC; the answer shows the same instant in China time
      expect(res.body.openedAt).toMatch(/\+08:00$/);
      expect(Date.parse(received.event!.data.openedAt)).toBe(Date.parse(res.body.openedAt));
      for (const detail of [visit.health, visit.incomeSources, visit.housing, visit.childrenSchooling, String(visit.monthlyHouseholdIncomeFen)]) {
        expect(received.value).not.toContain(detail);
        expect(JSON.stringify(received.headers)).not.toContain(detail);
      }
    } finally {
      await reader.close();
    }
  });

  it('refuses a visit missing one of the six clears: 400 problem+json naming the field, nothing stored', async () => {
    const d = district();
    const [memberId] = await enrolMembers(d, 1);
    const { health: _health, ...withoutHealth } = visit;
    const res = await open(officerOf(d), { memberId, cause: 'illness', visit: withoutHealth }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, type: expect.stringContaining('validation-failed') });
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'visit.health' })]));

    // blank is not clear either (the domain's rule), and a visit cannot be dated after the file is opened
    const blank = await open(officerOf(d), { memberId, cause: 'illness', visit: { ...visit, housing: '   ', visitedOn: '2099-01-01' } }).expect(400);
    expect(blank.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(blank.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['visit.housing', 'visit.visitedOn']);

    const unknownCause = await open(officerOf(d), { memberId, cause: 'bad-luck', visit }).expect(400);
    expect(unknownCause.body.errors).toEqual([expect.objectContaining({ field: 'cause' })]);

    expect(await runtime.dataSource.query('SELECT 1 FROM hardship_files WHERE member_id = $1', [memberId])).toHaveLength(0);
  });

  it('answers 404 for another district’s file, and keeps it out of that district’s list', async () => {
    const [mine, theirs] = [district(), district()];
    const [memberId] = await enrolMembers(theirs, 1);
    const file = (await open(officerOf(theirs), { memberId, cause: 'accident', visit }).expect(201)).body;

    const res = await request(app.getHttpServer()).get(`/api/v1/aid/hardship-files/${file.id}`).set('authorization', officerOf(mine)).expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.status).toBe(404);

    const list = await request(app.getHttpServer()).get('/api/v1/aid/hardship-files').set('authorization', officerOf(mine)).expect(200);
    expect(list.body).toEqual({ items: [], nextCursor: null });

    // and an officer cannot open a file for another district's member: unknown to them (422)
    const [other] = await enrolMembers(theirs, 1);
    const refused = await open(officerOf(mine), { memberId: other, cause: 'illness', visit }).expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'memberId' })]);
  });

  it('refuses a second open file for a member with 409, also when both arrive at once', async () => {
    const d = district();
    const [first, second] = await enrolMembers(d, 2);
    await open(officerOf(d), { memberId: first, cause: 'illness', visit }).expect(201);
    const again = await open(officerOf(d), { memberId: first, cause: 'unemployment', visit }).expect(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body.type).toMatch(/file-already-open$/);

    const together = await Promise.all([0, 1, 2].map(() => open(officerOf(d), { memberId: second, cause: 'illness', visit })));
    expect(together.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of together.filter((x) => x.status === 409)) expect(r.body.type).toMatch(/file-already-open$/);
    expect(await runtime.dataSource.query(`SELECT 1 FROM hardship_files WHERE member_id = ANY($1) AND status = 'open'`, [[first, second]])).toHaveLength(2);
  });

  it('pages through the district’s files with nextCursor, and refuses a cursor with wrong contents with 400', async () => {
    const d = district();
    const members = await enrolMembers(d, 5);
    const opened: string[] = [];
    for (const memberId of members) opened.push((await open(officerOf(d), { memberId, cause: 'disaster', visit }).expect(201)).body.id);

    const list = (query: Record<string, string | number>) => request(app.getHttpServer()).get('/api/v1/aid/hardship-files').query(query).set('authorization', officerOf(d));
    const seen: { id: string; openedAt: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: request.Response = await list(cursor ? { limit: 2, cursor } : { limit: 2 }).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    // each once, in the order they were opened
    expect(seen.map((f) => f.id).sort()).toEqual([...opened].sort());
    expect(seen.map((f) => f.openedAt)).toEqual(seen.map((f) => f.openedAt).sort());

    for (const bad of [
      Buffer.from(JSON.stringify({ t: 'yesterday', id: 'x' })).toString('base64url'),
      Buffer.from(JSON.stringify({ t: new Date().toISOString(), id: "1' OR '1'='1" })).toString('base64url'),
      Buffer.from(JSON.stringify({ nothing: 1 })).toString('base64url'),
      'not-a-cursor',
    ]) {
      const res = await list({ cursor: bad }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    }
    await list({ limit: 0 }).expect(400);
  });
});
