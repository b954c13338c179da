import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chinaDate, createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { testServiceConfig, tokenFor } from '@gonghui/testing';
import { mediationService } from '../src/service';

/** The figures of a period for a subtree, against the real Postgres. */
describe('mediation: figures', () => {
  let app: NestFastifyApplication;
  const hex = () => randomUUID().replace(/-/g, '');
  const district = `/${hex()}/${hex()}/`;
  const officer = tokenFor({ username: 'figures-officer', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: district });
  const server = () => app.getHttpServer();
  const post = (path: string, body: object) => request(server()).post(`/api/v1/mediation/${path}`).set('authorization', `Bearer ${officer}`).send(body);
  const today = chinaDate(new Date());
  const year = today.slice(0, 4);

  beforeAll(async () => {
    ({ app } = (await createServiceApp({ ...mediationService(testServiceConfig('mediation')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('counts a period’s cases by source, claim type and outcome, with rate, amounts, median days and centres', async () => {
    const receive = async (source: string, claims: object[], receivedOn = today) =>
      (await post('cases', { source, summary: '统计', workers: [{ name: '王五', contact: '13800138000' }], employer: { name: `某厂${hex()}` }, claims, receivedOn }).expect(201)).body.id as string;
    const settledId = await receive('complaint', [{ type: 'unpaid-wages', amountFen: 1_000_000 }, { type: 'overtime', amountFen: 50_000 }]);
    const referredId = await receive('complaint', [{ type: 'unpaid-wages', amountFen: 300_000 }]);
    await receive('screening', [{ type: 'social-insurance' }]);
    await receive('complaint', [{ type: 'unpaid-wages' }], `${Number(year) - 2}-06-01`);

    const lead = await post('mediators', { name: '甲调解员', background: 'judge', specialties: [], centreName: '甲调解中心', vettingStatus: 'vetted', vettedOn: '2026-01-01', available: true }).expect(201);
    await post(`cases/${settledId}/panel`, { leadMediatorId: lead.body.id, coMediatorIds: [] }).expect(200);
    await post(`cases/${settledId}/settle`, { obligations: [{ description: '支付工资', amountFen: 1_000_000 }] }).expect(200);
    const [obligation] = (await request(server()).get(`/api/v1/mediation/cases/${settledId}/obligations`).set('authorization', `Bearer ${officer}`).expect(200)).body.items;
    await post(`cases/${settledId}/obligations/${obligation.id}/payments`, { amountFen: 400_000 }).expect(201);
    await post(`cases/${referredId}/refer`, { referredTo: 'arbitration', reason: 'mediation-failed' }).expect(200);

    const figures = await request(server()).get('/api/v1/mediation/figures').query({ from: `${year}-01-01`, to: `${year}-12-31` }).set('authorization', `Bearer ${officer}`).expect(200);
    expect(figures.body).toMatchObject({
      subtreePath: district,
      cases: 3,
      settlementRate: 0.5,
      agreedFen: 1_000_000,
      recoveredFen: 400_000,
      medianDaysToSettle: 0,
    });
    expect(figures.body.bySource).toEqual([
      { key: 'complaint', cases: 2 },
      { key: 'screening', cases: 1 },
    ]);
    expect(figures.body.byClaimType).toEqual([
      { key: 'unpaid-wages', cases: 2 },
      { key: 'overtime', cases: 1 },
      { key: 'social-insurance', cases: 1 },
    ]);
    expect(figures.body.byOutcome).toEqual(expect.arrayContaining([{ key: 'settled', cases: 1 }, { key: 'referred', cases: 1 }, { key: 'open', cases: 1 }]));
    expect(figures.body.byCentre).toEqual(
      expect.arrayContaining([
        { centre: '甲调解中心', cases: 1, settled: 1, referred: 0, settlementRate: 1, agreedFen: 1_000_000 },
        { centre: '未指派', cases: 2, settled: 0, referred: 1, settlementRate: 0, agreedFen: 0 },
      ]),
    );

    const narrower = await request(server()).get('/api/v1/mediation/figures').query({ from: `${year}-01-01`, to: `${year}-12-31`, subtreePath: `${district}${hex()}/` }).set('authorization', `Bearer ${officer}`).expect(200);
    expect(narrower.body).toMatchObject({ cases: 0, settlementRate: null, medianDaysToSettle: null });
    await request(server()).get('/api/v1/mediation/figures').query({ from: `${year}-01-01`, to: `${year}-12-31`, subtreePath: `/${hex()}/` }).set('authorization', `Bearer ${officer}`).expect(404);
    await request(server()).get('/api/v1/mediation/figures').query({ from: `${year}-12-31`, to: `${year}-01-01` }).set('authorization', `Bearer ${officer}`).expect(400);
    await request(server()).get('/api/v1/mediation/figures').query({ from: 'last year' }).set('authorization', `Bearer ${officer}`).expect(400);
  });
});
