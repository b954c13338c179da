import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { ChildcareClassOpenedV1, TrainingOrderStatusChangedV1 } from '@gonghui/contracts';
import { announceMembers, EventSender, eventually, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { trainingService } from '../src/service';

/** Instructor pool and training orders from enterprises (订单式培训), in-process against the real Postgres. */
describe('training: instructors and training orders', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const hex = () => randomUUID().replace(/-/g, '');
  const districtA = `/${hex()}/${hex()}/`;
  const districtB = `/${hex()}/${hex()}/`;
  const officerA = tokenFor({ username: 'officer-a', roles: ['training-officer'], orgUnitId: randomUUID(), scopePath: districtA });
  const officerB = tokenFor({ username: 'officer-b', roles: ['training-officer'], orgUnitId: randomUUID(), scopePath: districtB });
  const server = () => app.getHttpServer();
  const post = (path: string, body: unknown, token = officerA) => request(server()).post(path).set('authorization', `Bearer ${token}`).send(body as object);
  const get = (path: string, token = officerA) => request(server()).get(path).set('authorization', `Bearer ${token}`);

  const registerInstructor = async (over: Record<string, unknown> = {}) =>
    (
      await post('/api/v1/training/instructors', {
        name: '王德顺',
        specialties: ['维修电工', 'PLC编程'],
        certificates: ['高级技师（维修电工）'],
        availability: [{ startsAt: '2026-12-01T08:00:00+08:00', endsAt: '2026-12-05T18:00:00+08:00' }],
        ...over,
      }).expect(201)
    ).body as { id: string };

  const placeOrder = async (over: Record<string, unknown> = {}, token = officerA) =>
    (
      await post(
        '/api/v1/training/training-orders',
        { enterpriseName: '锦州汉拿电机有限公司', creditCode: '91210700MA0Y7K3P5H', skill: '维修电工', workers: 30, location: '汉拿电机二车间', wishedFrom: '2026-12-01', wishedTo: '2026-12-10', ...over },
        token,
      ).expect(201)
    ).body as { id: string; status: string };

  const assign = (orderId: string, instructorId: string, startsAt = '2026-12-02T09:00:00+08:00', endsAt = '2026-12-02T12:00:00+08:00', token = officerA) =>
    post(`/api/v1/training/training-orders/${orderId}/assign-instructor`, { instructorId, startsAt, endsAt }, token);

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...trainingService(testServiceConfig('training')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('training-orders-test');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('runs an order end to end: place, assign, on-site sessions, complete, joint evaluation (pass-rate +15)', async () => {
    const instructor = await registerInstructor();
    const order = await placeOrder();
    expect(order).toMatchObject({ status: 'open', creditCode: '91210700MA0Y7K3P5H', assignments: [], evaluation: null });
    expect((order as unknown as { createdAt: string }).createdAt).toMatch(/\+08:00$/);

    const assigned = await assign(order.id, instructor.id).expect(200);
    expect(assigned.body.status).toBe('assigned');
    expect(assigned.body.assignments).toEqual([
      expect.objectContaining({ instructorId: instructor.id, instructorName: '王德顺', startsAt: '2026-12-02T09:00:00.000+08:00', endsAt: '2026-12-02T12:00:00.000+08:00' }),
    ]);

    const session = { instructorId: instructor.id, startsAt: '2026-12-02T09:00:00+08:00', endsAt: '2026-12-02T12:00:00+08:00', topic: '电机绕组故障排查', attended: 28 };
    await post(`/api/v1/training/training-orders/${order.id}/sessions`, session).expect(201);
    const over = await post(`/api/v1/training/training-orders/${order.id}/sessions`, { ...session, attended: 31 }).expect(422);
    expect(over.body.type).toMatch(/attended-over-workers$/);
    const stranger = await registerInstructor({ name: '李建国' });
    expect((await post(`/api/v1/training/training-orders/${order.id}/sessions`, { ...session, instructorId: stranger.id }).expect(422)).body.type).toMatch(/instructor-not-assigned$/);

    const early = await post(`/api/v1/training/training-orders/${order.id}/evaluate`, { enterpriseScore: 95, traineeScore: 92, academyScore: 90, outcomes: [] }).expect(409);
    expect(early.body.detail).toContain('已派师');
    const earlyEn = await post(`/api/v1/training/training-orders/${order.id}/evaluate`, { enterpriseScore: 95, traineeScore: 92, academyScore: 90, outcomes: [] })
      .set('accept-language', 'en')
      .expect(409);
    expect(earlyEn.body.detail).toBe('The order is assigned; it cannot evaluate');

    await post(`/api/v1/training/training-orders/${order.id}/complete`, {}).expect(200);
    const evaluated = await post(`/api/v1/training/training-orders/${order.id}/evaluate`, {
      enterpriseScore: 95,
      traineeScore: 92,
      academyScore: 90,
      outcomes: [{ measure: '部件合格率', before: 80, after: 95 }],
      note: '返修率明显下降',
    }).expect(200);
    expect(evaluated.body).toMatchObject({
      status: 'evaluated',
      attendedTotal: 28,
      evaluation: { enterpriseScore: 95, traineeScore: 92, academyScore: 90, jointScore: 92.3, outcomes: [{ measure: '部件合格率', before: 80, after: 95, change: 15 }], note: '返修率明显下降' },
    });
    expect(evaluated.body.evaluation.evaluatedAt).toMatch(/\+08:00$/);
    expect((await post(`/api/v1/training/training-orders/${order.id}/evaluate`, { enterpriseScore: 1, traineeScore: 1, academyScore: 1, outcomes: [] }).expect(409)).body.type).toMatch(/order-wrong-state$/);
    expect((await assign(order.id, instructor.id, '2026-12-03T09:00:00+08:00', '2026-12-03T10:00:00+08:00').expect(409)).body.type).toMatch(/order-wrong-state$/);
  });

  it('puts records in a named unit: the administrator must name one (422), and each change of an order is announced', async () => {
    const admin = tokenFor();
    const dashed = (h: string) => h.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    const unit = hex();
    await announceMembers(events, runtime.dataSource, [{ orgUnitId: dashed(unit), path: `${districtA}${unit}/` }]);
    const order = { enterpriseName: '锦州汉拿电机有限公司', creditCode: '91210700MA0Y7K3P5H', skill: '维修电工', workers: 30, location: '汉拿电机二车间', wishedFrom: '2026-12-01', wishedTo: '2026-12-10' };
    const creates: [string, object][] = [
      ['/api/v1/training/training-orders', order],
      ['/api/v1/training/competitions', { title: '职工技能大赛' }],
      ['/api/v1/training/childcare-classes', { name: '暑期托管班', venue: '文化宫', ageMin: 8, ageMax: 10, capacity: 20, startsOn: '2027-07-10', endsOn: '2027-08-20' }],
      ['/api/v1/training/job-fairs', { title: '春风行动招聘会', district: '渝北区', heldOn: '2027-03-01', venue: '文化宫' }],
    ];
    const childcare = await TopicReader.open(ChildcareClassOpenedV1.topic);
    const made: string[] = [];
    try {
      for (const [path, body] of creates) {
        const refused = await post(path, body, admin).expect(422);
        expect(refused.body).toMatchObject({ type: expect.stringMatching(/org-unit-required$/), errors: [{ field: 'orgUnitId', message: expect.any(String) }] });
        expect((await post(path, { ...body, orgUnitId: randomUUID() }, admin).expect(422)).body.type).toMatch(/unknown-org-unit$/);
        const created = await post(path, { ...body, orgUnitId: dashed(unit) }, admin).expect(201);
        expect(created.body).toMatchObject({ orgUnitId: dashed(unit), orgUnitPath: `${districtA}${unit}/` });
        made.push(created.body.id);
      }
      await eventually(() =>
        expect(childcare.events(ChildcareClassOpenedV1.type).find((e) => e.data.classId === made[2])?.data).toMatchObject({ orgUnitPath: `${districtA}${unit}/`, capacity: 20, ageMin: 8, ageMax: 10 }),
      );
    } finally {
      await childcare.close();
    }
    // The district itself is known from its members' paths; another district is not the officer's.
    expect((await post('/api/v1/training/competitions', { title: '区赛', orgUnitId: dashed(districtA.split('/')[2]) }, admin).expect(201)).body.orgUnitPath).toBe(districtA);
    await post('/api/v1/training/competitions', { title: '越权', orgUnitId: dashed(unit) }, officerB).expect(422);
    await post('/api/v1/training/competitions', { title: '无效', orgUnitId: 'x' }, officerA).expect(400);

    const reader = await TopicReader.open(TrainingOrderStatusChangedV1.topic);
    try {
      const instructor = await registerInstructor();
      const placed = await placeOrder();
      await assign(placed.id, instructor.id).expect(200);
      await assign(placed.id, instructor.id, '2026-12-03T09:00:00+08:00', '2026-12-03T12:00:00+08:00').expect(200);
      await eventually(() =>
        expect(reader.events(TrainingOrderStatusChangedV1.type).filter((e) => e.data.orderId === placed.id).map((e) => [e.data.previousStatus, e.data.status, e.data.orgUnitPath])).toEqual([
          [null, 'open', districtA],
          ['open', 'assigned', districtA],
        ]),
      );
    } finally {
      await reader.close();
    }
  });

  it('checks specialty, availability and the wished dates when assigning', async () => {
    const welder = await registerInstructor({ name: '赵焊', specialties: ['焊工'] });
    const electrician = await registerInstructor();
    const order = await placeOrder();
    expect((await assign(order.id, welder.id).expect(422)).body.type).toMatch(/not-a-specialty$/);
    expect((await assign(order.id, electrician.id, '2026-12-06T09:00:00+08:00', '2026-12-06T12:00:00+08:00').expect(422)).body.type).toMatch(/instructor-not-available$/);
    // A window added later makes the instructor available then.
    const widened = await post(`/api/v1/training/instructors/${electrician.id}/availability-windows`, { startsAt: '2026-12-06T08:00:00+08:00', endsAt: '2026-12-06T18:00:00+08:00' }).expect(201);
    expect(widened.body.availability).toHaveLength(2);
    await post(`/api/v1/training/instructors/${electrician.id}/availability-windows`, { startsAt: '2026-12-07T18:00:00+08:00', endsAt: '2026-12-07T08:00:00+08:00' }).expect(400);
    await post(`/api/v1/training/instructors/${electrician.id}/availability-windows`, { startsAt: '2026-12-07T08:00:00+08:00', endsAt: '2026-12-07T18:00:00+08:00' }, officerB).expect(404);
    const elsewhere = await placeOrder();
    await assign(elsewhere.id, electrician.id, '2026-12-06T09:00:00+08:00', '2026-12-06T12:00:00+08:00').expect(200);
    const outside = await placeOrder({ wishedFrom: '2026-12-04', wishedTo: '2026-12-05' });
    expect((await assign(outside.id, electrician.id).expect(422)).body.type).toMatch(/outside-wished-dates$/);
    const backwards = await assign(order.id, electrician.id, '2026-12-02T12:00:00+08:00', '2026-12-02T09:00:00+08:00').expect(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'endsAt' })]);
    const unchanged = await get(`/api/v1/training/training-orders/${order.id}`).expect(200);
    expect(unchanged.body).toMatchObject({ status: 'open', assignments: [] });
  });

  it('never books one instructor twice at one time, even when ten orders race for them', async () => {
    const instructor = await registerInstructor();
    const orders = await Promise.all(Array.from({ length: 10 }, () => placeOrder()));
    const responses = await Promise.all(orders.map((o, i) => assign(o.id, instructor.id, `2026-12-03T${String(9 + (i % 2)).padStart(2, '0')}:00:00+08:00`, '2026-12-03T12:00:00+08:00')));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of responses.filter((x) => x.status === 409)) expect(r.body.type).toMatch(/instructor-double-booked$/);
    const rows = (await runtime.dataSource.query('SELECT count(*)::int AS n FROM instructor_assignments WHERE instructor_id = $1', [instructor.id])) as { n: number }[];
    expect(rows[0].n).toBe(1);
    // Back to back is not double: the afternoon is still free.
    await assign(orders[0].id, instructor.id, '2026-12-03T12:00:00+08:00', '2026-12-03T15:00:00+08:00').expect(200);
  });

  it('validates input (credit code, dates, scores) as 400 problems naming the fields', async () => {
    const bad = await post('/api/v1/training/training-orders', { enterpriseName: '', creditCode: '91210700MA0Y7K3P5A', skill: '电工', workers: 0, location: 'x', wishedFrom: '2026-12-01T00:00:00Z', wishedTo: '2026-13-01' }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['enterpriseName', 'creditCode', 'workers', 'wishedFrom', 'wishedTo']));
    const backwards = await post('/api/v1/training/training-orders', { enterpriseName: '某厂', creditCode: '91210700MA0Y7K3P5H', skill: '电工', workers: 5, location: 'x', wishedFrom: '2026-12-10', wishedTo: '2026-12-01' }).expect(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'wishedTo' })]);
    const window = await post('/api/v1/training/instructors', { name: '钱师傅', specialties: ['钳工'], availability: [{ startsAt: '2026-12-02T12:00:00+08:00', endsAt: '2026-12-02T09:00:00+08:00' }] }).expect(400);
    expect(window.body.errors).toEqual([expect.objectContaining({ field: 'availability[0].endsAt' })]);
    const order = await placeOrder();
    const scores = await post(`/api/v1/training/training-orders/${order.id}/evaluate`, { enterpriseScore: 101, traineeScore: -1, academyScore: 90, outcomes: [{ measure: '' }] }).expect(400);
    expect(scores.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['enterpriseScore', 'traineeScore']));
  });

  it('keeps another district out (404) and pages the lists', async () => {
    const instructor = await registerInstructor();
    const order = await placeOrder();
    await get(`/api/v1/training/training-orders/${order.id}`, officerB).expect(404);
    await get(`/api/v1/training/instructors/${instructor.id}`, officerB).expect(404);
    await assign(order.id, instructor.id, undefined, undefined, officerB).expect(404);
    const orderOfB = await placeOrder({}, officerB);
    expect((await assign(orderOfB.id, instructor.id, undefined, undefined, officerB).expect(404)).body.detail).toBe('讲师不存在');
    const listB = await get('/api/v1/training/training-orders', officerB).expect(200);
    expect(listB.body.items.map((o: { id: string }) => o.id)).toEqual([orderOfB.id]);

    const first = await get('/api/v1/training/training-orders?limit=2').expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await get(`/api/v1/training/training-orders?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`).expect(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[1].id);
    const pool = await get('/api/v1/training/instructors?limit=1').expect(200);
    expect(pool.body.items).toHaveLength(1);
    expect(pool.body.nextCursor).toEqual(expect.any(String));
  });
});
