import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DisputeCaseAidReferredV1, DisputeCaseOpenedV1, DisputeCaseReceivedV1, DisputeCaseSettledV1, DisputeCaseSettledV2, MemberEnrolledV1, MemberLeftV1 } from '@gonghui/contracts';
import { chinaDate, createServiceApp, encodeCursor, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { mediationService } from '../src/service';

/** Mediation's HTTP behaviour in-process (supertest), against the real Postgres and broker. */
describe('mediation: dispute cases', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const hex = () => randomUUID().replace(/-/g, '');
  const districtA = `/${hex()}/${hex()}/`;
  const districtB = `/${hex()}/${hex()}/`;
  const mediatorA = tokenFor({ username: 'mediator-a', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: districtA });
  const mediatorB = tokenFor({ username: 'mediator-b', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: districtB });

  const server = () => app.getHttpServer();

  const statusOf = async (memberId: string): Promise<string | undefined> =>
    ((await runtime.dataSource.query('SELECT status FROM member_directory WHERE member_id = $1', [memberId])) as { status: string }[])[0]?.status;

  /** Members become known here as membership announces them: through the broker. */
  const enrol = (count: number, district = districtA) => announceMembers(events, runtime.dataSource, Array.from({ length: count }, () => ({ path: `${district}${hex()}/` })));

  const openCase = (memberId: string, token = mediatorA, over: Record<string, unknown> = {}) =>
    request(server())
      .post('/api/v1/mediation/cases')
      .set('authorization', `Bearer ${token}`)
      .send({ memberId, source: 'complaint', summary: '用人单位未支付生育津贴', employerName: '某物流有限公司', ...over });

  const obligations = [
    { description: '支付生育津贴 / pay maternity allowance', amountFen: 2_500_000, dueDate: '2026-12-31' },
    { description: '书面道歉 / written apology' },
    { description: '补发加班费', amountFen: 12_345 },
  ];
  const settle = (caseId: string, token = mediatorA, body: object = { obligations }) =>
    request(server()).post(`/api/v1/mediation/cases/${caseId}/settle`).set('authorization', `Bearer ${token}`).send(body);

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...mediationService(testServiceConfig('mediation')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('mediation-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('opens a case and settles it with an agreement; both are announced on the broker', async () => {
    const [memberId] = await enrol(1);
    const reader = await TopicReader.open(DisputeCaseSettledV1.topic);
    try {
      const opened = await openCase(memberId).set('x-request-id', 'req-open-1').expect(201);
      expect(opened.body).toMatchObject({ memberId, source: 'complaint', status: 'open', closedAt: null, agreement: null });
      const caseId = opened.body.id;

      const settled = await settle(caseId).expect(200);
      // Settled: the agreement is being performed; the case closes when its obligations are.
      expect(settled.body).toMatchObject({ id: caseId, status: 'settled', closedAt: null });
      const expectedObligations = [
        { description: '支付生育津贴 / pay maternity allowance', amountFen: 2_500_000, dueDate: '2026-12-31' },
        { description: '书面道歉 / written apology', amountFen: null, dueDate: null },
        { description: '补发加班费', amountFen: 12_345, dueDate: null },
      ];
      expect(settled.body.agreement).toMatchObject({ obligations: expectedObligations, totalAmountFen: 2_512_345 });

      const shown = await request(server()).get(`/api/v1/mediation/cases/${caseId}`).set('authorization', `Bearer ${mediatorA}`).expect(200);
      expect(shown.body).toEqual(settled.body);

      const events = await eventually(() => {
        const forCase = reader.events().filter((e) => e.data.caseId === caseId);
        expect(forCase.map((e) => e.type)).toEqual([DisputeCaseReceivedV1.type, DisputeCaseOpenedV1.type, DisputeCaseSettledV2.type, DisputeCaseSettledV1.type]);
        return forCase;
      });
      // Answers in China time (+08:00), events in UTC: the same instants.
      expect(opened.body.openedAt).toMatch(/\+08:00$/);
      expect(events[1].data).toEqual({ caseId, memberId, source: 'complaint', openedAt: new Date(opened.body.openedAt).toISOString() });
      expect(events[1].correlationid).toBe('req-open-1');
      expect(events[2].data).toMatchObject({ caseId, memberIds: [memberId], workerCount: 1, agreementId: settled.body.agreement.id, totalAmountFen: 2_512_345 });
      expect(events[3].data).toEqual({
        caseId,
        memberId,
        agreementId: settled.body.agreement.id,
        obligations: expectedObligations,
        totalAmountFen: 2_512_345,
        settledAt: new Date(settled.body.agreement.signedAt).toISOString(),
      });
    } finally {
      await reader.close();
    }
  });

  it('announces the agreement of a non-member case (v2 only) and refers a member worker to aid at any stage, once', async () => {
    const [memberId] = await enrol(1);
    const reader = await TopicReader.open(DisputeCaseSettledV2.topic);
    try {
      const nonMember = { name: '赵六', contact: '13800138000' };
      const base = { source: 'complaint', summary: '拖欠工资', employer: { name: '某建筑公司' }, claims: [{ type: 'unpaid-wages', amountFen: 800_000 }] };
      const post = (path: string, body: object) => request(server()).post(`/api/v1/mediation/${path}`).set('authorization', `Bearer ${mediatorA}`).send(body);
      const alone = (await post('cases', { ...base, workers: [nonMember] }).expect(201)).body.id as string;
      await settle(alone, mediatorA, { obligations: [{ description: '支付工资', amountFen: 800_000 }] }).expect(200);

      // A collective case: referred while open; a second referral of the worker is a 409, a non-member or a stranger a 422.
      const collective = (await post('cases', { ...base, workers: [{ memberId }, nonMember] }).expect(201)).body.id as string;
      const referred = await post(`cases/${collective}/aid-referrals`, { memberId }).set('x-request-id', 'req-aid-1').expect(201);
      expect(referred.body).toEqual({ caseId: collective, memberId, caseStatus: 'open', referredAt: expect.stringMatching(/\+08:00$/) });
      expect((await post(`cases/${collective}/aid-referrals`, { memberId }).expect(409)).body.type).toMatch(/already-referred-to-aid$/);
      expect((await post(`cases/${collective}/aid-referrals`, { memberId: randomUUID() }).expect(422)).body.errors).toEqual([{ field: 'memberId', message: expect.any(String) }]);
      await post(`cases/${collective}/aid-referrals`, { memberId: 'nobody' }).expect(400);
      await request(server()).post(`/api/v1/mediation/cases/${collective}/aid-referrals`).set('authorization', `Bearer ${mediatorB}`).send({ memberId }).expect(404);
      // At a later stage too: after the case was declined.
      const [other] = await enrol(1);
      const declined = (await post('cases', { ...base, workers: [{ memberId: other }] }).expect(201)).body.id as string;
      await post(`cases/${declined}/decline`, { reason: '不属于劳动争议' }).expect(200);
      await post(`cases/${declined}/aid-referrals`, { memberId: other }).expect(201);

      await eventually(() => {
        const settledAlone = reader.events().filter((e) => e.data.caseId === alone && e.type.startsWith('cn.gonghui.mediation.case.settled'));
        expect(settledAlone.map((e) => e.type)).toEqual([DisputeCaseSettledV2.type]);
        expect(settledAlone[0].data).toMatchObject({ caseId: alone, memberIds: [], workerCount: 1, totalAmountFen: 800_000 });
        expect(JSON.stringify(settledAlone[0].data)).not.toMatch(/赵|13800138000/);
        const aid = reader.events().filter((e) => e.type === DisputeCaseAidReferredV1.type && [collective, declined].includes(e.data.caseId));
        expect(aid.map((e) => [e.data.caseId, e.data.caseStatus])).toEqual([
          [collective, 'open'],
          [declined, 'declined'],
        ]);
        expect(aid[0].data).toEqual({ caseId: collective, orgUnitPath: expect.any(String), memberId, caseStatus: 'open', agreedAmountFen: null, referredAt: new Date(referred.body.referredAt).toISOString() });
        expect(aid[0].correlationid).toBe('req-aid-1');
      });
    } finally {
      await reader.close();
    }
  });

  it('answers invalid input with 400 problem+json naming the fields', async () => {
    const invalid = await request(server())
      .post('/api/v1/mediation/cases')
      .set('authorization', `Bearer ${mediatorA}`)
      .send({ memberId: 'nobody', source: 'rumour', summary: '', employerName: 'x' })
      .expect(400);
    expect(invalid.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['memberId', 'source', 'summary']));

    const [memberId] = await enrol(1);
    const opened = await openCase(memberId).expect(201);
    const noObligations = await settle(opened.body.id, mediatorA, { obligations: [] }).expect(400);
    expect(noObligations.body.errors).toEqual([expect.objectContaining({ field: 'obligations' })]);
    const negative = await settle(opened.body.id, mediatorA, { obligations: [{ description: '赔偿', amountFen: -1 }] }).expect(400);
    expect(negative.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(negative.body.errors.length).toBeGreaterThan(0);
    await request(server()).get(`/api/v1/mediation/cases/${opened.body.id}`).set('authorization', `Bearer ${mediatorA}`).expect(200).expect((r) => expect(r.body.status).toBe('open'));
  });

  it('answers 404 for another district’s case, and 422 for a worker not known in the district', async () => {
    const [memberOfA] = await enrol(1, districtA);
    const opened = await openCase(memberOfA).expect(201);

    const get = await request(server()).get(`/api/v1/mediation/cases/${opened.body.id}`).set('authorization', `Bearer ${mediatorB}`).expect(404);
    expect(get.headers['content-type']).toMatch(/application\/problem\+json/);
    await settle(opened.body.id, mediatorB).expect(404);
    await request(server()).get(`/api/v1/mediation/cases/${randomUUID()}`).set('authorization', `Bearer ${mediatorA}`).expect(404);

    const foreign = await openCase(memberOfA, mediatorB).expect(422);
    expect(foreign.body.type).toMatch(/unknown-member$/);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'memberId' })]);

    const stillOpen = await request(server()).get(`/api/v1/mediation/cases/${opened.body.id}`).set('authorization', `Bearer ${mediatorA}`).expect(200);
    expect(stillOpen.body.status).toBe('open');
  });

  it('settles a case once: a second settlement is a 409, also when two race', async () => {
    const [memberId] = await enrol(1);
    const once = await openCase(memberId).expect(201);
    await settle(once.body.id).expect(200);
    const again = await settle(once.body.id).expect(409);
    expect(again.body.type).toMatch(/case-not-open$/);

    const raced = await openCase(memberId).expect(201);
    const responses = await Promise.all(Array.from({ length: 5 }, () => settle(raced.body.id)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const agreements = (await runtime.dataSource.query('SELECT count(*)::int AS n FROM agreements WHERE case_id = $1', [raced.body.id])) as { n: number }[];
    expect(agreements[0].n).toBe(1);
  });

  it('lets a worker who has left bring a dispute', async () => {
    const [leaver] = await enrol(1);
    await events.send(MemberLeftV1, { memberId: leaver, orgUnitId: MemberEnrolledV1.example.orgUnitId, reason: 'changed-job', leftAt: new Date().toISOString() });
    await eventually(async () => expect(await statusOf(leaver)).toBe('left'));
    await openCase(leaver).expect(201);
  });

  it('pages the cases of the district with nextCursor, and rejects a cursor with wrong contents as 400', async () => {
    const district = `/${hex()}/`;
    const mediator = tokenFor({ username: 'mediator-c', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: district });
    const members = await enrol(3, district);
    const ids: string[] = [];
    for (const memberId of members) ids.push((await openCase(memberId, mediator).expect(201)).body.id);
    await settle(ids[0], mediator).expect(200);
    const list = (query: Record<string, string | number>) => request(server()).get('/api/v1/mediation/cases').query(query).set('authorization', `Bearer ${mediator}`);

    const first = await list({ limit: 2 }).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list({ limit: 2, cursor: first.body.nextCursor }).expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.items, ...second.body.items] as { id: string; status: string; agreement: unknown }[];
    expect(all.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(all.find((c) => c.id === ids[0])).toMatchObject({ status: 'settled', agreement: { totalAmountFen: 2_512_345 } });
    expect(all.filter((c) => c.id !== ids[0]).map((c) => c.agreement)).toEqual([null, null]);

    const seenByB = await request(server()).get('/api/v1/mediation/cases').set('authorization', `Bearer ${mediatorB}`).expect(200);
    expect(seenByB.body.items.filter((c: { id: string }) => ids.includes(c.id))).toEqual([]);

    for (const cursor of [encodeCursor({ t: 'last week', id: 'x' }), encodeCursor({ t: new Date().toISOString(), id: "'; DROP TABLE cases; --" }), 'garbage']) {
      const bad = await list({ cursor }).expect(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    }
  });

  it('lists one stage of the board from the server: open cases most urgent first, paged; another stage alone; a wrong stage is a 400', async () => {
    const district = `/${hex()}/`;
    const mediator = tokenFor({ username: 'mediator-d', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: district });
    const members = await enrol(4, district);
    const daysAgo = (n: number) => chinaDate(new Date(Date.now() - n * 86_400_000));
    const ids: string[] = [];
    for (const [i, ago] of [3, 12, 0, 7].entries()) ids.push((await openCase(members[i], mediator, { receivedOn: daysAgo(ago) }).expect(201)).body.id);
    await settle(ids[3], mediator).expect(200);
    const list = (query: Record<string, string | number>) => request(server()).get('/api/v1/mediation/cases').query(query).set('authorization', `Bearer ${mediator}`);

    // Received 12, 3 and 0 days ago: 3, 12 and 15 days left, the fewest first, two to a page.
    const first = await list({ status: 'open', limit: 2 }).expect(200);
    expect(first.body.items.map((c: { id: string; clock: { daysLeft: number } }) => [c.id, c.clock.daysLeft])).toEqual([
      [ids[1], 3],
      [ids[0], 12],
    ]);
    const second = await list({ status: 'open', limit: 2, cursor: first.body.nextCursor }).expect(200);
    expect(second.body.items.map((c: { id: string }) => c.id)).toEqual([ids[2]]);
    expect(second.body.nextCursor).toBeNull();

    const settled = await list({ status: 'settled' }).expect(200);
    expect(settled.body.items.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([[ids[3], 'settled']]);
    expect((await list({ status: 'declined' }).expect(200)).body).toEqual({ items: [], nextCursor: null });
    const seenByB = await request(server()).get('/api/v1/mediation/cases').query({ status: 'open' }).set('authorization', `Bearer ${mediatorB}`).expect(200);
    expect(seenByB.body.items.filter((c: { id: string }) => ids.includes(c.id))).toEqual([]);

    const wrong = await list({ status: 'pending' }).set('accept-language', 'en').expect(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
  });

  it('lists a closed stage newest first, paged without gaps or repeats, also when two cases were opened at the same instant', async () => {
    const district = `/${hex()}/`;
    const mediator = tokenFor({ username: 'mediator-e', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: district });
    const call = (method: 'get' | 'post', path: string) => request(server())[method](`/api/v1/mediation/${path}`).set('authorization', `Bearer ${mediator}`);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const opened = await call('post', 'cases')
        .send({ source: 'complaint', summary: '拖欠工资', workers: [{ name: '王五', contact: '13812345678' }], employer: { name: '某建筑劳务有限公司' }, claims: [{ type: 'unpaid-wages', amountFen: 300_000 }] })
        .expect(201);
      ids.push(opened.body.id);
      // A non-monetary term alone: performing it closes the case.
      await call('post', `cases/${opened.body.id}/settle`).send({ obligations: [{ description: '出具离职证明' }] }).expect(200);
      const [term] = (await call('get', `cases/${opened.body.id}/obligations`).expect(200)).body.items as { id: string }[];
      await call('post', `cases/${opened.body.id}/obligations/${term.id}/perform`).send({}).expect(200);
    }
    // Opened on five days, the 2nd and the 4th at the same instant: (opened_at, id) both descending decides between those two.
    const openedAt = ['2026-03-01T09:00:00Z', '2026-03-05T09:00:00Z', '2026-03-03T09:00:00Z', '2026-03-05T09:00:00Z', '2026-03-09T09:00:00Z'];
    for (const [i, id] of ids.entries()) await runtime.dataSource.query('UPDATE cases SET opened_at = $2 WHERE id = $1', [id, openedAt[i]]);
    const [tieLater, tieEarlier] = [ids[1], ids[3]].sort().reverse();
    const newestFirst = [ids[4], tieLater, tieEarlier, ids[2], ids[0]];

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call('get', 'cases')
        .query({ status: 'closed', limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      for (const c of page.body.items as { id: string; status: string }[]) {
        expect(c.status).toBe('closed');
        seen.push(c.id);
      }
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(newestFirst);

    // Without a stage the list keeps its order (opened, oldest first).
    const all = await call('get', 'cases').query({ limit: 10 }).expect(200);
    expect(all.body.items.map((c: { id: string }) => c.id)).toEqual([...newestFirst].reverse());
  });
});
