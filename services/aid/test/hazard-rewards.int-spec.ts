import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HazardReportVerifiedV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testDistrict, TestDistrict, testServiceConfig, tokenFor } from '@gonghui/testing';
import { aidService } from '../src/service';

/** Rewards for verified hazard reports: mediation's event through the real broker, reserved, payee named, paid in a batch. */
describe('aid hazard-report rewards', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;

  const officerOf = (unit: TestDistrict) =>
    `Bearer ${tokenFor({ userId: randomUUID(), username: `aid-${unit.orgUnitId.slice(0, 8)}`, roles: ['aid-officer'], orgUnitId: unit.orgUnitId, scopePath: unit.path })}`;
  const server = () => app.getHttpServer();
  const post = (url: string, token: string, body: object = {}) => request(server()).post(url).set('authorization', token).send(body);
  const get = (url: string, token: string) => request(server()).get(url).set('authorization', token);
  const newCity = (): TestDistrict => {
    const orgUnitId = randomUUID();
    return { orgUnitId, path: `/${orgUnitId.replace(/-/g, '')}/` };
  };
  const verified = (unit: TestDistrict, rewardLevel: 1 | 2 = 2) => ({
    reportId: randomUUID(),
    orgUnitId: unit.orgUnitId,
    orgUnitPath: unit.path,
    rewardLevel,
    rewardFen: rewardLevel === 1 ? 200_000 : 300_000,
    verifiedAt: new Date().toISOString(),
  });
  const rewardOf = async (reportId: string, token: string) =>
    eventually(async () => {
      const items = (await get('/api/v1/aid/hazard-rewards', token).expect(200)).body.items as { reportId: string; id: string; status: string; budgetId: string | null }[];
      const found = items.find((r) => r.reportId === reportId);
      expect(found).toBeDefined();
      return found!;
    });

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    events = await EventSender.open('aid-hazard-rewards-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('reserves the reward from the nearest hazard-reward budget up the path, the payee is named, and it is paid in the budget’s batch', async () => {
    const city = newCity();
    const district = testDistrict(city.path);
    const enterprise = testDistrict(district.path);
    const cityToken = officerOf(city);
    const token = officerOf(district);
    const fund = (t: string, body: object) => post('/api/v1/aid/budgets', t, { name: '2026年度隐患举报奖励资金', year: 2026, source: 'hazard-reward', ...body }).expect(201);
    const cityBudget = (await fund(cityToken, { amountFen: 1_000_000 })).body.id;
    // the district's own hazard-reward budget is nearer than the city's; an ordinary budget of the district is not for rewards
    const districtBudget = (await post(`/api/v1/aid/budgets/${cityBudget}/allocate`, cityToken, { orgUnitPath: district.path, amountFen: 400_000 }).expect(201)).body.id;
    await post('/api/v1/aid/budgets', token, { name: '帮扶资金', year: 2026, source: 'federation-appropriation', amountFen: 9_000_000 }).expect(201);
    const [reporter] = await announceMembers(events, runtime.dataSource, [enterprise]);

    const first = verified(enterprise, 2);
    const eventId = await events.send(HazardReportVerifiedV1, first);
    await events.send(HazardReportVerifiedV1, first, { eventId }); // a redelivery changes nothing
    const reward = await rewardOf(first.reportId, token);
    expect(reward).toMatchObject({ status: 'awaiting-payee', budgetId: districtBudget });
    // the district budget has 100,000 fen left: the next 3,000-yuan reward passes over it to the city's
    const second = verified(enterprise, 2);
    await events.send(HazardReportVerifiedV1, second);
    expect(await rewardOf(second.reportId, token)).toMatchObject({ status: 'awaiting-payee', budgetId: cityBudget });
    expect((await get(`/api/v1/aid/budgets/${districtBudget}`, token).expect(200)).body).toMatchObject({ reservedFen: 300_000, availableFen: 100_000 });
    const [{ n }] = await runtime.dataSource.query('SELECT count(*)::int AS n FROM hazard_rewards WHERE report_id = $1', [first.reportId]);
    expect(n).toBe(1);

    // nothing to pay before the payee is named
    expect((await post('/api/v1/aid/payment-batches', token, { budgetId: districtBudget }).expect(422)).body.type).toMatch(/nothing-to-pay$/);
    await post(`/api/v1/aid/hazard-rewards/${reward.id}/name-payee`, token, { memberId: randomUUID() }).expect(404);
    const named = (await post(`/api/v1/aid/hazard-rewards/${reward.id}/name-payee`, token, { memberId: reporter }).expect(200)).body;
    expect(named).toMatchObject({ status: 'payable', memberId: reporter });
    expect((await post(`/api/v1/aid/hazard-rewards/${reward.id}/name-payee`, token, { memberId: reporter }).expect(409)).body.detail).toContain('待发放');

    await request(server()).put(`/api/v1/aid/members/${reporter}/bank-account`).set('authorization', token).send({ bankName: '中国建设银行', accountName: '周强', accountNumber: '6217001234567890' });
    const batch = (await post('/api/v1/aid/payment-batches', token, { budgetId: districtBudget }).expect(201)).body;
    expect(batch).toMatchObject({ counts: { pending: 1 }, totalFen: 300_000 });
    const csv = (await get(`/api/v1/aid/payment-batches/${batch.id}/export.csv`, token).expect(200)).text;
    const [instruction] = (await get(`/api/v1/aid/payment-batches/${batch.id}/instructions`, token).expect(200)).body.items;
    expect(instruction).toMatchObject({ hazardRewardId: reward.id, applicationId: null, memberId: reporter, amountFen: 300_000 });
    expect(csv).toContain(`${instruction.id},周强,6217001234567890,中国建设银行,3000.00,隐患举报奖励`);
    await post(`/api/v1/aid/payment-batches/${batch.id}/results`, token, { content: `reference,status,bankReference,reason\n${instruction.id},paid,CCB0001,\n` }).expect(200);
    expect((await get(`/api/v1/aid/hazard-rewards/${reward.id}`, token).expect(200)).body.status).toBe('paid');
    const ledger = (await get(`/api/v1/aid/budgets/${districtBudget}/ledger`, token).expect(200)).body.items;
    expect(ledger.filter((e: { hazardRewardId: string | null }) => e.hazardRewardId === reward.id).map((e: { kind: string }) => e.kind)).toEqual(['reservation', 'spend']);
  });

  it('lists a reward no budget covers as awaiting a budget (not dead-lettered), and reserves it once a budget exists', async () => {
    const district = testDistrict();
    const token = officerOf(district);
    const report = verified(district, 1);
    await events.send(HazardReportVerifiedV1, report);
    const reward = await rewardOf(report.reportId, token);
    expect(reward).toMatchObject({ status: 'awaiting-budget', budgetId: null });
    expect((await get('/api/v1/aid/hazard-rewards?status=awaiting-budget', token).expect(200)).body.items.map((r: { id: string }) => r.id)).toEqual([reward.id]);
    expect((await post(`/api/v1/aid/hazard-rewards/${reward.id}/reserve`, token).expect(422)).body.type).toMatch(/no-budget$/);
    await get(`/api/v1/aid/hazard-rewards/${reward.id}`, officerOf(testDistrict())).expect(404);

    const budget = (await post('/api/v1/aid/budgets', token, { name: '隐患举报奖励资金', year: Number(report.verifiedAt.slice(0, 4)), source: 'hazard-reward', amountFen: 500_000 }).expect(201)).body.id;
    expect((await post(`/api/v1/aid/hazard-rewards/${reward.id}/reserve`, token).expect(200)).body).toMatchObject({ status: 'awaiting-payee', budgetId: budget });
    await post(`/api/v1/aid/hazard-rewards/${reward.id}/reserve`, token).expect(409);
  });
});
