import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HardshipFileClosedV1, HardshipFileGradedV1 } from '@gonghui/contracts';
import { Role } from '@gonghui/auth';
import { chinaDate, createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, TestDistrict, testDistrict, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { aidService } from '../src/service';
import { SAMPLE_VISIT } from './sample-visit';

/** The life of a hardship file over HTTP: households, grades, visits, the annual review, and the aid desk's queries. */
describe('aid hardship files: the life of a file', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  let reader: TopicReader;

  const userOf = (d: TestDistrict, roles: Role[], name: string) => ({ userId: randomUUID(), username: `${name}-${d.orgUnitId.slice(0, 8)}`, roles, orgUnitId: d.orgUnitId, scopePath: d.path });
  const bearer = (user: Parameters<typeof tokenFor>[0]) => `Bearer ${tokenFor(user)}`;
  const officerOf = (d: TestDistrict) => bearer(userOf(d, ['aid-officer'], 'officer'));
  const server = () => app.getHttpServer();
  const visit = SAMPLE_VISIT;
  const today = () => chinaDate(new Date());

  const open = (token: string, body: Record<string, unknown>) => request(server()).post('/api/v1/aid/hardship-files').set('authorization', token).send(body);
  const action = (token: string, id: string, name: string, body: object) => request(server()).post(`/api/v1/aid/hardship-files/${id}/${name}`).set('authorization', token).send(body);
  const list = (token: string, query: Record<string, string | number>) => request(server()).get('/api/v1/aid/hardship-files').query(query).set('authorization', token);

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    events = await EventSender.open('aid-files-life-test-producer');
    reader = await TopicReader.open(HardshipFileGradedV1.topic);
  });

  afterAll(async () => {
    await reader?.close();
    await events?.close();
    await app?.close();
  });

  it('keeps one open file per household: a spouse who is also a member gets 409, also when both arrive at once', async () => {
    const d = testDistrict();
    const [husband, wife, a, b] = await announceMembers(events, runtime.dataSource, [d, d, d, d]);
    await open(officerOf(d), { memberId: husband, cause: 'illness', visit, household: '渝北区龙溪街道松石北路88号3-2' }).expect(201);
    // the same household written with other spacing and widths
    const second = await open(officerOf(d), { memberId: wife, cause: 'illness', visit, household: ' 渝北区 龙溪街道 松石北路８８号 3-2' }).expect(409);
    expect(second.body.type).toMatch(/household-file-open$/);
    expect(second.body.detail).toBe('该家庭已有在档的困难职工档案');

    const together = await Promise.all([a, b].map((memberId) => open(officerOf(d), { memberId, cause: 'disaster', visit, household: '500112-户-0042' })));
    expect(together.map((r) => r.status).sort()).toEqual([201, 409]);
    // the household id or address is not stored in the clear
    const keys: { household_key: string }[] = await runtime.dataSource.query('SELECT household_key FROM hardship_files WHERE member_id = ANY($1)', [[husband, a, b]]);
    for (const { household_key } of keys) expect(household_key).not.toMatch(/渝北|0042/);
  });

  it('grades at opening and regrades, each announced with the categories only; the same grade again or a closed file is 409', async () => {
    const d = testDistrict();
    const [memberId] = await announceMembers(events, runtime.dataSource, [d]);
    const file = (await open(officerOf(d), { memberId, cause: 'accident', visit, grade: 'sudden-accident' }).expect(201)).body;
    expect(file.grade).toBe('sudden-accident');

    const regraded = await action(officerOf(d), file.id, 'grade', { grade: 'deep' }).expect(200);
    expect(regraded.body).toMatchObject({ id: file.id, grade: 'deep', status: 'open' });
    const same = await action(officerOf(d), file.id, 'grade', { grade: 'deep' }).expect(409);
    expect(same.body.type).toMatch(/grade-unchanged$/);
    await action(officerOf(d), file.id, 'grade', { grade: 'poor' }).expect(400);

    const graded = await eventually(() => {
      const found = reader.received.filter((r) => r.event?.type === HardshipFileGradedV1.type && r.event.data.fileId === file.id);
      expect(found).toHaveLength(2);
      return found.map((r) => r.event!.data);
    });
    expect(graded).toEqual([
      { fileId: file.id, memberId, orgUnitId: d.orgUnitId, grade: 'sudden-accident', previousGrade: null, gradedAt: expect.stringMatching(/Z$/) },
      { fileId: file.id, memberId, orgUnitId: d.orgUnitId, grade: 'deep', previousGrade: 'sudden-accident', gradedAt: expect.stringMatching(/Z$/) },
    ]);
    for (const r of reader.received.filter((x) => x.event?.data?.fileId === file.id)) {
      for (const detail of [visit.health, visit.incomeSources, visit.housing]) expect(r.value).not.toContain(detail);
    }
  });

  it('adds further visits, sealed, moving the last visit on; the notes only for a case worker with a reason, logged', async () => {
    const d = testDistrict();
    const [memberId] = await announceMembers(events, runtime.dataSource, [d]);
    const file = (await open(officerOf(d), { memberId, cause: 'illness', visit }).expect(201)).body;
    expect(file.lastVisitedOn).toBe(visit.visitedOn);

    const notes = '丈夫病情稳定，女儿已入学';
    const added = await action(officerOf(d), file.id, 'visits', { visitedOn: today(), notes }).expect(201);
    expect(added.body).toMatchObject({ fileId: file.id, visitedOn: today(), detailsWithheld: true, recordedAt: expect.stringMatching(/\+08:00$/) });
    expect(added.body.notes).toBeUndefined();
    const [row] = await runtime.dataSource.query('SELECT notes_cipher FROM hardship_file_visits WHERE id = $1', [added.body.id]);
    expect(row.notes_cipher).not.toContain('病情');

    const refreshed = await request(server()).get(`/api/v1/aid/hardship-files/${file.id}`).set('authorization', officerOf(d)).expect(200);
    expect(refreshed.body.lastVisitedOn).toBe(today());

    const asOfficer = await request(server()).get(`/api/v1/aid/hardship-files/${file.id}/visits`).set('authorization', officerOf(d)).expect(200);
    expect(asOfficer.body).toEqual({ items: [expect.objectContaining({ id: added.body.id, detailsWithheld: true })], nextCursor: null });
    expect(asOfficer.body.items[0].notes).toBeUndefined();

    const caseWorker = userOf(d, ['hardship-case-worker'], 'cw');
    await request(server()).get(`/api/v1/aid/hardship-files/${file.id}/visits`).set('authorization', bearer(caseWorker)).expect(400);
    const asCaseWorker = await request(server()).get(`/api/v1/aid/hardship-files/${file.id}/visits`).query({ reason: '年度复核前了解情况' }).set('authorization', bearer(caseWorker)).expect(200);
    expect(asCaseWorker.body.items[0]).toMatchObject({ notes, detailsWithheld: false });
    expect(await runtime.dataSource.query('SELECT actor, reason FROM hardship_detail_access_log WHERE file_id = $1', [file.id])).toEqual([{ actor: caseWorker.username, reason: '年度复核前了解情况' }]);

    // a visit in the future, before the opening visit, or without notes: 400 naming the field
    const future = await action(officerOf(d), file.id, 'visits', { visitedOn: '2099-01-01', notes }).expect(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'visitedOn' })]);
    const early = await action(officerOf(d), file.id, 'visits', { visitedOn: '2020-01-01', notes: ' ' }).expect(400);
    expect(early.body.errors.map((e: { field: string }) => e.field)).toEqual(['visitedOn', 'notes']);
  });

  it('reviews a file once a year: keeps it, or closes it as out of hardship with a reason (the event without it)', async () => {
    const d = testDistrict();
    const [kept, closing] = await announceMembers(events, runtime.dataSource, [d, d]);
    const keptFile = (await open(officerOf(d), { memberId: kept, cause: 'illness', visit }).expect(201)).body;
    const kept1 = await action(officerOf(d), keptFile.id, 'review', { reviewedOn: today(), decision: 'keep' }).expect(200);
    expect(kept1.body).toMatchObject({ status: 'open', lastReviewedOn: today(), closedAt: null });
    const twice = await action(officerOf(d), keptFile.id, 'review', { reviewedOn: today(), decision: 'keep' }).expect(409);
    expect(twice.body.type).toMatch(/already-reviewed$/);

    const closedReader = await TopicReader.open(HardshipFileClosedV1.topic);
    try {
      const file = (await open(officerOf(d), { memberId: closing, cause: 'unemployment', visit }).expect(201)).body;
      const noReason = await action(officerOf(d), file.id, 'review', { reviewedOn: today(), decision: 'close' }).expect(400);
      expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);

      const reason = '本人已稳定就业，家庭人均收入超过当地低保标准';
      const closed = await action(officerOf(d), file.id, 'review', { reviewedOn: today(), decision: 'close', reason }).expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', closure: 'out-of-hardship', closureReason: reason, closedAt: expect.stringMatching(/\+08:00$/) });

      const event = await eventually(() => {
        const found = closedReader.received.filter((r) => r.event?.type === HardshipFileClosedV1.type && r.event.data.fileId === file.id);
        expect(found).toHaveLength(1);
        return found[0];
      });
      expect(event.event!.data).toEqual({ fileId: file.id, memberId: closing, orgUnitId: d.orgUnitId, closure: 'out-of-hardship', closedAt: expect.stringMatching(/Z$/) });
      expect(event.value).not.toContain('低保');

      // a closed file takes no action: 409 naming its status, in the answer's language
      const zh = await action(officerOf(d), file.id, 'grade', { grade: 'deep' }).expect(409);
      expect(zh.body.detail).toContain('已销档');
      const en = await action(officerOf(d), file.id, 'visits', { visitedOn: today(), notes: '回访' }).set('accept-language', 'en').expect(409);
      expect(en.body.detail).toBe('The file is closed: this action needs an open file');
      // the file keeps its reviews, with the reason
      const reviews = await request(server()).get(`/api/v1/aid/hardship-files/${file.id}/reviews`).set('authorization', officerOf(d)).expect(200);
      expect(reviews.body).toEqual({
        items: [{ id: expect.any(String), fileId: file.id, reviewYear: Number(today().slice(0, 4)), reviewedOn: today(), decision: 'close', reason, reviewedBy: expect.any(String), recordedAt: expect.stringMatching(/\+08:00$/) }],
        nextCursor: null,
      });
      await request(server()).get(`/api/v1/aid/hardship-files/${file.id}/reviews`).set('authorization', officerOf(testDistrict())).expect(404);
      // and the member may have a new file once the old one is closed
      await open(officerOf(d), { memberId: closing, cause: 'illness', visit }).expect(201);
    } finally {
      await closedReader.close();
    }
  });

  it('finds files by grade, cause and unit subtree, not visited for a year, and never helped; scoped and paged', async () => {
    const d = testDistrict();
    const streetId = randomUUID();
    const street = { orgUnitId: streetId, path: `${d.path}${streetId.replace(/-/g, '')}/` };
    const [m1, m2, m3, m4] = await announceMembers(events, runtime.dataSource, [d, street, street, d]);
    const officer = officerOf(d);
    const longAgo = { ...visit, visitedOn: '2024-06-01' };
    const f1 = (await open(officer, { memberId: m1, cause: 'illness', grade: 'deep', visit: longAgo }).expect(201)).body;
    const f2 = (await open(officer, { memberId: m2, cause: 'accident', grade: 'sudden-accident', visit }).expect(201)).body;
    const f3 = (await open(officer, { memberId: m3, cause: 'illness', grade: 'deep', visit: longAgo }).expect(201)).body;
    const f4 = (await open(officer, { memberId: m4, cause: 'illness', grade: 'relative', visit }).expect(201)).body;
    // a visit brings f3 back into the visited ones
    await action(officer, f3.id, 'visits', { visitedOn: today(), notes: '走访' }).expect(201);
    // aid-money's disbursement marks a file helped with a plain UPDATE
    await runtime.dataSource.query('UPDATE hardship_files SET last_helped_at = now() WHERE id = $1', [f4.id]);

    const ids = async (query: Record<string, string | number>) => (await list(officer, query).expect(200)).body.items.map((f: { id: string }) => f.id);
    expect(await ids({ grade: 'deep' })).toEqual([f1.id, f3.id]);
    expect(await ids({ cause: 'illness', grade: 'relative' })).toEqual([f4.id]);
    expect(await ids({ orgUnitId: streetId })).toEqual([f2.id, f3.id]);
    expect(await ids({ unvisitedDays: 365 })).toEqual([f1.id]);
    expect(await ids({ neverHelped: 'true' })).toEqual([f1.id, f2.id, f3.id]);
    expect(await ids({ neverHelped: 'false' })).toEqual([f4.id]);
    expect(await ids({ status: 'open', limit: 2 })).toEqual([f1.id, f2.id]);
    const helped = (await list(officer, { neverHelped: 'false' }).expect(200)).body.items[0];
    expect(helped.lastHelpedAt).toMatch(/\+08:00$/);

    // the street's officer sees only the street's files, whatever they ask
    expect((await list(officerOf(street), { grade: 'deep' }).expect(200)).body.items.map((f: { id: string }) => f.id)).toEqual([f3.id]);
    // bad filters are 400 problems naming the field
    for (const [field, value] of [['grade', 'poor'], ['unvisitedDays', 0], ['neverHelped', 'yes'], ['orgUnitId', 'x'], ['cause', 'luck']] as const) {
      const res = await list(officer, { [field]: value }).expect(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
  });
});
