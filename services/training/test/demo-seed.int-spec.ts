import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, testServiceConfig, tokenFor } from '@gonghui/testing';
import { seedTrainingCore } from '../../../infra/src/demo/training-core';
import { trainingService } from '../src/service';

/** The demo seed's catalogue, waiting list and certificates, against the service in-process: made once, a second run changes nothing. */
describe('training: demo seed of the catalogue and certificates', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const admin = tokenFor();
  const hex = () => randomUUID().replace(/-/g, '');

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...trainingService(testServiceConfig('training')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('training-core-demo-seed-test');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('seeds the catalogue, a full session with its waiting list and certificates, once', async () => {
    const district = `/${hex()}/${hex()}/`;
    const members = await announceMembers(events, runtime.dataSource, Array.from({ length: 6 }, () => ({ path: `${district}${hex()}/` })));
    const call = async (method: string, path: string, body?: unknown) => {
      const req = method === 'GET' ? request(app.getHttpServer()).get(path) : request(app.getHttpServer()).post(path).send(body as object);
      const res = await req.set('authorization', `Bearer ${admin}`);
      return { status: res.status, body: res.body };
    };
    const count = async (table: string) => ((await runtime.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0].n;

    await seedTrainingCore(call, members, () => undefined);
    const courses = (await call('GET', '/api/v1/training/courses?limit=500')).body.items as { title: string; category: string }[];
    expect(courses.map((c) => c.title)).toEqual(expect.arrayContaining(['职工合唱团（周三班）', '瑜伽与肩颈放松', '计算机基础与办公软件', '低压电工作业（取证班）']));
    const [choir] = (await runtime.dataSource.query(`SELECT id FROM sessions WHERE location = '示范市职工文化宫 5 楼排练厅'`)) as { id: string }[];
    const places = (await call('GET', `/api/v1/training/sessions/${choir.id}/bookings`)).body.items as { status: string; waitingPosition: number | null }[];
    expect(places.map((p) => [p.status, p.waitingPosition])).toEqual([['booked', null], ['booked', null], ['booked', null], ['waiting', 1], ['waiting', 2]]);
    // Other suites issue certificates in the same database: only those of the seed's members.
    const seeded = new Set(members);
    const certificates = ((await call('GET', '/api/v1/training/certificates?limit=500')).body.items as { memberId: string; holderName: string; skillLevel: string | null }[]).filter((c) => seeded.has(c.memberId));
    expect(certificates.map((c) => c.holderName).sort()).toEqual(['张*', '李*', '王*'].sort());
    expect(certificates.filter((c) => c.skillLevel === 'skilled')).toHaveLength(2);
    const before = { courses: await count('courses'), sessions: await count('sessions'), bookings: await count('bookings'), certificates: await count('certificates') };

    await seedTrainingCore(call, members, () => undefined);
    expect({ courses: await count('courses'), sessions: await count('sessions'), bookings: await count('bookings'), certificates: await count('certificates') }).toEqual(before);
  });
});
