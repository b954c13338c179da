import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BudgetAllocatedV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { eventually, testDistrict, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { aidService } from '../src/service';
import { BudgetLedger } from '../src/budgets/budget-ledger';

/** Budgets over HTTP against real Postgres and Kafka: funds, allocation down the tree, the ledger, and racing reservations. */
describe('aid budgets and the ledger', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;

  const newCity = () => {
    const orgUnitId = randomUUID();
    return { orgUnitId, path: `/${orgUnitId.replace(/-/g, '')}/` };
  };
  const officerOf = (unit: { orgUnitId: string; path: string }) =>
    `Bearer ${tokenFor({ userId: randomUUID(), username: `aid-${unit.orgUnitId.slice(0, 8)}`, roles: ['aid-officer'], orgUnitId: unit.orgUnitId, scopePath: unit.path })}`;
  const post = (url: string, token: string, body: object) => request(app.getHttpServer()).post(url).set('authorization', token).send(body);
  const get = (url: string, token: string) => request(app.getHttpServer()).get(url).set('authorization', token);
  const fund = (token: string, amountFen: number, extra: object = {}) =>
    post('/api/v1/aid/budgets', token, { name: '2026年度困难职工帮扶资金', year: 2026, source: 'federation-appropriation', amountFen, ...extra });

  /** The figures kept on the row must always equal those derived from the ledger. */
  const rowFigures = async (id: string) => {
    const [row] = await runtime.dataSource.query(
      'SELECT allocated_fen::int AS "allocatedFen", allocated_to_children_fen::int AS "allocatedToChildrenFen", reserved_fen::int AS "reservedFen", spent_fen::int AS "spentFen", available_fen::int AS "availableFen" FROM budgets WHERE id = $1',
      [id],
    );
    return row;
  };

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('sets up a city fund, allocates to a district and a street, and publishes each allocation', async () => {
    const city = newCity();
    const district = testDistrict(city.path);
    const street = testDistrict(district.path);
    const reader = await TopicReader.open(BudgetAllocatedV1.topic);
    try {
      const cityBudget = (await fund(officerOf(city), 100_000_000).expect(201)).body;
      expect(cityBudget).toMatchObject({ parentId: null, orgUnitId: city.orgUnitId, allocatedFen: 100_000_000, availableFen: 100_000_000, year: 2026, source: 'federation-appropriation' });
      expect(cityBudget.createdAt).toMatch(/\+08:00$/);

      const districtBudget = (await post(`/api/v1/aid/budgets/${cityBudget.id}/allocate`, officerOf(city), { orgUnitPath: district.path, amountFen: 30_000_000, name: '区级帮扶资金' }).expect(201)).body;
      expect(districtBudget).toMatchObject({ parentId: cityBudget.id, orgUnitId: district.orgUnitId, allocatedFen: 30_000_000, availableFen: 30_000_000, name: '区级帮扶资金' });

      // the district officer allocates on to a street from the district's budget
      const streetBudget = (await post(`/api/v1/aid/budgets/${districtBudget.id}/allocate`, officerOf(district), { orgUnitPath: street.path, amountFen: 5_000_000 }).expect(201)).body;
      expect(streetBudget.availableFen).toBe(5_000_000);

      const cityNow = (await get(`/api/v1/aid/budgets/${cityBudget.id}`, officerOf(city)).expect(200)).body;
      expect(cityNow).toMatchObject({ allocatedFen: 100_000_000, allocatedToChildrenFen: 30_000_000, reservedFen: 0, spentFen: 0, availableFen: 70_000_000 });
      const districtNow = (await get(`/api/v1/aid/budgets/${districtBudget.id}`, officerOf(district)).expect(200)).body;
      expect(districtNow).toMatchObject({ allocatedFen: 30_000_000, allocatedToChildrenFen: 5_000_000, availableFen: 25_000_000 });
      expect(await rowFigures(districtBudget.id)).toEqual({ allocatedFen: 30_000_000, allocatedToChildrenFen: 5_000_000, reservedFen: 0, spentFen: 0, availableFen: 25_000_000 });

      const ledger = (await get(`/api/v1/aid/budgets/${districtBudget.id}/ledger`, officerOf(district)).expect(200)).body;
      expect(ledger.items.map((e: { kind: string; amountFen: number }) => [e.kind, e.amountFen])).toEqual([
        ['allocation', 30_000_000],
        ['sub-allocation', 5_000_000],
      ]);
      expect(ledger.items[0].counterpartBudgetId).toBe(cityBudget.id);
      expect(ledger.nextCursor).toBeNull();

      const published = await eventually(() => {
        const mine = reader.events(BudgetAllocatedV1.type).filter((e) => [cityBudget.id, districtBudget.id, streetBudget.id].includes(e.data.budgetId));
        expect(mine).toHaveLength(3);
        return mine;
      });
      expect(published.find((e) => e.data.budgetId === districtBudget.id)!.data).toEqual({
        budgetId: districtBudget.id,
        parentBudgetId: cityBudget.id,
        orgUnitId: district.orgUnitId,
        year: 2026,
        source: 'federation-appropriation',
        amountFen: 30_000_000,
        allocatedAt: expect.stringMatching(/Z$/),
      });
    } finally {
      await reader.close();
    }
  });

  it('refuses bad amounts (400), more than available (422), a unit not below (400), and another subtree (404), changing nothing', async () => {
    const city = newCity();
    const district = testDistrict(city.path);
    const budget = (await fund(officerOf(city), 1_000).expect(201)).body;
    for (const amountFen of [-5, 0, 12.5, '100']) {
      const res = await fund(officerOf(city), amountFen as number).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.length).toBeGreaterThan(0);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(res.body.errors.map(() => 'amountFen'));
    }
    const tooMuch = await post(`/api/v1/aid/budgets/${budget.id}/allocate`, officerOf(city), { orgUnitPath: district.path, amountFen: 1_001 }).expect(422);
    expect(tooMuch.body.type).toMatch(/budget-insufficient$/);
    expect(tooMuch.body.detail).toContain('1000');
    const en = await post(`/api/v1/aid/budgets/${budget.id}/allocate`, officerOf(city), { orgUnitPath: district.path, amountFen: 1_001 }).set('accept-language', 'en').expect(422);
    expect(en.body.detail).toBe('1000 fen available, 1001 fen needed');

    await post(`/api/v1/aid/budgets/${budget.id}/allocate`, officerOf(city), { orgUnitPath: city.path, amountFen: 10 }).expect(400);
    await post(`/api/v1/aid/budgets/${budget.id}/allocate`, officerOf(city), { orgUnitPath: newCity().path, amountFen: 10 }).expect(400);
    // a district officer cannot see the city's budget: it does not exist for them
    await get(`/api/v1/aid/budgets/${budget.id}`, officerOf(district)).expect(404);
    await get(`/api/v1/aid/budgets/${budget.id}/ledger`, officerOf(district)).expect(404);
    await post(`/api/v1/aid/budgets/${budget.id}/allocate`, officerOf(district), { orgUnitPath: `${district.path}${'a'.repeat(32)}/`, amountFen: 10 }).expect(404);
    // nor set up a fund for a unit outside its subtree
    await fund(officerOf(district), 10, { orgUnitPath: city.path }).expect(400);

    expect(await rowFigures(budget.id)).toEqual({ allocatedFen: 1_000, allocatedToChildrenFen: 0, reservedFen: 0, spentFen: 0, availableFen: 1_000 });
    const [{ n }] = await runtime.dataSource.query('SELECT count(*)::int AS n FROM budgets WHERE parent_id = $1', [budget.id]);
    expect(n).toBe(0);
  });

  it('never overspends one fen: 1,000 reservations and 20 allocations racing on one budget', async () => {
    const city = newCity();
    const budget = (await fund(officerOf(city), 100_000).expect(201)).body;
    const ledger = app.get(BudgetLedger);
    // 1,000 reservations of 150 fen in as many concurrent transactions: 666 fit in 99,900 fen
    const outcomes = await Promise.all(
      Array.from({ length: 1_000 }, () => runtime.dataSource.transaction((tx) => ledger.tryMove(tx, budget.id, 'reservation', 150, 'race', { applicationId: randomUUID() }))),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(666);
    // and allocations through HTTP racing for the 100 fen left: exactly one of 100 fits
    const district = () => testDistrict(city.path);
    const allocations = await Promise.all(Array.from({ length: 20 }, () => post(`/api/v1/aid/budgets/${budget.id}/allocate`, officerOf(city), { orgUnitPath: district().path, amountFen: 100 })));
    expect(allocations.map((r) => r.status).sort()).toEqual([201, ...Array(19).fill(422)]);

    const shown = (await get(`/api/v1/aid/budgets/${budget.id}`, officerOf(city)).expect(200)).body;
    expect(shown).toMatchObject({ allocatedFen: 100_000, allocatedToChildrenFen: 100, reservedFen: 99_900, spentFen: 0, availableFen: 0 });
    expect(await rowFigures(budget.id)).toEqual({ allocatedFen: 100_000, allocatedToChildrenFen: 100, reservedFen: 99_900, spentFen: 0, availableFen: 0 });
    const [{ entries }] = await runtime.dataSource.query(`SELECT count(*)::int AS entries FROM budget_ledger_entries WHERE budget_id = $1 AND kind = 'reservation'`, [budget.id]);
    expect(entries).toBe(666);
  });

  it('pages the ledger with a cursor, and keeps entries immutable', async () => {
    const city = newCity();
    const budget = (await fund(officerOf(city), 10_000).expect(201)).body;
    const ledger = app.get(BudgetLedger);
    for (const amount of [100, 200, 300]) await runtime.dataSource.transaction((tx) => ledger.move(tx, budget.id, 'reservation', amount, 'test'));
    await runtime.dataSource.transaction((tx) => ledger.move(tx, budget.id, 'release', 200, 'test'));
    await runtime.dataSource.transaction((tx) => ledger.move(tx, budget.id, 'spend', 100, 'test'));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { kind: string }[]; nextCursor: string | null } } = await get(`/api/v1/aid/budgets/${budget.id}/ledger?limit=2${cursor ? `&cursor=${cursor}` : ''}`, officerOf(city)).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((e) => e.kind));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['allocation', 'reservation', 'reservation', 'reservation', 'release', 'spend']);
    expect((await get(`/api/v1/aid/budgets/${budget.id}`, officerOf(city)).expect(200)).body).toMatchObject({ reservedFen: 300, spentFen: 100, availableFen: 9_600 });

    await get(`/api/v1/aid/budgets/${budget.id}/ledger?cursor=bm9wZQ`, officerOf(city)).expect(400);
    await expect(runtime.dataSource.query('UPDATE budget_ledger_entries SET amount_fen = 1 WHERE budget_id = $1', [budget.id])).rejects.toThrow(/immutable/);
    await expect(runtime.dataSource.query('DELETE FROM budget_ledger_entries WHERE budget_id = $1', [budget.id])).rejects.toThrow(/immutable/);
  });

  it('lists the subtree’s budgets only, filtered by year and source', async () => {
    const city = newCity();
    const other = newCity();
    const mine = (await fund(officerOf(city), 500).expect(201)).body;
    await fund(officerOf(city), 700, { source: 'hazard-reward' }).expect(201);
    await fund(officerOf(other), 900).expect(201);
    const list = (await get('/api/v1/aid/budgets?source=federation-appropriation&year=2026', officerOf(city)).expect(200)).body;
    expect(list.items.map((b: { id: string }) => b.id)).toEqual([mine.id]);
    await get('/api/v1/aid/budgets?source=lottery', officerOf(city)).expect(400);
  });
});
