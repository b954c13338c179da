import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DisputeCaseDeclinedV1, DisputeCaseReceivedV1, DisputeCaseReferredV1 } from '@gonghui/contracts';
import { chinaDate, createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { mediationService } from '../src/service';

/** Intake (受理), decline, the statutory clock and referral on (诉调对接): in-process, real Postgres and broker. */
describe('mediation: intake and the statutory clock', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const hex = () => randomUUID().replace(/-/g, '');
  const districtA = `/${hex()}/${hex()}/`;
  const districtB = `/${hex()}/${hex()}/`;
  const mediatorA = tokenFor({ username: 'mediator-a', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: districtA });
  const mediatorB = tokenFor({ username: 'mediator-b', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: districtB });
  const server = () => app.getHttpServer();
  const today = () => chinaDate(new Date());
  const daysAgo = (n: number) => new Date(Date.parse(`${today()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

  const enrol = (count: number, district = districtA) => announceMembers(events, runtime.dataSource, Array.from({ length: count }, () => ({ path: `${district}${hex()}/` })));

  const receive = (body: Record<string, unknown>, token = mediatorA) =>
    request(server())
      .post('/api/v1/mediation/cases')
      .set('authorization', `Bearer ${token}`)
      .send({ source: 'complaint', summary: `拖欠工资 ${randomUUID()}`, employer: { name: '重庆某物流有限公司' }, ...body });
  const action = (caseId: string, what: string, body: object, token = mediatorA) =>
    request(server()).post(`/api/v1/mediation/cases/${caseId}/${what}`).set('authorization', `Bearer ${token}`).send(body);
  const casesWithSummary = async (summary: string) =>
    ((await runtime.dataSource.query('SELECT count(*)::int AS n FROM cases WHERE summary = $1', [summary])) as { n: number }[])[0].n;

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...mediationService(testServiceConfig('mediation')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('mediation-intake-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('a case of non-members only belongs to the receiving mediator’s union; the federation administrator, who has none, is told so and nothing is stored', async () => {
    const summary = `非会员讨薪 ${randomUUID()}`;
    const mine = await receive({ summary, workers: [{ name: '刘大勇', contact: '13900001111' }] }).expect(201);
    const [stored] = (await runtime.dataSource.query('SELECT org_unit_path FROM cases WHERE id = $1', [mine.body.id])) as { org_unit_path: string }[];
    expect(stored.org_unit_path).toBe(districtA);
    const refused = await receive({ summary, workers: [{ name: '黄小军', contact: '13900002222' }] }, tokenFor()).expect(422);
    expect(refused.body.type).toMatch(/case-needs-unit$/);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'workers' })]);
    expect(await casesWithSummary(summary)).toBe(1);
  });

  it('receives a collective case of a member and a non-member: name and mobile sealed, shown masked, never in the event', async () => {
    const [memberId] = await enrol(1);
    const reader = await TopicReader.open(DisputeCaseReceivedV1.topic);
    try {
      const received = await receive({
        source: 'court-delegation',
        workers: [{ memberId }, { name: '李四光', contact: '13812345678' }],
        employer: { name: '重庆某物流有限公司', creditCode: '91500112000000001R' },
        claims: [
          { type: 'unpaid-wages', amountFen: 1_200_000, description: '8月至10月工资' },
          { type: 'overtime', amountFen: 345_000 },
          { type: 'other', description: '出具离职证明' },
        ],
        receivedOn: daysAgo(3),
      }).expect(201);
      const caseId = received.body.id;
      expect(received.body).toMatchObject({
        memberId,
        source: 'court-delegation',
        collective: true,
        employer: { name: '重庆某物流有限公司', creditCode: '91500112000000001R' },
        workers: [
          { memberId, maskedName: null, maskedContact: null },
          { memberId: null, maskedName: '李**', maskedContact: '138****5678' },
        ],
        claimedTotalFen: 1_545_000,
        receivedOn: daysAgo(3),
        clock: { daysLeft: 12, pastLimit: false },
        status: 'open',
      });
      expect(received.body.openedAt).toMatch(/\+08:00$/);
      expect(JSON.stringify(received.body)).not.toContain('李四光');
      expect(JSON.stringify(received.body)).not.toContain('13812345678');

      const [row] = (await runtime.dataSource.query('SELECT workers::text AS w FROM cases WHERE id = $1', [caseId])) as { w: string }[];
      expect(row.w).not.toContain('李四光');
      expect(row.w).not.toContain('13812345678');

      const event = await eventually(() => {
        const found = reader.events().find((e) => e.type === DisputeCaseReceivedV1.type && e.data.caseId === caseId);
        expect(found).toBeDefined();
        return found!;
      });
      expect(event.data).toEqual({
        caseId,
        orgUnitPath: expect.stringMatching(new RegExp(`^${districtA}`)),
        source: 'court-delegation',
        memberIds: [memberId],
        workerCount: 2,
        claimTypes: ['unpaid-wages', 'overtime', 'other'],
        claimedTotalFen: 1_545_000,
        receivedOn: daysAgo(3),
        openedAt: new Date(received.body.openedAt).toISOString(),
      });
      expect(JSON.stringify(event.data)).not.toContain('李');
    } finally {
      await reader.close();
    }
  });

  it('refuses bad intake with 400 naming the fields, and creates nothing', async () => {
    const summary = `未来日期 ${randomUUID()}`;
    const future = await receive({ summary, workers: [{ name: '王五', contact: '13800138000' }], receivedOn: chinaDate(new Date(Date.now() + 2 * 86_400_000)) }).expect(400);
    expect(future.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'receivedOn' })]);

    const noIdentity = await receive({ summary, workers: [{ name: '王五' }] }).expect(400);
    expect(noIdentity.body.errors).toEqual([expect.objectContaining({ field: 'workers[0]' })]);

    const badCode = await receive({ summary, workers: [{ name: '王五', contact: '13800138000' }], employer: { name: '某公司', creditCode: '91500112000000001X' } }).expect(400);
    expect(badCode.body.errors.map((e: { field: string }) => e.field)).toEqual([expect.stringMatching(/creditCode/)]);

    const badClaim = await receive({ summary, workers: [{ name: '王五', contact: '13800138000' }], claims: [{ type: 'bonus', amountFen: -5 }] }).expect(400);
    expect(badClaim.body.errors.length).toBe(2);

    await receive({ summary, workers: [{ name: '王五', contact: '12345' }] }).expect(400);
    await receive({ summary, workers: [] }).expect(400);
    expect(await casesWithSummary(summary)).toBe(0);
  });

  it('declines with a reason; then every action is a 409 naming the status, in the asked language', async () => {
    const received = await receive({ workers: [{ name: '赵六', contact: '13900139000' }] }).expect(201);
    const caseId = received.body.id;
    const reader = await TopicReader.open(DisputeCaseDeclinedV1.topic);
    try {
      const declined = await action(caseId, 'decline', { reason: '不属于劳动争议调解受理范围' }).expect(200);
      expect(declined.body).toMatchObject({ status: 'declined', declineReason: '不属于劳动争议调解受理范围', clock: { daysLeft: null } });
      expect(declined.body.closedAt).toMatch(/\+08:00$/);
      const event = await eventually(() => {
        const found = reader.events().find((e) => e.type === DisputeCaseDeclinedV1.type && e.data.caseId === caseId);
        expect(found).toBeDefined();
        return found!;
      });
      expect(JSON.stringify(event.data)).not.toContain('不属于');
    } finally {
      await reader.close();
    }
    const again = await action(caseId, 'decline', { reason: '重复' }).expect(409);
    expect(again.body.detail).toContain('不予受理');
    const settleEn = await action(caseId, 'settle', { obligations: [{ description: '支付工资', amountFen: 100 }] }).set('accept-language', 'en').expect(409);
    expect(settleEn.body.detail).toContain('declined');
    expect(settleEn.body.detail).not.toMatch(/[\u4e00-\u9fff]/);
    await action(caseId, 'refer', { referredTo: 'court', reason: 'mediation-failed' }).expect(409);
    await action(caseId, 'decline', {}).expect(400);
  });

  it('lists the district’s open cases past the 15-day limit, paged; refers a lapsed case with its package', async () => {
    const district = `/${hex()}/`;
    const mediator = tokenFor({ username: 'mediator-c', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: district });
    const members = await enrol(4, district);
    const open = async (memberId: string, receivedOn: string) =>
      (await receive({ workers: [{ memberId }], claims: [{ type: 'unpaid-wages', amountFen: 500_000 }], receivedOn }, mediator).expect(201)).body as { id: string; clock: { daysLeft: number } };
    const lapsedLong = await open(members[0], daysAgo(30));
    const lapsed = await open(members[1], daysAgo(16));
    const lastDay = await open(members[2], daysAgo(15));
    const settledLate = await open(members[3], daysAgo(20));
    expect([lapsedLong, lapsed, lastDay].map((c) => c.clock.daysLeft)).toEqual([-15, -1, 0]);
    await action(settledLate.id, 'settle', { obligations: [{ description: '支付工资', amountFen: 500_000 }] }, mediator).expect(200);

    const list = (query: Record<string, string | number>, token = mediator) => request(server()).get('/api/v1/mediation/cases/past-limit').query(query).set('authorization', `Bearer ${token}`);
    const first = await list({ limit: 1 }).expect(200);
    expect(first.body.items.map((c: { id: string }) => c.id)).toEqual([lapsedLong.id]);
    expect(first.body.items[0].clock).toMatchObject({ pastLimit: true, daysLeft: -15 });
    const second = await list({ limit: 1, cursor: first.body.nextCursor }).expect(200);
    expect(second.body.items.map((c: { id: string }) => c.id)).toEqual([lapsed.id]);
    expect(second.body.nextCursor).toBeNull();
    expect((await list({}, mediatorB).expect(200)).body.items.filter((c: { id: string }) => [lapsedLong.id, lapsed.id].includes(c.id))).toEqual([]);
    await list({ cursor: 'garbage' }).expect(400);

    const tooEarly = await action(lastDay.id, 'refer', { referredTo: 'arbitration', reason: 'lapsed' }, mediator).expect(409);
    expect(tooEarly.body.type).toMatch(/not-past-limit$/);

    const reader = await TopicReader.open(DisputeCaseReferredV1.topic);
    try {
      const referred = await action(lapsed.id, 'refer', { referredTo: 'arbitration', reason: 'lapsed', note: '用人单位拒不到场' }, mediator).expect(200);
      expect(referred.body.status).toBe('referred');
      expect(referred.body.referral).toMatchObject({
        referredTo: 'arbitration',
        reason: 'lapsed',
        note: '用人单位拒不到场',
        workers: [{ memberId: members[1] }],
        employer: { name: '重庆某物流有限公司' },
        claims: [{ type: 'unpaid-wages', amountFen: 500_000 }],
        claimedTotalFen: 500_000,
        sessionsHeld: [],
        receivedOn: daysAgo(16),
        limitEndsOn: daysAgo(1),
      });
      expect(referred.body.referral.referredAt).toMatch(/\+08:00$/);
      const event = await eventually(() => {
        const found = reader.events().find((e) => e.type === DisputeCaseReferredV1.type && e.data.caseId === lapsed.id);
        expect(found).toBeDefined();
        return found!;
      });
      expect(event.data).toMatchObject({ referredTo: 'arbitration', reason: 'lapsed', memberIds: [members[1]], claimedTotalFen: 500_000, receivedOn: daysAgo(16) });
    } finally {
      await reader.close();
    }
    await action(lapsed.id, 'refer', { referredTo: 'court', reason: 'mediation-failed' }, mediator).expect(409);
    const failed = await action(lastDay.id, 'refer', { referredTo: 'court', reason: 'mediation-failed' }, mediator).expect(200);
    expect(failed.body.referral).toMatchObject({ referredTo: 'court', reason: 'mediation-failed' });

    const after = await list({}).expect(200);
    expect(after.body.items.map((c: { id: string }) => c.id)).toEqual([lapsedLong.id]);
    await action(lapsedLong.id, 'refer', { referredTo: 'moon', reason: 'lapsed' }, mediator).expect(400);
    await action(lapsedLong.id, 'refer', { referredTo: 'court', reason: 'lapsed' }, mediatorB).expect(404);
  });
});
