import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { applyOrgUnitMove, chinaDate, createServiceApp } from '@gonghui/service-kit';
import { testServiceConfig, tokenFor } from '@gonghui/testing';
import { mediationService } from '../src/service';
import { addDays } from '../src/cases/domain/calendar';
import { figuresFromCases } from './figures-oracle';

const SOURCES = ['screening', 'complaint', 'referral', 'court-delegation'];
const TYPES = ['unpaid-wages', 'social-insurance', 'work-injury', 'termination-compensation', 'overtime', 'maternity', 'other'];

/**
 * The figures read from the daily rollup (migration 0030) answer exactly what the cases themselves
 * say (the statement the service ran before, kept as the oracle), through every kind of change:
 * intake from every source with every claim type, panels and re-formed panels, agreements, part and
 * full payments, declines, referrals (also of a settled case), a subtree moved to another district,
 * a stage set back and a centre renamed by hand, concurrent intake, a case received late in a China day.
 */
describe('mediation: figures from the daily rollup', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  const hex = () => randomUUID().replace(/-/g, '');
  const city = `/${hex()}/`;
  const d1 = `${city}${hex()}/`;
  const d2 = `${city}${hex()}/`;
  const u2Id = hex();
  const units = [`${d1}${hex()}/`, `${d1}${u2Id}/`, `${d2}${hex()}/`];
  const centres = [
    ['甲调解中心', '乙调解中心'],
    ['乙调解中心', '丙调解中心'],
    ['甲调解中心', '丙调解中心'],
  ];
  const tokens = units.map((scopePath, i) => tokenFor({ username: `rollup-officer-${i}`, roles: ['mediator'], orgUnitId: randomUUID(), scopePath }));
  const cityToken = tokenFor({ username: 'rollup-city', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: city });
  const server = () => app.getHttpServer();
  const post = (token: string, path: string, body: object) => request(server()).post(`/api/v1/mediation/${path}`).set('authorization', `Bearer ${token}`).send(body);
  const today = chinaDate(new Date());
  const daysAgo = (n: number) => addDays(today, -n);
  const lateEvening = daysAgo(20);

  /** Every period and subtree the checks compare, the rollup's answer against the cases'. */
  const periods = () => [
    { subtree: city, from: daysAgo(399), to: today },
    { subtree: d1, from: daysAgo(399), to: today },
    { subtree: d2, from: daysAgo(399), to: today },
    { subtree: units[0], from: daysAgo(3), to: daysAgo(3) },
    { subtree: city, from: daysAgo(60), to: daysAgo(1) },
    { subtree: city, from: lateEvening, to: lateEvening },
    { subtree: city, from: addDays(lateEvening, 1), to: addDays(lateEvening, 1) },
  ];

  const expectSameAsCases = async () => {
    for (const { subtree, from, to } of periods()) {
      const answer = await request(server()).get('/api/v1/mediation/figures').query({ from, to, subtreePath: subtree }).set('authorization', `Bearer ${cityToken}`).expect(200);
      expect({ subtree, from, to, figures: answer.body }).toEqual({ subtree, from, to, figures: await figuresFromCases(db, subtree, from, to) });
    }
    // A key no case has any more is not left behind in the rollup.
    const [empty] = (await db.query(
      `SELECT (SELECT count(*) FROM case_figures_daily WHERE cases = 0)::int + (SELECT count(*) FROM case_claims_daily WHERE cases = 0)::int
              + (SELECT count(*) FROM case_settle_days_daily WHERE cases = 0)::int AS n`,
    )) as { n: number }[];
    expect(empty.n).toBe(0);
  };

  beforeAll(async () => {
    ({ app } = (await createServiceApp({ ...mediationService(testServiceConfig('mediation')), logLevels: ['error'] })) as { app: NestFastifyApplication });
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers what the cases say, through intake, panels, agreements, payments, referrals, moves and hand fixes', async () => {
    const ago = [0, 1, 3, 10, 40, 200];
    const cases: string[][] = [];
    const mediators: string[][] = [];
    for (const [u, token] of tokens.entries()) {
      cases[u] = [];
      for (const [i, days] of ago.entries()) {
        const claims = [
          { type: TYPES[(i + u) % 7], amountFen: 100_000 * (i + 1) },
          { type: TYPES[(i + 2 * u + 3) % 7] },
          // The same type twice counts the case once for it.
          { type: TYPES[(i + u) % 7], amountFen: 5_000 },
        ];
        const created = await post(token, 'cases', { source: SOURCES[(i + u) % 4], summary: '统计', workers: [{ name: '王五', contact: '13800138000' }], employer: { name: `某厂${hex()}` }, claims, receivedOn: daysAgo(days) }).expect(201);
        cases[u].push(created.body.id as string);
      }
      mediators[u] = [];
      for (const centreName of centres[u]) {
        const registered = await post(token, 'mediators', { name: `调解员${u}`, background: 'lawyer', specialties: [], centreName, vettingStatus: 'vetted', vettedOn: '2026-01-01', available: true }).expect(201);
        mediators[u].push(registered.body.id as string);
      }
    }
    await expectSameAsCases();

    for (const [u, token] of tokens.entries()) {
      const [partlyPaid, paidUp, declined, failed, unperformed, reformed] = cases[u];
      const panel = (id: string, lead: number) => post(token, `cases/${id}/panel`, { leadMediatorId: mediators[u][lead], coMediatorIds: [] }).expect(200);
      const settle = (id: string, amounts: number[]) => post(token, `cases/${id}/settle`, { obligations: amounts.map((amountFen) => ({ description: '支付工资', amountFen })) }).expect(200);
      const obligations = async (id: string) => (await request(server()).get(`/api/v1/mediation/cases/${id}/obligations`).set('authorization', `Bearer ${token}`).expect(200)).body.items as { id: string }[];

      await panel(partlyPaid, 0);
      await settle(partlyPaid, [1_000_000 + u, 200_000]);
      const [first] = await obligations(partlyPaid);
      await post(token, `cases/${partlyPaid}/obligations/${first.id}/payments`, { amountFen: 300_000 }).expect(201);
      await post(token, `cases/${partlyPaid}/obligations/${first.id}/payments`, { amountFen: 50_000 + u }).expect(201);

      await panel(paidUp, 1);
      await settle(paidUp, [500_000]);
      const [only] = await obligations(paidUp);
      await post(token, `cases/${paidUp}/obligations/${only.id}/payments`, { amountFen: 500_000 }).expect(201);

      await post(token, `cases/${declined}/decline`, { reason: '不属于劳动争议' }).expect(200);
      await post(token, `cases/${failed}/refer`, { referredTo: 'arbitration', reason: 'mediation-failed' }).expect(200);

      await panel(unperformed, 0);
      await settle(unperformed, [800_000]);
      await post(token, `cases/${unperformed}/refer`, { referredTo: 'court', reason: 'unperformed' }).expect(200);

      await panel(reformed, 0);
      await panel(reformed, 1);
    }
    const [paidUpCase] = (await db.query('SELECT status FROM cases WHERE id = $1', [cases[0][1]])) as { status: string }[];
    expect(paidUpCase.status).toBe('closed');
    await expectSameAsCases();

    // The data is varied enough to mean something: every source, claim type and stage, money both ways, a median.
    const city365 = await figuresFromCases(db, city, daysAgo(399), today);
    expect(city365.bySource).toHaveLength(4);
    expect(city365.byClaimType).toHaveLength(7);
    expect(city365.byOutcome.map((o) => o.key).sort()).toEqual(['closed', 'declined', 'open', 'referred', 'settled']);
    expect(city365.byCentre.map((c) => c.centre).sort()).toEqual(['丙调解中心', '乙调解中心', '未指派', '甲调解中心']);
    expect(city365).toMatchObject({ cases: 18, recoveredFen: 3 * 850_000 + 1 + 2 });
    expect(city365.medianDaysToSettle).not.toBeNull();

    // A case received at 23:30 China time (15:30 UTC, the day before in UTC) counts on its China date.
    await db.query(
      `INSERT INTO cases (id, member_id, org_unit_path, source, summary, employer_name, status, opened_by, opened_at, workers, worker_count, claims, claimed_total_fen, received_at)
       VALUES ($1, NULL, $2, 'complaint', '夜间受理', '某厂', 'open', 'test', now(), '[]', 1, '[{"type":"overtime","amountFen":1000}]', 1000, ($3 || 'T23:30:00+08:00')::timestamptz)`,
      [randomUUID(), units[2], lateEvening],
    );
    expect((await figuresFromCases(db, city, lateEvening, lateEvening)).cases).toBe(1);

    // Twelve intakes at once in one unit on one day: every one counted.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post(tokens[1], 'cases', { source: SOURCES[i % 4], summary: '并发', workers: [{ name: '赵六', contact: '13900139000' }], employer: { name: `某厂${hex()}` }, claims: [{ type: TYPES[i % 7] }], receivedOn: today }).expect(201),
      ),
    );
    await expectSameAsCases();

    // The second unit moves, with its cases, from the first district to the second.
    const before = await figuresFromCases(db, d2, daysAgo(399), today);
    await db.transaction((tx) =>
      applyOrgUnitMove(tx, { orgUnitId: randomUUID(), fromParentId: randomUUID(), toParentId: randomUUID(), oldPath: units[1], newPath: `${d2}${u2Id}/`, movedAt: new Date().toISOString() }, [{ table: 'cases', column: 'org_unit_path' }]),
    );
    expect((await figuresFromCases(db, d2, daysAgo(399), today)).cases).toBe(before.cases + 6 + 12);
    await expectSameAsCases();

    // By hand, outside every write path: a declined case set back to open, a centre renamed, an agreement's amount corrected.
    await db.query(`UPDATE cases SET status = 'open', decline_reason = NULL WHERE id = $1`, [cases[0][2]]);
    await db.query(`UPDATE mediators SET centre_name = '丁调解中心' WHERE id = $1`, [mediators[2][0]]);
    await db.query('UPDATE agreements SET total_amount_fen = total_amount_fen + 7, signed_at = signed_at + $2::interval WHERE case_id = $1', [cases[2][0], '3 days']);
    await expectSameAsCases();
  });
});
