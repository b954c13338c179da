import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, testServiceConfig, tokenFor } from '@gonghui/testing';
import { seedTrainingProgrammes } from '../../../infra/src/demo/training-programmes';
import { trainingService } from '../src/service';

/** The demo seed's training programmes, against the service in-process: it makes each part once, and a second run changes nothing. */
describe('training: demo seed of the programmes', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const admin = tokenFor();
  const hex = () => randomUUID().replace(/-/g, '');

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...trainingService(testServiceConfig('training')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('training-demo-seed-test');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('seeds a finished order, a competition with results, a class in session and a job fair, once', async () => {
    const district = `/${hex()}/${hex()}/`;
    const members = await announceMembers(events, runtime.dataSource, Array.from({ length: 8 }, () => ({ path: `${district}${hex()}/` })));
    const call = async (method: string, path: string, body?: unknown) => {
      const req = method === 'GET' ? request(app.getHttpServer()).get(path) : request(app.getHttpServer()).post(path).send(body as object);
      const res = await req.set('authorization', `Bearer ${admin}`);
      return { status: res.status, body: res.body };
    };
    const count = async (table: string) => ((await runtime.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0].n;
    const quiet = () => undefined;

    // The administrator has no unit of their own: the records go to the district.
    const districtId = district.split('/')[2].replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    await seedTrainingProgrammes(call, members, quiet, districtId);
    const orders = (await call('GET', '/api/v1/training/training-orders?limit=500')).body.items;
    expect(orders.find((o: { enterpriseName: string }) => o.enterpriseName === '示范市汉拿电机有限公司')).toMatchObject({
      status: 'evaluated',
      attendedTotal: 57,
      orgUnitId: districtId,
      orgUnitPath: district,
      evaluation: { jointScore: 92.3, outcomes: [expect.objectContaining({ measure: '部件合格率', change: 15 }), expect.objectContaining({ change: -9 })] },
    });
    const awards = (await runtime.dataSource.query("SELECT title, honour, skill_level FROM competition_awards ORDER BY title")) as unknown[];
    expect(awards).toEqual(expect.arrayContaining([{ title: '一等奖', honour: 'craftsman', skill_level: 'master' }]));
    const before = { orders: await count('training_orders'), sheets: await count('score_sheets'), children: await count('childcare_children'), offers: await count('job_offers') };
    expect(before.sheets).toBeGreaterThanOrEqual(8);

    await seedTrainingProgrammes(call, members, quiet, districtId);
    expect({ orders: await count('training_orders'), sheets: await count('score_sheets'), children: await count('childcare_children'), offers: await count('job_offers') }).toEqual(before);
  });
});
