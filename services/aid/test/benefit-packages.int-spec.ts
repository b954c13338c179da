import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BenefitRedeemedV1 } from '@gonghui/contracts';
import { chinaDate, createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testDistrict, TestDistrict, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { aidService } from '../src/service';
import { SAMPLE_VISIT } from './sample-visit';

/** Recurring in-kind packages (常态化帮扶): granted to a file, redeemed by code at service points within each period's quota. */
describe('aid benefit packages', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  let reader: TopicReader;

  const officerOf = (unit: TestDistrict, username = `aid-${unit.orgUnitId.slice(0, 8)}`) =>
    `Bearer ${tokenFor({ userId: randomUUID(), username, roles: ['aid-officer'], orgUnitId: unit.orgUnitId, scopePath: unit.path })}`;
  const server = () => app.getHttpServer();
  const post = (url: string, token: string, body: object = {}) => request(server()).post(url).set('authorization', token).send(body);
  const get = (url: string, token: string) => request(server()).get(url).set('authorization', token);
  const today = () => chinaDate(new Date());
  const inAYear = () => `${Number(today().slice(0, 4)) + 1}${today().slice(4, 10).replace('-02-29', '-02-28')}`;
  const SHOP = '龙溪街道爱心超市';
  const HOME = '龙溪街道职工之家';
  const singleFather = [
    { itemKind: 'nursery-place', quantityPerPeriod: 1, period: 'package', servicePoint: '龙溪街道托育园' },
    { itemKind: 'charity-shop-item', quantityPerPeriod: 3, period: 'month', servicePoint: SHOP },
    { itemKind: 'laundry', quantityPerPeriod: 1, period: 'month', servicePoint: HOME },
    { itemKind: 'haircut', quantityPerPeriod: 1, period: 'month', servicePoint: HOME },
    { itemKind: 'counselling', quantityPerPeriod: 2, period: 'month', servicePoint: HOME },
  ];

  const openFile = async (d: TestDistrict) => {
    const [memberId] = await announceMembers(events, runtime.dataSource, [d]);
    const file = (await post('/api/v1/aid/hardship-files', officerOf(d), { memberId, cause: 'other', visit: SAMPLE_VISIT }).expect(201)).body;
    return { memberId, fileId: file.id as string };
  };
  const grant = (d: TestDistrict, fileId: string, body: object = {}) =>
    post('/api/v1/aid/benefit-packages', officerOf(d), { hardshipFileId: fileId, name: '单亲父亲常态化帮扶包', startsOn: today(), endsOn: inAYear(), entitlements: singleFather, ...body });
  const codeFor = async (d: TestDistrict, packageId: string) => (await post(`/api/v1/aid/benefit-packages/${packageId}/codes`, officerOf(d), {}).expect(201)).body.code as string;
  const redeem = (token: string, code: string, itemKind: string, servicePoint: string, quantity?: number) => post('/api/v1/aid/benefit-redemptions', token, { code, itemKind, servicePoint, quantity });

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    events = await EventSender.open('aid-benefit-packages-test-producer');
    reader = await TopicReader.open(BenefitRedeemedV1.topic);
  });

  afterAll(async () => {
    await reader?.close();
    await events?.close();
    await app?.close();
  });

  it('grants a package, redeems by one-time code within each period’s quota, even when counters redeem at the same moment', async () => {
    const d = testDistrict();
    const { memberId, fileId } = await openFile(d);
    const pkg = (await grant(d, fileId).expect(201)).body;
    expect(pkg).toMatchObject({ hardshipFileId: fileId, memberId, status: 'active', startsOn: today() });
    expect(pkg.entitlements.map((e: { itemKind: string; remaining: number }) => [e.itemKind, e.remaining])).toEqual([
      ['nursery-place', 1],
      ['charity-shop-item', 3],
      ['laundry', 1],
      ['haircut', 1],
      ['counselling', 2],
    ]);
    const shop = pkg.entitlements[1];
    expect(shop.periodStart).toBe(`${today().slice(0, 7)}-01`);

    // five codes at two tills of the shop at once, on a quota of three: exactly three go through
    const codes = await Promise.all([1, 2, 3, 4, 5].map(() => codeFor(d, pkg.id)));
    expect(codes[0]).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const tills = [officerOf(d, 'shop.till1'), officerOf(d, 'shop.till2')];
    const raced = await Promise.all(codes.map((code, i) => redeem(tills[i % 2], code, 'charity-shop-item', SHOP)));
    expect(raced.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409]);
    const refused = raced.find((r) => r.status === 409)!;
    expect(refused.body.type).toMatch(/quota-used-up$/);
    expect(refused.body.detail).toContain('剩余 0');
    const [{ used }] = await runtime.dataSource.query('SELECT sum(used)::int AS used FROM benefit_quota_usage WHERE entitlement_id = $1', [shop.id]);
    expect(used).toBe(3);
    const listed = (await get(`/api/v1/aid/benefit-packages/${pkg.id}/redemptions`, officerOf(d)).expect(200)).body.items;
    expect(listed.filter((r: { itemKind: string }) => r.itemKind === 'charity-shop-item')).toHaveLength(3);

    // a used code is spent; a refused one was not (the whole redemption rolled back), so it still works for another item
    const usedCode = codes[raced.findIndex((r) => r.status === 201)];
    expect((await redeem(tills[0], usedCode, 'laundry', HOME).expect(422)).body.type).toMatch(/redemption-code-used$/);
    const unspent = codes[raced.findIndex((r) => r.status === 409)];
    const laundry = (await redeem(tills[0], ` ${unspent.toLowerCase().replace(/-/g, ' ')} `, 'laundry', HOME).expect(201)).body;
    expect(laundry).toMatchObject({ itemKind: 'laundry', quantity: 1, remaining: 0, recordedBy: 'shop.till1' });

    // counselling twice at once on a quota of two
    const two = (await redeem(tills[1], await codeFor(d, pkg.id), 'counselling', HOME, 2).expect(201)).body;
    expect(two.remaining).toBe(0);
    const view = (await get(`/api/v1/aid/benefit-packages/${pkg.id}`, officerOf(d)).expect(200)).body;
    expect(view.entitlements.map((e: { used: number }) => e.used)).toEqual([0, 3, 1, 0, 2]);

    // the event: ids, kind, quantity and service point; never the code
    const sent = await eventually(() => {
      const found = reader.received.filter((r) => r.event?.type === BenefitRedeemedV1.type && r.event.data.packageId === pkg.id);
      expect(found).toHaveLength(5);
      return found;
    });
    expect(sent[0].key).toBe(pkg.id);
    for (const s of sent) for (const code of codes) expect(s.value).not.toContain(code.replace(/-/g, ''));
    expect(Object.keys(sent[0].event!.data).sort()).toEqual(['itemKind', 'memberId', 'packageId', 'periodStart', 'quantity', 'redeemedAt', 'redemptionId', 'servicePoint']);
  });

  it('answers a clear 4xx for an unknown, expired or foreign code, a wrong service point or item, and a bad package; nothing is half-applied', async () => {
    const d = testDistrict();
    const { fileId } = await openFile(d);
    const token = officerOf(d);
    expect((await grant(d, fileId, { startsOn: '2026-02-30' }).expect(400)).body.errors[0].field).toBe('startsOn');
    const twice = await grant(d, fileId, { entitlements: [...singleFather, { ...singleFather[2], servicePoint: ` ${HOME} `, period: 'week' }] }).expect(400);
    expect(twice.body.errors.map((e: { field: string }) => e.field)).toEqual(['entitlements[5]']);
    expect((await grant(d, fileId, { startsOn: inAYear(), endsOn: today() }).expect(400)).body.errors[0].field).toBe('endsOn');
    await grant(d, fileId, { entitlements: [{ ...singleFather[0], period: 'fortnight' }] }).expect(400);
    await grant(d, randomUUID()).expect(404);
    await grant(testDistrict(), fileId).expect(404);
    const [{ n }] = await runtime.dataSource.query('SELECT count(*)::int AS n FROM benefit_packages WHERE hardship_file_id = $1', [fileId]);
    expect(n).toBe(0);

    const pkg = (await grant(d, fileId).expect(201)).body;
    const unknown = await redeem(token, 'AAAA-BBBB-CCCC', 'laundry', HOME).expect(422);
    expect(unknown.body).toMatchObject({ type: expect.stringMatching(/redemption-code-unknown$/), title: '核销码无效' });
    await redeem(token, '不是码', 'laundry', HOME).expect(400);

    const code = await codeFor(d, pkg.id);
    expect((await redeem(officerOf(testDistrict()), code, 'laundry', HOME).expect(422)).body.type).toMatch(/redemption-code-unknown$/); // another district's counter
    expect((await redeem(token, code, 'laundry', SHOP).expect(422)).body.detail).toContain(HOME);
    expect((await redeem(token, code, 'meal', HOME).expect(422)).body.type).toMatch(/not-entitled$/);
    expect((await redeem(token, code, 'laundry', HOME, 2).expect(409)).body.type).toMatch(/quota-used-up$/);
    const en = await request(server()).post('/api/v1/aid/benefit-redemptions').set('authorization', token).set('accept-language', 'en').send({ code, itemKind: 'meal', servicePoint: HOME }).expect(422);
    expect(en.body.detail).toBe('The package has no meal');

    const expiring = await codeFor(d, pkg.id);
    await runtime.dataSource.query(`UPDATE benefit_codes SET expires_at = now() - interval '1 second' WHERE package_id = $1 AND used_at IS NULL`, [pkg.id]);
    expect((await redeem(token, expiring, 'laundry', HOME).expect(422)).body.type).toMatch(/redemption-code-expired$/);
    const [{ redeemed }] = await runtime.dataSource.query('SELECT count(*)::int AS redeemed FROM benefit_redemptions WHERE package_id = $1', [pkg.id]);
    expect(redeemed).toBe(0);
  });

  it('ends a package when its hardship file closes: no code, no redemption, and the view says why', async () => {
    const d = testDistrict();
    const { fileId } = await openFile(d);
    const token = officerOf(d);
    const pkg = (await grant(d, fileId).expect(201)).body;
    const code = await codeFor(d, pkg.id);
    await post(`/api/v1/aid/hardship-files/${fileId}/review`, token, { reviewedOn: today(), decision: 'close', reason: '已稳定就业，家庭收入高于当地困难标准' }).expect(200);

    const refused = await redeem(token, code, 'haircut', HOME).expect(422);
    expect(refused.body.type).toMatch(/package-not-in-force$/);
    expect(refused.body.detail).toContain('已销档');
    await post(`/api/v1/aid/benefit-packages/${pkg.id}/codes`, token, {}).expect(422);
    await grant(d, fileId).expect(409);
    // the file's closed event records when the package ended
    const ended = await eventually(async () => {
      const view = (await get(`/api/v1/aid/benefit-packages/${pkg.id}`, token).expect(200)).body;
      expect(view.endedAt).not.toBeNull();
      return view;
    });
    expect(ended.status).toBe('file-closed');
    expect((await get(`/api/v1/aid/benefit-packages?hardshipFileId=${fileId}`, token).expect(200)).body.items.map((p: { id: string }) => p.id)).toEqual([pkg.id]);
  });
});
