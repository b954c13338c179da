import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { creditCodeCheckCharacter } from '@gonghui/identifiers';
import { chinaDate, createServiceApp } from '@gonghui/service-kit';
import { eventually, testDistrict, TestDistrict, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { aidService } from '../src/service';

/** A social organisation's unified social credit code (52 = 民办非企业单位) with its check character. */
const creditCode = (n: number) => {
  const body = `52500112MJA${String(n).padStart(6, '0')}`;
  return body + creditCodeCheckCharacter(body);
};

/** Grants to social organisations' service projects: a call on an aid budget, proposals, the panel's scores, the award and the milestones. */
describe('aid grants to social organisations (公益伙伴)', () => {
  let app: NestFastifyApplication;
  let topic: TopicReader;
  const district: TestDistrict = testDistrict();
  const tokenOf = (username: string, unit: TestDistrict = district) =>
    `Bearer ${tokenFor({ userId: randomUUID(), username, roles: ['aid-officer'], orgUnitId: unit.orgUnitId, scopePath: unit.path })}`;
  const officer = tokenOf('yubei.grants');
  const reviewer = tokenOf('yubei.reviewer2');
  const outsider = tokenOf('yubei.not-on-panel');
  const server = () => app.getHttpServer();
  const post = (url: string, token: string, body: object = {}) => request(server()).post(url).set('authorization', token).send(body);
  const get = (url: string, token: string) => request(server()).get(url).set('authorization', token);

  const criteria = [
    { key: 'need', name: '服务需求的迫切性', weight: 40, maxScore: 10 },
    { key: 'design', name: '项目设计', weight: 35, maxScore: 10 },
    { key: 'capacity', name: '执行能力', weight: 25, maxScore: 5 },
  ];
  const proposal = (n: number, requestedFen: number, over: object = {}) => ({
    creditCode: creditCode(n),
    organisationName: `渝北区第${n}社会工作服务中心`,
    projectTitle: `新就业形态劳动者关爱项目${n}`,
    summary: '为外卖骑手提供驿站休息、法律咨询和心理疏导服务',
    requestedFen,
    milestones: [
      { name: '首期', amountFen: requestedFen - Math.floor(requestedFen / 4), dueOn: '2027-03-01' },
      { name: '尾款', amountFen: Math.floor(requestedFen / 4), dueOn: '2027-10-01' },
    ],
    ...over,
  });

  beforeAll(async () => {
    ({ app } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    topic = await TopicReader.open('gonghui.aid.grant-project.v1');
  });

  afterAll(async () => {
    await topic?.close();
    await app?.close();
  });

  it('reserves the call’s money, ranks the scored proposals, awards in rank order within it, pays milestones and ends with the evaluation', async () => {
    const budget = (await post('/api/v1/aid/budgets', officer, { name: '2027年度公益创投资金', year: 2026, source: 'union-dues', amountFen: 50_000_000 }).expect(201)).body.id;
    const callBody = { title: '2027年度公益伙伴服务项目征集', budgetId: budget, amountFen: 20_000_000, criteria, panel: ['yubei.grants', 'yubei.reviewer2'], minScore: 60 };

    // bad calls change nothing
    expect((await post('/api/v1/aid/grant-calls', officer, { ...callBody, criteria: criteria.slice(0, 2) }).expect(400)).body.errors[0].field).toBe('criteria');
    expect((await post('/api/v1/aid/grant-calls', officer, { ...callBody, amountFen: 60_000_000 }).expect(422)).body.type).toMatch(/budget-insufficient$/);
    expect((await get('/api/v1/aid/grant-calls', officer).expect(200)).body.items).toEqual([]);

    const call = (await post('/api/v1/aid/grant-calls', officer, callBody).expect(201)).body;
    expect(call).toMatchObject({ status: 'open', amountFen: 20_000_000, awardedFen: 0 });
    expect((await get(`/api/v1/aid/budgets/${budget}`, officer).expect(200)).body).toMatchObject({ reservedFen: 20_000_000, availableFen: 30_000_000 });

    const submit = (body: object) => post(`/api/v1/aid/grant-calls/${call.id}/proposals`, officer, body);
    const a = (await submit(proposal(1, 8_000_000)).expect(201)).body;
    const b = (await submit(proposal(2, 9_000_000)).expect(201)).body;
    const c = (await submit(proposal(3, 6_000_000)).expect(201)).body;
    const d = (await submit(proposal(4, 2_000_000)).expect(201)).body;
    expect(a.milestones.map((m: { amountFen: number }) => m.amountFen)).toEqual([6_000_000, 2_000_000]);
    expect((await submit(proposal(1, 1_000_000)).expect(409)).body.type).toMatch(/proposal-exists$/);
    expect((await submit({ ...proposal(5, 1_000_000), creditCode: '52500112MJA0000051' }).expect(400)).body.errors[0].field).toBe('creditCode');
    expect((await submit(proposal(6, 1_000_000, { milestones: [{ name: '首期', amountFen: 900_000, dueOn: '2027-03-01' }] })).expect(400)).body.errors[0].field).toBe('milestones');

    // the panel scores once the call is closed to proposals
    const score = (id: string, token: string, scores: object) => post(`/api/v1/aid/grant-proposals/${id}/scores`, token, { scores });
    expect((await score(a.id, officer, { need: 9, design: 9, capacity: 5 }).expect(409)).body.type).toMatch(/grant-call-status$/);
    await post(`/api/v1/aid/grant-calls/${call.id}/close-submissions`, officer).expect(200);
    await submit(proposal(7, 1_000_000)).expect(409);
    await score(a.id, outsider, { need: 9, design: 9, capacity: 5 }).expect(403);
    const outOfRange = (await score(a.id, officer, { need: 11, design: 9, capacity: 5 }).expect(400)).body;
    expect(outOfRange.errors).toEqual([expect.objectContaining({ field: 'scores.need' })]);
    expect((await score(a.id, officer, { need: 9, design: 9, capacity: 5 }).expect(201)).body.weighted).toBe(92.5); // 36 + 31.5 + 25
    expect((await score(a.id, officer, { need: 1, design: 1, capacity: 1 }).expect(409)).body.type).toMatch(/already-scored$/);
    await score(a.id, reviewer, { need: 10, design: 8, capacity: 4 }).expect(201); // 40 + 28 + 20 = 88
    await score(b.id, officer, { need: 8, design: 8, capacity: 4 }).expect(201); // 80
    await score(c.id, officer, { need: 7, design: 7, capacity: 4 }).expect(201); // 28 + 24.5 + 20 = 72.5

    // not every sheet is in yet: no award
    expect((await post(`/api/v1/aid/grant-calls/${call.id}/award`, officer).expect(422)).body.type).toMatch(/scoring-incomplete$/);
    await score(b.id, reviewer, { need: 8, design: 8, capacity: 4 }).expect(201);
    await score(c.id, reviewer, { need: 7, design: 7, capacity: 4 }).expect(201);
    await score(d.id, officer, { need: 6, design: 6, capacity: 3 }).expect(201); // 24 + 21 + 15 = 60
    // the same reviewer twice at once: one sheet counts
    const race = await Promise.all([score(d.id, reviewer, { need: 6, design: 6, capacity: 3 }), score(d.id, reviewer, { need: 6, design: 6, capacity: 3 })]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);

    const ranking = (await get(`/api/v1/aid/grant-calls/${call.id}/ranking`, officer).expect(200)).body;
    expect(ranking.incomplete).toEqual([]);
    expect(ranking.ranking.map((r: { proposalId: string; score: number; withinBudget: boolean }) => [r.proposalId, r.score, r.withinBudget])).toEqual([
      [a.id, 90.25, true],
      [b.id, 80, true],
      [c.id, 72.5, false], // 6,000,000 no longer fits after 8,000,000 + 9,000,000
      [d.id, 60, true],
    ]);

    const awarded = (await post(`/api/v1/aid/grant-calls/${call.id}/award`, officer).expect(200)).body;
    expect(awarded).toMatchObject({ status: 'awarded', awardedFen: 19_000_000 });
    await post(`/api/v1/aid/grant-calls/${call.id}/award`, officer).expect(409);
    const proposals = (await get(`/api/v1/aid/grant-calls/${call.id}/proposals`, officer).expect(200)).body.items;
    expect(proposals.map((p: { status: string; rank: number }) => [p.status, p.rank])).toEqual([['awarded', 1], ['awarded', 2], ['not-awarded', 3], ['awarded', 4]]);
    expect((await get(`/api/v1/aid/budgets/${budget}`, officer).expect(200)).body).toMatchObject({ reservedFen: 19_000_000, availableFen: 31_000_000 });

    // milestones in order, through the ledger
    const pay = (id: string, seq: number) => post(`/api/v1/aid/grant-proposals/${id}/milestones/${seq}/pay`, officer);
    expect((await pay(a.id, 2).expect(409)).body.type).toMatch(/milestone-out-of-order$/);
    expect((await pay(c.id, 1).expect(409)).body.type).toMatch(/grant-project-status$/);
    await pay(a.id, 3).expect(404);
    expect((await pay(a.id, 1).expect(200)).body).toMatchObject({ paidFen: 6_000_000 });
    await pay(a.id, 1).expect(409);
    expect((await get(`/api/v1/aid/budgets/${budget}`, officer).expect(200)).body).toMatchObject({ reservedFen: 13_000_000, spentFen: 6_000_000, availableFen: 31_000_000 });

    // the final evaluation ends the project; the unpaid last milestone goes back to the budget
    const evaluation = { rating: 'fail', evaluatedOn: chinaDate(new Date()), note: '服务人次未达目标，尾款不予拨付' };
    await post(`/api/v1/aid/grant-proposals/${a.id}/final-evaluation`, officer, { ...evaluation, evaluatedOn: '2099-01-01' }).expect(400);
    const ended = (await post(`/api/v1/aid/grant-proposals/${a.id}/final-evaluation`, officer, evaluation).expect(200)).body;
    expect(ended).toMatchObject({ status: 'completed', finalRating: 'fail', paidFen: 6_000_000 });
    expect(ended.milestones.map((m: { status: string }) => m.status)).toEqual(['paid', 'cancelled']);
    await post(`/api/v1/aid/grant-proposals/${a.id}/final-evaluation`, officer, evaluation).expect(409);
    await pay(a.id, 2).expect(409);
    expect((await get(`/api/v1/aid/budgets/${budget}`, officer).expect(200)).body).toMatchObject({ reservedFen: 11_000_000, spentFen: 6_000_000, availableFen: 33_000_000 });
    const ledger = (await get(`/api/v1/aid/budgets/${budget}/ledger`, officer).expect(200)).body.items;
    expect(ledger.map((e: { kind: string; amountFen: number }) => [e.kind, e.amountFen])).toEqual([
      ['allocation', 50_000_000],
      ['reservation', 20_000_000],
      ['release', 1_000_000],
      ['spend', 6_000_000],
      ['release', 2_000_000],
    ]);

    // the awards and the end of the project, as other systems read them: ids, code and amounts, never the note
    const ofCall = () => topic.received.filter((r) => r.event?.data.callId === call.id);
    await eventually(() => expect(ofCall().map((r) => r.event!.type).sort()).toEqual([
      'cn.gonghui.aid.grant-project.awarded.v1',
      'cn.gonghui.aid.grant-project.awarded.v1',
      'cn.gonghui.aid.grant-project.awarded.v1',
      'cn.gonghui.aid.grant-project.completed.v1',
    ]));
    const awardedEvent = ofCall().find((r) => r.key === a.id && r.event!.type.endsWith('awarded.v1'))!;
    expect(awardedEvent.event!.data).toMatchObject({ projectId: a.id, budgetId: budget, creditCode: creditCode(1), awardedFen: 8_000_000, rank: 1, score: 90.25 });
    const completedEvent = ofCall().find((r) => r.event!.type.endsWith('completed.v1'))!;
    expect(completedEvent.event!.data).toMatchObject({ projectId: a.id, rating: 'fail', paidFen: 6_000_000, releasedFen: 2_000_000 });
    expect(completedEvent.value).not.toContain('尾款不予拨付');

    // another district sees none of it
    const elsewhere = tokenOf('jiangbei.aid', testDistrict());
    await get(`/api/v1/aid/grant-calls/${call.id}`, elsewhere).expect(404);
    await get(`/api/v1/aid/grant-proposals/${b.id}`, elsewhere).expect(404);
    await score(b.id, elsewhere, { need: 1, design: 1, capacity: 1 }).expect(404);
  });
});
