import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AidCampaignDistributionRecordedV1 } from '@gonghui/contracts';
import { chinaDate, createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testDistrict, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { aidService } from '../src/service';

/** The in-kind distribution list (实物发放清单) of a campaign over HTTP, against real Postgres and Kafka. */
describe('aid campaigns: the in-kind distribution list', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;

  const officerOf = (unit: { orgUnitId: string; path: string }) =>
    `Bearer ${tokenFor({ userId: randomUUID(), username: `aid-${unit.orgUnitId.slice(0, 8)}`, roles: ['aid-officer'], orgUnitId: unit.orgUnitId, scopePath: unit.path })}`;
  const server = () => app.getHttpServer();
  const post = (url: string, token: string, body: object = {}) => request(server()).post(url).set('authorization', token).send(body);
  const get = (url: string, token: string) => request(server()).get(url).set('authorization', token);

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    events = await EventSender.open('aid-campaign-distribution-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('an items-only city campaign confirmed makes the list; each district records its own handovers; a delivered line is final; the sign sheet; handovers go on after the close', async () => {
    const cityId = randomUUID();
    const city = { orgUnitId: cityId, path: `/${cityId.replace(/-/g, '')}/` };
    const yubei = testDistrict(city.path);
    const jiangbei = testDistrict(city.path);
    const elsewhere = testDistrict();
    const [a1, a2, b1] = await announceMembers(events, runtime.dataSource, [yubei, yubei, jiangbei]);
    const cityOfficer = officerOf(city);
    const yubeiOfficer = officerOf(yubei);
    const jiangbeiOfficer = officerOf(jiangbei);
    const stranger = officerOf(elsewhere);

    const budgetId = (
      await post('/api/v1/aid/budgets', cityOfficer, {
        name: '2027年送温暖物资',
        year: 2027,
        source: 'federation-appropriation',
        amountFen: 1_000_000,
      }).expect(201)
    ).body.id;
    const items = [
      { name: '米', quantity: 10, unit: '公斤' },
      { name: '油', quantity: 5, unit: '升' },
    ];
    const campaign = (
      await post('/api/v1/aid/campaigns', cityOfficer, {
        name: '2027年两节送温暖（实物）',
        kind: 'spring-warmth',
        budgetId,
        startsOn: '2027-01-10',
        endsOn: '2027-02-10',
        items,
      }).expect(201)
    ).body;
    expect(campaign).toMatchObject({ cashFen: null, items });
    const url = `/api/v1/aid/campaigns/${campaign.id}`;
    const roster = Buffer.from(`memberId\n${a1}\n${a2}\n${b1}\n`, 'utf8').toString('base64');
    const job = (
      await post(`${url}/nominations`, cityOfficer, { nominatedBy: '市总工会', fileName: 'list.csv', contentBase64: roster }).expect(202)
    ).body;
    await eventually(async () =>
      expect((await get(`${url}/nominations/${job.id}`, cityOfficer).expect(200)).body).toMatchObject({ status: 'completed', accepted: 3 }),
    );
    expect((await post(`${url}/cross-check`, cityOfficer).expect(200)).body.counts.payable).toBe(3);

    // in-kind only: the list, and nothing reserved or paid
    const confirmed = (await post(`${url}/confirm`, cityOfficer).expect(200)).body;
    expect(confirmed).toEqual({ round: 1, beneficiaries: 3, reservedFen: 0, paymentBatchId: null, distributionLines: 3 });
    expect((await get(`/api/v1/aid/budgets/${budgetId}`, cityOfficer).expect(200)).body).toMatchObject({
      reservedFen: 0,
      availableFen: 1_000_000,
    });
    const [{ n: applications }] = await runtime.dataSource.query('SELECT count(*)::int AS n FROM aid_applications WHERE campaign_id = $1', [
      campaign.id,
    ]);
    expect(applications).toBe(0);
    // a second confirmation changes nothing: the list must be checked again, and then finds them listed already
    expect((await post(`${url}/confirm`, cityOfficer).expect(409)).body.type).toMatch(/cross-check-stale$/);
    expect((await post(`${url}/cross-check`, cityOfficer).expect(200)).body.counts).toMatchObject({ payable: 0, 'already-paid': 3 });
    expect((await post(`${url}/confirm`, cityOfficer).expect(422)).body.type).toMatch(/nothing-to-confirm$/);

    const whole = (await get(`${url}/distribution`, cityOfficer).expect(200)).body;
    expect(whole.counts).toEqual({ total: 3, delivered: 0, undelivered: 0, pending: 3 });
    expect(whole.items).toHaveLength(3);
    expect(whole.items[0]).toMatchObject({ round: 1, items, status: 'pending', deliveredOn: null, recordedBy: null });
    const firstPage = (await get(`${url}/distribution?limit=2`, cityOfficer).expect(200)).body;
    const secondPage = (await get(`${url}/distribution?limit=2&cursor=${firstPage.nextCursor}`, cityOfficer).expect(200)).body;
    expect([...firstPage.items, ...secondPage.items].map((l: { memberId: string }) => l.memberId).sort()).toEqual([a1, a2, b1].sort());
    expect(secondPage.nextCursor).toBeNull();

    // each district's officer sees their own members' lines of the city campaign; another city's sees nothing
    const yubeiList = (await get(`${url}/distribution`, yubeiOfficer).expect(200)).body;
    expect(yubeiList.items.map((l: { memberId: string }) => l.memberId).sort()).toEqual([a1, a2].sort());
    expect(yubeiList.counts).toMatchObject({ total: 2, pending: 2 });
    const lineOf = (memberId: string) => whole.items.find((l: { memberId: string }) => l.memberId === memberId).id as string;
    await get(`${url}/distribution`, stranger).expect(404);
    await get(`${url}/distribution.csv`, stranger).expect(404);
    await post(`${url}/distribution/${lineOf(a1)}/handover`, stranger, {
      outcome: 'delivered',
      deliveredOn: chinaDate(new Date()),
      receivedBy: 'member',
    }).expect(404);
    // nor can a district record a line of another district
    await post(`${url}/distribution/${lineOf(a1)}/handover`, jiangbeiOfficer, {
      outcome: 'delivered',
      deliveredOn: chinaDate(new Date()),
      receivedBy: 'member',
    }).expect(404);

    const today = chinaDate(new Date());
    const reader = await TopicReader.open(AidCampaignDistributionRecordedV1.topic);
    try {
      // a date after today, and a proxy with no name, are named on their fields
      const tomorrow = chinaDate(new Date(Date.now() + 86_400_000));
      const bad = await post(`${url}/distribution/${lineOf(a1)}/handover`, yubeiOfficer, {
        outcome: 'delivered',
        deliveredOn: tomorrow,
        receivedBy: 'proxy',
        proxyRelation: 'spouse',
      }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['deliveredOn', 'proxyName']);
      const delivered = (
        await post(`${url}/distribution/${lineOf(a1)}/handover`, yubeiOfficer, {
          outcome: 'delivered',
          deliveredOn: today,
          receivedBy: 'proxy',
          proxyName: '王芳',
          proxyRelation: 'spouse',
          note: '本人住院',
        }).expect(200)
      ).body;
      expect(delivered).toMatchObject({
        memberId: a1,
        status: 'delivered',
        deliveredOn: today,
        receivedBy: 'proxy',
        proxyName: '王芳',
        proxyRelation: 'spouse',
        recordedBy: `aid-${yubei.orgUnitId.slice(0, 8)}`,
      });
      // a delivered line is final
      const again = await post(`${url}/distribution/${lineOf(a1)}/handover`, yubeiOfficer, {
        outcome: 'not-delivered',
        reason: 'moved',
      }).expect(409);
      expect(again.body.type).toMatch(/line-already-recorded$/);
      expect(again.body.detail).toContain('已签收');

      // not delivered: "other" needs a note
      const noNote = await post(`${url}/distribution/${lineOf(a2)}/handover`, yubeiOfficer, {
        outcome: 'not-delivered',
        reason: 'other',
      }).expect(400);
      expect(noNote.body.errors).toEqual([expect.objectContaining({ field: 'note' })]);
      expect(
        (
          await post(`${url}/distribution/${lineOf(a2)}/handover`, yubeiOfficer, {
            outcome: 'not-delivered',
            reason: 'other',
            note: '电话停机，三次上门未遇',
          }).expect(200)
        ).body,
      ).toMatchObject({ status: 'not-delivered', reason: 'other', deliveredOn: null });
      expect(
        (await get(`${url}/distribution?status=not-delivered`, yubeiOfficer).expect(200)).body.items.map(
          (l: { memberId: string }) => l.memberId,
        ),
      ).toEqual([a2]);
      expect((await get(`${url}/distribution`, cityOfficer).expect(200)).body.counts).toEqual({
        total: 3,
        delivered: 1,
        undelivered: 1,
        pending: 1,
      });

      // closing settles the money (none here) and does not wait for the goods: the last line is recorded after it
      expect((await post(`${url}/close`, cityOfficer).expect(200)).body).toMatchObject({ status: 'closed' });
      await post(`${url}/distribution/${lineOf(b1)}/handover`, jiangbeiOfficer, {
        outcome: 'delivered',
        deliveredOn: today,
        receivedBy: 'member',
      }).expect(200);
      expect((await get(`${url}/distribution`, cityOfficer).expect(200)).body.counts).toEqual({
        total: 3,
        delivered: 2,
        undelivered: 1,
        pending: 0,
      });

      // the paper sign sheet: BOM, a row per line of the caller's subtree, by unit then member
      const sheet = await get(`${url}/distribution.csv`, cityOfficer)
        .expect(200)
        .expect('content-type', /text\/csv/);
      const text = sheet.text;
      expect(text.startsWith('\uFEFF序号,会员,发放物品,状态,签收日期,领取人,签收人签名,备注\r\n')).toBe(true);
      const rows = text.slice(1).trim().split('\r\n').slice(1);
      expect(rows).toHaveLength(3);
      expect(rows).toContain(
        `${rows.findIndex((r) => r.includes(a1)) + 1},${a1},米10公斤、油5升,已签收,${today},代领：王芳（配偶）,,本人住院`,
      );
      expect(rows).toContain(`${rows.findIndex((r) => r.includes(a2)) + 1},${a2},米10公斤、油5升,未送达,,,,其他：电话停机，三次上门未遇`);
      expect(rows).toContain(`${rows.findIndex((r) => r.includes(b1)) + 1},${b1},米10公斤、油5升,已签收,${today},本人,,`);
      const yubeiSheet = (await get(`${url}/distribution.csv`, yubeiOfficer).expect(200)).text;
      expect(yubeiSheet).not.toContain(b1);

      // one event per delivery: the member and the items, never who received them for the member
      await eventually(() => {
        const ours = reader.received.filter(
          (r) => r.event?.type === AidCampaignDistributionRecordedV1.type && [a1, a2, b1].includes(r.key ?? ''),
        );
        expect(ours.map((r) => r.key).sort()).toEqual([a1, b1].sort());
        expect(ours.find((r) => r.key === a1)?.event?.data).toEqual({
          campaignId: campaign.id,
          kind: 'spring-warmth',
          orgUnitId: city.orgUnitId,
          memberId: a1,
          items,
          deliveredOn: today,
          recordedAt: expect.any(String),
        });
        for (const r of ours) expect(r.value).not.toContain('王芳');
      });
    } finally {
      await reader.close();
    }
  });
});
