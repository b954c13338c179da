import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DisputeCaseSettledV1, MemberEnrolledV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { EventSender, eventually, testDistrict, testServiceConfig, tokenFor } from '@gonghui/testing';
import { aidService } from '../src/service';

/** The referrals list over HTTP: scoped by the member's unit as aid knows it, paged by cursor. */
describe('aid referrals over HTTP', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const district = () => testDistrict();
  const officerOf = (d: { orgUnitId: string; path: string }) => `Bearer ${tokenFor({ roles: ['aid-officer'], orgUnitId: d.orgUnitId, scopePath: d.path })}`;
  const admin = `Bearer ${tokenFor()}`;

  const settled = (memberId: string, totalAmountFen = 500_000) => ({
    caseId: randomUUID(),
    memberId,
    agreementId: randomUUID(),
    obligations: [{ description: '支付拖欠工资', amountFen: totalAmountFen, dueDate: null }],
    totalAmountFen,
    settledAt: new Date().toISOString(),
  });
  const list = (token: string, query: Record<string, string | number> = {}) =>
    request(app.getHttpServer()).get('/api/v1/aid/referrals').query(query).set('authorization', token);

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    events = await EventSender.open('aid-referrals-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('shows a district its members’ referrals only, pages them, and keeps unknown members’ referrals federation-wide', async () => {
    const [mine, theirs] = [district(), district()];
    const [m1, m2, other, unknown] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const [memberId, d] of [[m1, mine], [m2, mine], [other, theirs]] as const) {
      await events.send(MemberEnrolledV1, { ...MemberEnrolledV1.example, memberId, orgUnitId: d.orgUnitId, orgUnitPath: d.path, enrolledAt: new Date().toISOString() });
    }
    await eventually(async () => expect(await runtime.dataSource.query('SELECT 1 FROM member_directory WHERE member_id = ANY($1)', [[m1, m2, other]])).toHaveLength(3));
    const cases = [settled(m1, 100), settled(m2, 200), settled(m1, 300), settled(other), settled(unknown)];
    for (const c of cases) await events.send(DisputeCaseSettledV1, c);
    await eventually(async () =>
      expect(await runtime.dataSource.query('SELECT 1 FROM referrals WHERE source_case_id = ANY($1)', [cases.map((c) => c.caseId)])).toHaveLength(5),
    );

    const first = await list(officerOf(mine), { limit: 2 }).expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(officerOf(mine), { limit: 2, cursor: first.body.nextCursor }).expect(200);
    expect(second.body.nextCursor).toBeNull();
    const seen = [...first.body.items, ...second.body.items];
    // each once, oldest first (the cases travel on different partitions: their order of arrival is the broker's)
    expect(seen.map((r: { sourceCaseId: string }) => r.sourceCaseId).sort()).toEqual(cases.slice(0, 3).map((c) => c.caseId).sort());
    const times = seen.map((r: { recordedAt: string }) => r.recordedAt);
    expect([...times].sort()).toEqual(times);
    expect(seen.find((r: { sourceCaseId: string }) => r.sourceCaseId === cases[0].caseId)).toMatchObject({ memberId: m1, source: 'mediation', agreedAmountFen: 100 });

    const byMember = await list(officerOf(mine), { memberId: m2 }).expect(200);
    expect(byMember.body.items.map((r: { memberId: string }) => r.memberId)).toEqual([m2]);

    const theirsList = await list(officerOf(theirs)).expect(200);
    expect(theirsList.body.items.map((r: { memberId: string }) => r.memberId)).toEqual([other]);

    const unknownForDistrict = await list(officerOf(mine), { memberId: unknown }).expect(200);
    expect(unknownForDistrict.body.items).toEqual([]);
    const unknownForFederation = await list(admin, { memberId: unknown }).expect(200);
    expect(unknownForFederation.body.items).toHaveLength(1);

    const bad = await list(officerOf(mine), { cursor: Buffer.from(JSON.stringify({ t: 'soon', id: 42 })).toString('base64url') }).expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });
});
