import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chinaDate, createServiceApp } from '@gonghui/service-kit';
import { eventually, testServiceConfig, tokenFor } from '@gonghui/testing';
import { mediationService } from '../src/service';

/** Overdue obligations are flagged by the service itself, on its sweep, with nobody calling the job: real Postgres. */
describe('mediation: the overdue sweep', () => {
  let app: NestFastifyApplication;
  const hex = () => randomUUID().replace(/-/g, '');
  const centre = `/${hex()}/${hex()}/`;
  const mediator = tokenFor({ username: 'mediator-sweep', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: centre });
  const post = (path: string, body: object) => request(app.getHttpServer()).post(`/api/v1/mediation/${path}`).set('authorization', `Bearer ${mediator}`).send(body);
  const get = (path: string) => request(app.getHttpServer()).get(`/api/v1/mediation/${path}`).set('authorization', `Bearer ${mediator}`);
  const daysFromToday = (n: number) => new Date(Date.parse(`${chinaDate(new Date())}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const before = process.env.MEDIATION_OVERDUE_SWEEP_MS;

  beforeAll(async () => {
    process.env.MEDIATION_OVERDUE_SWEEP_MS = '300';
    ({ app } = (await createServiceApp({ ...mediationService(testServiceConfig('mediation')), logLevels: ['error'] })) as { app: NestFastifyApplication });
  });

  afterAll(async () => {
    if (before === undefined) delete process.env.MEDIATION_OVERDUE_SWEEP_MS;
    else process.env.MEDIATION_OVERDUE_SWEEP_MS = before;
    await app?.close();
  });

  it('flags an obligation 7 days overdue and schedules the visit on its own, and leaves one not yet overdue alone', async () => {
    const received = await post('cases', {
      source: 'complaint',
      summary: '拖欠加班费',
      workers: [{ name: '王小明', contact: '13812340000' }],
      employer: { name: `重庆某机械厂${hex().slice(0, 4)}` },
      claims: [{ type: 'overtime', amountFen: 600_000 }],
    }).expect(201);
    await post(`cases/${received.body.id}/settle`, {
      obligations: [
        { description: '支付加班费', amountFen: 600_000, dueDate: daysFromToday(-9) },
        { description: '补缴社会保险', amountFen: 200_000, dueDate: daysFromToday(-2) },
      ],
    }).expect(200);
    const [late, recent] = await eventually(async () => {
      const items = (await get(`cases/${received.body.id}/obligations`).expect(200)).body.items;
      expect(items[0]).toMatchObject({ overdue: true, followUpOn: daysFromToday(3) });
      return items;
    }, 15_000);
    expect(late.description).toBe('支付加班费');
    expect(recent).toMatchObject({ overdue: false, followUpOn: null });
  });
});
