import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BookingCancelledV1, BookingSeatOfferedV1, MemberEnrolledV1, MemberLeftV1, SessionBookedV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { trainingService } from '../src/service';
import { WaitingList } from '../src/bookings/waiting-list.service';

/** Fair booking with a waiting list, in-process against the real Postgres and broker. */
describe('training: waiting list', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const hex = () => randomUUID().replace(/-/g, '');
  const district = `/${hex()}/${hex()}/`;
  const officer = tokenFor({ username: 'officer-w', roles: ['training-officer'], orgUnitId: randomUUID(), scopePath: district });
  const hour = 3_600_000;
  const server = () => app.getHttpServer();
  const auth = { authorization: `Bearer ${officer}` };

  const enrol = (count: number) => announceMembers(events, runtime.dataSource, Array.from({ length: count }, () => ({ path: `${district}${hex()}/` })));

  async function schedule(over: Record<string, unknown> = {}): Promise<{ id: string }> {
    const body = { courseTitle: '职工合唱团', startsAt: new Date(Date.now() + 24 * hour).toISOString(), endsAt: new Date(Date.now() + 26 * hour).toISOString(), location: '市职工文化宫 2 楼', capacity: 2, ...over };
    return (await request(server()).post('/api/v1/training/sessions').set(auth).send(body).expect(201)).body;
  }
  const book = (sessionId: string, memberId: string) => request(server()).post(`/api/v1/training/sessions/${sessionId}/bookings`).set(auth).send({ memberId });
  const places = async (sessionId: string, status?: string) =>
    (await request(server()).get(`/api/v1/training/sessions/${sessionId}/bookings`).query({ limit: 500, ...(status ? { status } : {}) }).set(auth).expect(200)).body.items as {
      id: string;
      memberId: string;
      status: string;
      waitingPosition: number | null;
      offerExpiresAt: string | null;
    }[];
  const seatsOf = async (sessionId: string) => (await request(server()).get(`/api/v1/training/sessions/${sessionId}`).set(auth).expect(200)).body as { booked: number; freeSeats: number };

  beforeAll(async () => {
    process.env.TRAINING_OFFER_SWEEP_MS = '300';
    ({ app, runtime } = (await createServiceApp({ ...trainingService(testServiceConfig('training')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('training-waiting-list-test');
  });

  afterAll(async () => {
    delete process.env.TRAINING_OFFER_SWEEP_MS;
    await events?.close();
    await app?.close();
  });

  it('50 concurrent bookings on 5 seats: 5 booked, 45 waiting in arrival order, never over capacity', async () => {
    const members = await enrol(50);
    const session = await schedule({ capacity: 5 });
    const responses = await Promise.all(members.map((memberId) => book(session.id, memberId)));
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const booked = responses.filter((r) => r.body.status === 'booked');
    const waiting = responses.filter((r) => r.body.status === 'waiting');
    expect(booked).toHaveLength(5);
    expect(waiting).toHaveLength(45);
    // Each answer's place on the list is unique: 1..45.
    expect(waiting.map((r) => r.body.waitingPosition).sort((a, b) => a - b)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));

    expect(await seatsOf(session.id)).toMatchObject({ booked: 5, freeSeats: 0 });
    const list = await places(session.id, 'waiting');
    expect(list).toHaveLength(45);
    // The list is in arrival order: the order the seat lock granted, which is the order of the positions answered.
    const byPosition = [...waiting].sort((a, b) => a.body.waitingPosition - b.body.waitingPosition).map((r) => r.body.id);
    expect(list.map((b) => b.id)).toEqual(byPosition);
    expect(list.map((b) => b.waitingPosition)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    const [{ n }] = await runtime.dataSource.query(`SELECT count(*)::int AS n FROM bookings WHERE session_id = $1 AND status = 'booked'`, [session.id]);
    expect(n).toBe(5);
  });

  it('a cancellation offers the seat to the first waiting, who takes it up; the booking is announced', async () => {
    const [a, b, c, d] = await enrol(4);
    const session = await schedule({ capacity: 2 });
    const first = (await book(session.id, a).expect(201)).body;
    await book(session.id, b).expect(201);
    const third = (await book(session.id, c).expect(201)).body;
    const fourth = (await book(session.id, d).expect(201)).body;
    expect([third.status, third.waitingPosition, fourth.waitingPosition]).toEqual(['waiting', 1, 2]);

    const cancelled = await request(server()).post(`/api/v1/training/bookings/${first.id}/cancel`).set(auth).expect(201);
    expect(cancelled.body.status).toBe('cancelled');
    const offered = (await request(server()).get(`/api/v1/training/bookings/${third.id}`).set(auth).expect(200)).body;
    expect(offered.status).toBe('offered');
    expect(offered.offerExpiresAt).toMatch(/\+08:00$/);
    // The window is the session's: 24 hours by default.
    expect(Date.parse(offered.offerExpiresAt) - Date.now()).toBeGreaterThan(23 * hour);
    expect((await request(server()).get(`/api/v1/training/bookings/${fourth.id}`).set(auth).expect(200)).body.waitingPosition).toBe(1);
    expect(await seatsOf(session.id)).toMatchObject({ booked: 2 });

    const reader = await TopicReader.open(SessionBookedV1.topic);
    try {
      const accepted = await request(server()).post(`/api/v1/training/bookings/${third.id}/accept`).set(auth).expect(201);
      expect(accepted.body.status).toBe('booked');
      await eventually(() => expect(reader.events(SessionBookedV1.type).filter((e) => e.data.bookingId === third.id)).toHaveLength(1));
    } finally {
      await reader.close();
    }
    const again = await request(server()).post(`/api/v1/training/bookings/${third.id}/accept`).set(auth).expect(409);
    expect(again.body.detail).toContain('已预约');
    const twice = await request(server()).post(`/api/v1/training/bookings/${first.id}/cancel`).set('accept-language', 'en').set(auth).expect(409);
    expect(twice.body.detail).toMatch(/cancelled/);
    expect(await seatsOf(session.id)).toMatchObject({ booked: 2 });
  });

  it('announces an offer to the member, and a cancelled session cancels its seats, offer and waiting list, each announced', async () => {
    const [a, b, c, d] = await enrol(4);
    const session = await schedule({ capacity: 2 });
    const reader = await TopicReader.open(SessionBookedV1.topic);
    try {
      const first = (await book(session.id, a).expect(201)).body;
      const second = (await book(session.id, b).expect(201)).body;
      const third = (await book(session.id, c).expect(201)).body;
      const fourth = (await book(session.id, d).expect(201)).body;
      await request(server()).post(`/api/v1/training/bookings/${first.id}/cancel`).set(auth).expect(201);
      const offer = (await request(server()).get(`/api/v1/training/bookings/${third.id}`).set(auth).expect(200)).body;

      const cancelled = await request(server()).post(`/api/v1/training/sessions/${session.id}/cancel`).set(auth).set('x-request-id', 'req-cancel-session').expect(201);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', booked: 0 });
      expect((await places(session.id)).map((p) => [p.id, p.status])).toEqual(expect.arrayContaining([first.id, second.id, third.id, fourth.id].map((id) => [id, 'cancelled'])));
      expect(await seatsOf(session.id)).toMatchObject({ booked: 0 });
      await request(server()).post(`/api/v1/training/sessions/${session.id}/cancel`).set(auth).expect(409);
      await request(server()).post(`/api/v1/training/bookings/${third.id}/accept`).set(auth).expect(409);

      await eventually(() => {
        const offered = reader.events(BookingSeatOfferedV1.type).filter((e) => e.data.sessionId === session.id);
        expect(offered.map((e) => e.data)).toEqual([
          { bookingId: third.id, sessionId: session.id, memberId: c, offeredAt: expect.any(String), offerExpiresAt: new Date(offer.offerExpiresAt).toISOString() },
        ]);
        // Keyed by booking, the four travel on different partitions: their order of arrival is the broker's.
        const ended = reader.events(BookingCancelledV1.type).filter((e) => e.data.sessionId === session.id);
        expect(ended.map((e) => [e.data.bookingId, e.data.previousStatus, e.data.reason]).sort()).toEqual(
          [
            [first.id, 'booked', 'member-cancelled'],
            [second.id, 'booked', 'session-cancelled'],
            [third.id, 'offered', 'session-cancelled'],
            [fourth.id, 'waiting', 'session-cancelled'],
          ].sort(),
        );
        expect(ended.filter((e) => e.data.reason === 'session-cancelled').map((e) => e.correlationid)).toEqual(Array(3).fill('req-cancel-session'));
      });
    } finally {
      await reader.close();
    }
  });

  it('an offer not taken in time passes to the next: by the interval sweep, and lazily on read', async () => {
    const [a, b, c, d] = await enrol(4);
    const session = await schedule({ capacity: 1, offerWindowSeconds: 1 });
    const first = (await book(session.id, a).expect(201)).body;
    const second = (await book(session.id, b).expect(201)).body;
    const third = (await book(session.id, c).expect(201)).body;
    await request(server()).post(`/api/v1/training/bookings/${first.id}/cancel`).set(auth).expect(201);
    expect((await request(server()).get(`/api/v1/training/bookings/${second.id}`).set(auth).expect(200)).body.status).toBe('offered');

    // Nobody reads: the interval sweep lapses the offer and offers the seat to the third.
    await eventually(async () => {
      const [row] = await runtime.dataSource.query('SELECT status FROM bookings WHERE id = $1', [third.id]);
      expect(row.status).toBe('offered');
    }, 10_000);
    const late = await request(server()).post(`/api/v1/training/bookings/${second.id}/accept`).set(auth).expect(409);
    expect(late.body.type).toMatch(/booking-wrong-state$/);
    expect(late.body.detail).toContain('补位已过期');

    // The interval job stops: the third lets the offer lapse too, with nobody after, and the read itself
    // lapses it and frees the seat (lazily on read).
    app.get(WaitingList).onModuleDestroy();
    await new Promise((r) => setTimeout(r, 1200));
    const [before] = await runtime.dataSource.query('SELECT status FROM bookings WHERE id = $1', [third.id]);
    expect(before.status).toBe('offered');
    const list = await places(session.id);
    expect(list.map((p) => p.status)).toEqual(['cancelled', 'expired', 'expired']);
    expect(await seatsOf(session.id)).toMatchObject({ booked: 0, freeSeats: 1 });
    expect((await book(session.id, d).expect(201)).body.status).toBe('booked');
  });

  it('a member who leaves loses their seat and place; the seat goes to the next in line', async () => {
    const [leaver, waiter, other] = await enrol(3);
    const session = await schedule({ capacity: 1 });
    const seat = (await book(session.id, leaver).expect(201)).body;
    const wait = (await book(session.id, waiter).expect(201)).body;
    const session2 = await schedule({ capacity: 1 });
    await book(session2.id, other).expect(201);
    const place2 = (await book(session2.id, leaver).expect(201)).body;
    expect(place2.status).toBe('waiting');

    await events.send(MemberLeftV1, { memberId: leaver, orgUnitId: MemberEnrolledV1.example.orgUnitId, reason: 'changed-job', leftAt: new Date().toISOString() });
    await eventually(async () => expect((await request(server()).get(`/api/v1/training/bookings/${seat.id}`).set(auth).expect(200)).body.status).toBe('removed'));
    expect((await request(server()).get(`/api/v1/training/bookings/${place2.id}`).set(auth).expect(200)).body.status).toBe('removed');
    expect((await request(server()).get(`/api/v1/training/bookings/${wait.id}`).set(auth).expect(200)).body.status).toBe('offered');
    expect(await seatsOf(session.id)).toMatchObject({ booked: 1 });
    expect(await seatsOf(session2.id)).toMatchObject({ booked: 1 });
  });

  it('refuses past, cancelled and restricted sessions clearly', async () => {
    const [member] = await enrol(1);
    const past = await schedule({ startsAt: new Date(Date.now() - 3 * hour).toISOString(), endsAt: new Date(Date.now() - hour).toISOString() });
    expect((await book(past.id, member).expect(422)).body.type).toMatch(/session-ended$/);

    const cancelled = await schedule();
    await request(server()).post(`/api/v1/training/sessions/${cancelled.id}/cancel`).set(auth).expect(201);
    const refused = await book(cancelled.id, member).set('accept-language', 'en').expect(422);
    expect(refused.body.type).toMatch(/session-cancelled$/);
    expect(refused.body.detail).toBe('The session was cancelled');
    await request(server()).post(`/api/v1/training/sessions/${cancelled.id}/cancel`).set(auth).expect(409);

    // The example enrolment is a gig worker of no recorded skill level: a course for skilled workers is not for them.
    const course = (
      await request(server())
        .post('/api/v1/training/courses')
        .set(auth)
        .send({ title: '高级电工技能提升', category: 'skills', description: '面向熟手的进阶课程', provider: '市总工会工匠学院', freeForMembers: true, minSkillLevel: 'skilled' })
        .expect(201)
    ).body;
    const restricted = await schedule({ courseId: course.id, courseTitle: undefined });
    const notFor = await book(restricted.id, member).expect(422);
    expect(notFor.body.type).toMatch(/not-eligible$/);
    expect(notFor.body.detail).toContain('熟手');
    expect(notFor.body.errors).toEqual([expect.objectContaining({ field: 'memberId' })]);
  });
});
