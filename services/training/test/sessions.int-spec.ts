import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MemberEnrolledV1, MemberLeftV1, SessionBookedV1 } from '@gonghui/contracts';
import { createServiceApp, encodeCursor, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { trainingService } from '../src/service';

/** Training's HTTP behaviour in-process (supertest), against the real Postgres and broker. */
describe('training: sessions and bookings', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const hex = () => randomUUID().replace(/-/g, '');
  const districtA = `/${hex()}/${hex()}/`;
  const districtB = `/${hex()}/${hex()}/`;
  const officerA = tokenFor({ username: 'officer-a', roles: ['training-officer'], orgUnitId: randomUUID(), scopePath: districtA });
  const officerB = tokenFor({ username: 'officer-b', roles: ['training-officer'], orgUnitId: randomUUID(), scopePath: districtB });
  const hour = 3_600_000;

  const server = () => app.getHttpServer();

  const statusOf = async (memberId: string): Promise<string | undefined> =>
    ((await runtime.dataSource.query('SELECT status FROM member_directory WHERE member_id = $1', [memberId])) as { status: string }[])[0]?.status;

  /** Members become known here as membership announces them: through the broker. */
  const enrol = (count: number, district = districtA) => announceMembers(events, runtime.dataSource, Array.from({ length: count }, () => ({ path: `${district}${hex()}/` })));

  async function schedule(over: Record<string, unknown> = {}): Promise<{ id: string; capacity: number; booked: number }> {
    const response = await request(server())
      .post('/api/v1/training/sessions')
      .set('authorization', `Bearer ${officerA}`)
      .send({
        courseTitle: '低压电工作业（取证班）',
        startsAt: new Date(Date.now() + 24 * hour).toISOString(),
        endsAt: new Date(Date.now() + 32 * hour).toISOString(),
        location: '市职工文化宫 3 楼',
        capacity: 40,
        ...over,
      })
      .expect(201);
    return response.body;
  }

  const book = (sessionId: string, memberId: string, token = officerA, waitIfFull?: boolean) =>
    request(server()).post(`/api/v1/training/sessions/${sessionId}/bookings`).set('authorization', `Bearer ${token}`).send({ memberId, waitIfFull });

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...trainingService(testServiceConfig('training')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('training-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('schedules a session and books a member onto it; the booking is announced on the broker', async () => {
    const [memberId] = await enrol(1);
    const session = await schedule({ capacity: 2 });
    expect(session).toMatchObject({ courseTitle: '低压电工作业（取证班）', capacity: 2, booked: 0 });

    const reader = await TopicReader.open(SessionBookedV1.topic);
    try {
      const booked = await book(session.id, memberId).set('x-request-id', 'req-book-1').expect(201);
      expect(booked.body).toMatchObject({ sessionId: session.id, memberId });
      expect(Date.parse(booked.body.bookedAt)).not.toBeNaN();

      const after = await request(server()).get(`/api/v1/training/sessions/${session.id}`).set('authorization', `Bearer ${officerA}`).expect(200);
      expect(after.body).toMatchObject({ id: session.id, capacity: 2, booked: 1 });

      const event = await eventually(() => {
        const found = reader.events(SessionBookedV1.type).filter((e) => e.data.bookingId === booked.body.id);
        expect(found).toHaveLength(1);
        return found[0];
      });
      expect(booked.body.bookedAt).toMatch(/\+08:00$/);
      expect(event.data).toEqual({ bookingId: booked.body.id, sessionId: session.id, memberId, bookedAt: new Date(booked.body.bookedAt).toISOString() });
      expect(event.correlationid).toBe('req-book-1');
    } finally {
      await reader.close();
    }
  });

  it('answers invalid input with 400 problem+json naming the fields', async () => {
    const invalid = await request(server())
      .post('/api/v1/training/sessions')
      .set('authorization', `Bearer ${officerA}`)
      .send({ courseTitle: '', startsAt: 'tomorrow', endsAt: new Date().toISOString(), location: '文化宫', capacity: 0 })
      .expect(400);
    expect(invalid.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(invalid.body.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['courseTitle', 'startsAt', 'capacity']));

    const backwards = await request(server())
      .post('/api/v1/training/sessions')
      .set('authorization', `Bearer ${officerA}`)
      .send({ courseTitle: '叉车司机', startsAt: new Date(Date.now() + 2 * hour).toISOString(), endsAt: new Date(Date.now() + hour).toISOString(), location: '文化宫', capacity: 10 })
      .expect(400);
    expect(backwards.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'endsAt' })]);

    const session = await schedule();
    const badMember = await book(session.id, 'not-a-uuid').expect(400);
    expect(badMember.body.errors).toEqual([expect.objectContaining({ field: 'memberId' })]);
  });

  it('answers 404 for a session that does not exist', async () => {
    const [memberId] = await enrol(1);
    const missing = randomUUID();
    const get = await request(server()).get(`/api/v1/training/sessions/${missing}`).set('authorization', `Bearer ${officerA}`).expect(404);
    expect(get.headers['content-type']).toMatch(/application\/problem\+json/);
    await book(missing, memberId).expect(404);
  });

  it('keeps another district out: its members cannot be booked, its bookings are not listed', async () => {
    const [memberOfA] = await enrol(1, districtA);
    const session = await schedule();
    await book(session.id, memberOfA).expect(201);

    // Sessions are scoped too: district A's session does not exist for district B's officer.
    await book(session.id, memberOfA, officerB).expect(404);
    const [memberOfB] = await enrol(1, districtB);
    const refused = await book(session.id, memberOfB).expect(422);
    expect(refused.body.type).toMatch(/unknown-member$/);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'memberId' })]);

    await request(server()).get(`/api/v1/training/sessions/${session.id}/bookings`).set('authorization', `Bearer ${officerB}`).expect(404);
    const seenByA = await request(server()).get(`/api/v1/training/sessions/${session.id}/bookings`).set('authorization', `Bearer ${officerA}`).expect(200);
    expect(seenByA.body.items.map((b: { memberId: string }) => b.memberId)).toEqual([memberOfA]);
  });

  it('refuses by the session’s rules: already booked and full are 409, started or ended sessions and members who left are 422', async () => {
    const [first, second, leaver] = await enrol(3);
    const small = await schedule({ capacity: 1 });
    await book(small.id, first).expect(201);

    const twice = await book(small.id, first).expect(409);
    expect(twice.body.type).toMatch(/already-booked$/);
    const full = await book(small.id, second, officerA, false).expect(409);
    expect(full.body.type).toMatch(/session-full$/);
    expect(full.headers['content-type']).toMatch(/application\/problem\+json/);

    const started = await schedule({ startsAt: new Date(Date.now() - hour).toISOString(), endsAt: new Date(Date.now() + hour).toISOString() });
    expect((await book(started.id, second).expect(422)).body.type).toMatch(/session-started$/);
    const ended = await schedule({ startsAt: new Date(Date.now() - 3 * hour).toISOString(), endsAt: new Date(Date.now() - hour).toISOString() });
    expect((await book(ended.id, second).expect(422)).body.type).toMatch(/session-ended$/);

    await events.send(MemberLeftV1, { memberId: leaver, orgUnitId: MemberEnrolledV1.example.orgUnitId, reason: 'changed-job', leftAt: new Date().toISOString() });
    await eventually(async () => expect(await statusOf(leaver)).toBe('left'));
    const open = await schedule();
    expect((await book(open.id, leaver).expect(422)).body.type).toMatch(/member-not-active$/);

    const unchanged = await request(server()).get(`/api/v1/training/sessions/${small.id}`).set('authorization', `Bearer ${officerA}`).expect(200);
    expect(unchanged.body.booked).toBe(1);
  });

  it('pages the bookings with nextCursor, and rejects a cursor with wrong contents as 400', async () => {
    const members = await enrol(3);
    const session = await schedule();
    for (const memberId of members) await book(session.id, memberId).expect(201);
    const list = (query: Record<string, string | number>) =>
      request(server()).get(`/api/v1/training/sessions/${session.id}/bookings`).query(query).set('authorization', `Bearer ${officerA}`);

    const first = await list({ limit: 2 }).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list({ limit: 2, cursor: first.body.nextCursor }).expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items].map((b: { memberId: string }) => b.memberId).sort()).toEqual([...members].sort());

    for (const cursor of [encodeCursor({ t: 'yesterday', id: 'nobody' }), encodeCursor({ t: new Date().toISOString(), id: '1; DROP TABLE bookings' }), 'not-a-cursor']) {
      const bad = await list({ cursor }).expect(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    }
    const sessions = await request(server()).get('/api/v1/training/sessions').query({ limit: 1 }).set('authorization', `Bearer ${officerA}`).expect(200);
    expect(sessions.body.items).toHaveLength(1);
    expect(sessions.body.nextCursor).toEqual(expect.any(String));
    await request(server()).get('/api/v1/training/sessions').query({ cursor: encodeCursor({ t: 'x', id: 'y' }) }).set('authorization', `Bearer ${officerA}`).expect(400);
  });

  it('never books beyond capacity when bookings race and nobody waits: 8 at once for 3 seats, 3 booked', async () => {
    const members = await enrol(8);
    const session = await schedule({ capacity: 3 });
    const responses = await Promise.all(members.map((memberId) => book(session.id, memberId, officerA, false)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409, 409, 409, 409]);
    for (const r of responses.filter((r) => r.status === 409)) expect(r.body.type).toMatch(/session-full$/);

    const after = await request(server()).get(`/api/v1/training/sessions/${session.id}`).set('authorization', `Bearer ${officerA}`).expect(200);
    expect(after.body.booked).toBe(3);
    const rows = (await runtime.dataSource.query('SELECT count(*)::int AS n FROM bookings WHERE session_id = $1', [session.id])) as { n: number }[];
    expect(rows[0].n).toBe(3);
  });
});
