import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chinaDate, createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { ChildcareChildEnrolledV1 } from '@gonghui/contracts';
import { announceMembers, EventSender, eventually, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { trainingService } from '../src/service';

/** Holiday childcare classes (托管班) in-process, against the real Postgres. */
describe('training: holiday childcare classes', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const hex = () => randomUUID().replace(/-/g, '');
  const districtA = `/${hex()}/${hex()}/`;
  const districtB = `/${hex()}/${hex()}/`;
  const officerA = tokenFor({ username: 'officer-a', roles: ['training-officer'], orgUnitId: randomUUID(), scopePath: districtA });
  const officerB = tokenFor({ username: 'officer-b', roles: ['training-officer'], orgUnitId: randomUUID(), scopePath: districtB });
  const server = () => app.getHttpServer();
  const post = (path: string, body: unknown, token = officerA) => request(server()).post(path).set('authorization', `Bearer ${token}`).send(body as object);
  const get = (path: string, token = officerA) => request(server()).get(path).set('authorization', `Bearer ${token}`);
  const enrol = (count: number, district = districtA) => announceMembers(events, runtime.dataSource, Array.from({ length: count }, () => ({ path: `${district}${hex()}/` })));

  const today = () => chinaDate(new Date());
  const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  /** A birth date that makes the child `age` on `on`. */
  const bornAged = (age: number, on: string) => `${Number(on.slice(0, 4)) - age}${on.slice(4, 10) === '-02-29' ? '-02-28' : on.slice(4, 10)}`;

  const openClass = async (over: Record<string, unknown> = {}) =>
    (await post('/api/v1/training/childcare-classes', { name: '寒假职工子女托管班', venue: '市职工文化宫 2 楼', ageMin: 8, ageMax: 10, capacity: 30, startsOn: today(), endsOn: addDays(today(), 13), ...over }).expect(201)).body;
  const father = { name: '王建国', mobile: '13812345678', relation: '父亲' };
  const enrolChild = (classId: string, guardianMemberId: string, over: Record<string, unknown> = {}) =>
    post(`/api/v1/training/childcare-classes/${classId}/children`, { guardianMemberId, childName: '王小明', birthDate: bornAged(9, today()), insurancePolicyNo: 'PICC-LN-2027-000123', pickupPeople: [father], ...over });

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...trainingService(testServiceConfig('training')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('training-childcare-test');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('runs a day: enrol, sign in, uncollected list, sign out only to an authorised person, notes and attendance standing', async () => {
    const [guardian, otherGuardian] = await enrol(2);
    const klass = await openClass();
    expect(klass).toMatchObject({ opensAt: '08:00', closesAt: '17:30', enrolled: 0 });
    const reader = await TopicReader.open(ChildcareChildEnrolledV1.topic);
    const child = (await enrolChild(klass.id, guardian).expect(201)).body;
    try {
      // The enrolment is announced with ids only: no name, policy or pick-up people.
      const [enrolled] = await eventually(() => {
        const seen = reader.events(ChildcareChildEnrolledV1.type).filter((e) => e.data.childId === child.id);
        expect(seen).toHaveLength(1);
        return seen;
      });
      expect(enrolled.data).toEqual({ childId: child.id, classId: klass.id, guardianMemberId: guardian, orgUnitPath: expect.stringMatching(new RegExp(`^${districtA}`)), enrolledAt: expect.any(String) });
    } finally {
      await reader.close();
    }
    expect(child).toMatchObject({ childName: '王*明', ageAtStart: 9, pickupPeople: [{ name: '王*国', mobile: '138****5678', relation: '父亲' }] });
    const absent = (await enrolChild(klass.id, otherGuardian, { childName: '李明' }).expect(201)).body;
    // The name and the pick-up people are sealed at rest.
    const [row] = (await runtime.dataSource.query('SELECT child_name_sealed, pickup_sealed FROM childcare_children WHERE id = $1', [child.id])) as { child_name_sealed: string; pickup_sealed: string }[];
    expect(row.child_name_sealed).not.toContain('王小明');
    expect(row.pickup_sealed).not.toContain('13812345678');

    const signedIn = await post(`/api/v1/training/childcare-classes/${klass.id}/sign-ins`, { childId: child.id }).expect(201);
    expect(signedIn.body.signedInAt).toMatch(/\+08:00$/);
    expect((await post(`/api/v1/training/childcare-classes/${klass.id}/sign-ins`, { childId: child.id }).expect(409)).body.type).toMatch(/already-signed-in$/);

    const waiting = await get(`/api/v1/training/childcare-classes/${klass.id}/uncollected`).expect(200);
    expect(waiting.body.items.map((c: { id: string }) => c.id)).toEqual([child.id]);
    expect(waiting.body.closesAt).toBe(`${today()}T17:30:00.000+08:00`);
    expect(waiting.body.pastClosing).toBe(Date.now() > Date.parse(`${today()}T17:30:00+08:00`));

    const stranger = await post(`/api/v1/training/childcare-classes/${klass.id}/sign-outs`, { childId: child.id, collectedBy: { name: '张三', mobile: '13900001111' } }).expect(422);
    expect(stranger.body.type).toMatch(/not-authorised-pickup$/);
    expect((await post(`/api/v1/training/childcare-classes/${klass.id}/sign-outs`, { childId: absent.id, collectedBy: { name: '王建国', mobile: '13812345678' } }).expect(409)).body.type).toMatch(/not-signed-in$/);
    const out = await post(`/api/v1/training/childcare-classes/${klass.id}/sign-outs`, { childId: child.id, collectedBy: { name: '王建国', mobile: '+86 138-1234-5678' } }).expect(201);
    expect(out.body).toMatchObject({ collectedBy: '父亲' });
    expect((await get(`/api/v1/training/childcare-classes/${klass.id}/uncollected`).expect(200)).body.items).toEqual([]);

    await post(`/api/v1/training/childcare-classes/${klass.id}/notes`, { kind: 'patrol', day: today(), text: '10:30 巡查：秩序良好。' }).expect(201);
    await post(`/api/v1/training/childcare-classes/${klass.id}/notes`, { kind: 'parent-feedback', day: today(), childId: child.id, text: '孩子很喜欢书法课。' }).expect(201);
    const notes = await get(`/api/v1/training/childcare-classes/${klass.id}/notes`).expect(200);
    expect(notes.body.items.map((n: { kind: string }) => n.kind)).toEqual(['patrol', 'parent-feedback']);

    const report = await get(`/api/v1/training/childcare-classes/${klass.id}/attendance-report`).expect(200);
    expect(report.body.classDays).toBe(1);
    expect(report.body.items).toEqual([
      { childId: child.id, childName: '王*明', guardianMemberId: guardian, daysAttended: 1, rate: 1, losesPriority: false },
      { childId: absent.id, childName: '李*', guardianMemberId: otherGuardian, daysAttended: 0, rate: 0, losesPriority: true },
    ]);
  });

  it('answers a day’s sign-in/out list: every enrolled child, paged, with times, the collector and who is not collected after closing', async () => {
    const guardians = await enrol(3);
    const klass = await openClass({ startsOn: addDays(today(), -1) });
    const kids = [];
    for (const [i, g] of guardians.entries()) kids.push((await enrolChild(klass.id, g, { childName: ['王小明', '李明', '赵小燕'][i] }).expect(201)).body.id as string);
    await post(`/api/v1/training/childcare-classes/${klass.id}/sign-ins`, { childId: kids[0] }).expect(201);
    await post(`/api/v1/training/childcare-classes/${klass.id}/sign-ins`, { childId: kids[1] }).expect(201);
    await post(`/api/v1/training/childcare-classes/${klass.id}/sign-outs`, { childId: kids[0], collectedBy: { name: '王建国', mobile: '13812345678' } }).expect(201);
    // Yesterday (a past day's record): the third child was signed in and never signed out.
    const yesterday = addDays(today(), -1);
    await runtime.dataSource.query(`INSERT INTO childcare_attendance (id, class_id, child_id, day, signed_in_at) VALUES ($1, $2, $3, $4, $5)`, [randomUUID(), klass.id, kids[2], yesterday, new Date(`${yesterday}T08:05:00+08:00`)]);

    // Today by default, two to a page, in enrolment order.
    const first = await get(`/api/v1/training/childcare-classes/${klass.id}/attendance?limit=2`).expect(200);
    const stillOpen = Date.now() <= Date.parse(`${today()}T17:30:00+08:00`);
    expect(first.body).toMatchObject({ day: today(), closesAt: `${today()}T17:30:00.000+08:00`, pastClosing: !stillOpen });
    expect(first.body.items).toEqual([
      expect.objectContaining({ id: kids[0], childName: '王*明', signedInAt: expect.stringMatching(/\+08:00$/), signedOutAt: expect.stringMatching(/\+08:00$/), collectedBy: '父亲', state: 'collected' }),
      expect.objectContaining({ id: kids[1], childName: '李*', signedOutAt: null, collectedBy: null, state: stillOpen ? 'in-class' : 'not-collected' }),
    ]);
    expect(first.body.items[0].pickupPeople).toEqual([{ name: '王*国', mobile: '138****5678', relation: '父亲' }]);
    const second = await get(`/api/v1/training/childcare-classes/${klass.id}/attendance?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items).toEqual([expect.objectContaining({ id: kids[2], signedInAt: null, state: 'not-signed-in' })]);
    expect(second.body.nextCursor).toBeNull();

    // A chosen day: yesterday's list, closing time long passed.
    const before = await get(`/api/v1/training/childcare-classes/${klass.id}/attendance?day=${yesterday}`).expect(200);
    expect(before.body).toMatchObject({ day: yesterday, pastClosing: true });
    expect(before.body.items.map((k: { id: string; state: string; signedInAt: string | null }) => [k.id, k.state, k.signedInAt])).toEqual([
      [kids[0], 'not-signed-in', null],
      [kids[1], 'not-signed-in', null],
      [kids[2], 'not-collected', `${yesterday}T08:05:00.000+08:00`],
    ]);

    expect((await get(`/api/v1/training/childcare-classes/${klass.id}/attendance?day=2027-02-30`).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'day' })]);
    await get(`/api/v1/training/childcare-classes/${klass.id}/attendance`, officerB).expect(404);
  });

  it('shows the full name and pick-up people only to a personal-data viewer who states why, and logs it', async () => {
    const [guardian] = await enrol(1);
    const klass = await openClass();
    const child = (await enrolChild(klass.id, guardian).expect(201)).body;
    const path = `/api/v1/training/childcare-classes/${klass.id}/children/${child.id}/reveal`;
    await post(path, { reason: '孩子未被接走，联系接送人' }).expect(403);
    const viewer = tokenFor({ username: 'viewer-a', roles: ['training-officer', 'personal-data-viewer'], orgUnitId: randomUUID(), scopePath: districtA });
    expect((await post(path, { reason: '查' }, viewer).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const shown = await post(path, { reason: '孩子未被接走，联系接送人' }, viewer).expect(200);
    expect(shown.body).toEqual({ childId: child.id, childName: '王小明', pickupPeople: [father] });
    const log = (await runtime.dataSource.query('SELECT actor, reason FROM childcare_personal_data_access WHERE child_id = $1', [child.id])) as unknown[];
    expect(log).toEqual([{ actor: 'viewer-a', reason: '孩子未被接走，联系接送人' }]);
    const viewerB = tokenFor({ username: 'viewer-b', roles: ['personal-data-viewer'], orgUnitId: randomUUID(), scopePath: districtB });
    await post(path, { reason: '孩子未被接走，联系接送人' }, viewerB).expect(404);
  });

  it('refuses a child without insurance, outside the age range, or beyond capacity; nothing is half-done', async () => {
    const [a, b, c] = await enrol(3);
    const klass = await openClass({ capacity: 1 });
    const uninsured = await enrolChild(klass.id, a, { insurancePolicyNo: undefined }).expect(422);
    expect(uninsured.body.type).toMatch(/no-accident-insurance$/);
    expect(uninsured.body.errors).toEqual([expect.objectContaining({ field: 'insurancePolicyNo' })]);
    const young = await enrolChild(klass.id, a, { birthDate: bornAged(7, today()) }).expect(422);
    expect(young.body.type).toMatch(/outside-age-range$/);
    expect(young.body.detail).toContain('7 岁');
    const old = await enrolChild(klass.id, a, { birthDate: bornAged(11, today()) }).set('accept-language', 'en').expect(422);
    expect(old.body.detail).toBe('The child is 11 on the first day; the class takes 8–10');
    expect((await enrolChild(klass.id, a, { pickupPeople: [] }).expect(422)).body.type).toMatch(/no-pickup-person$/);
    const badMobile = await enrolChild(klass.id, a, { pickupPeople: [{ ...father, mobile: '12345' }] }).expect(400);
    expect(badMobile.body.errors).toEqual([expect.objectContaining({ field: expect.stringContaining('pickupPeople') })]);

    const racing = await Promise.all([enrolChild(klass.id, b), enrolChild(klass.id, c)]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    const after = await get(`/api/v1/training/childcare-classes/${klass.id}`).expect(200);
    expect(after.body.enrolled).toBe(1);
    const rows = (await runtime.dataSource.query('SELECT count(*)::int AS n FROM childcare_children WHERE class_id = $1', [klass.id])) as { n: number }[];
    expect(rows[0].n).toBe(1);
  });

  it('refuses sign-in on a day that is not a class day, classes that run backwards, and another district (404)', async () => {
    const [guardian] = await enrol(1);
    const later = await openClass({ startsOn: addDays(today(), 7), endsOn: addDays(today(), 20) });
    const child = (await enrolChild(later.id, guardian, { birthDate: bornAged(9, addDays(today(), 7)) }).expect(201)).body;
    expect((await post(`/api/v1/training/childcare-classes/${later.id}/sign-ins`, { childId: child.id }).expect(422)).body.type).toMatch(/not-a-class-day$/);

    const backwards = await post('/api/v1/training/childcare-classes', { name: '班', venue: '馆', ageMin: 10, ageMax: 8, capacity: 5, startsOn: today(), endsOn: today(), opensAt: '17:30', closesAt: '08:00' }).expect(400);
    expect(backwards.body.errors).toHaveLength(1);

    await get(`/api/v1/training/childcare-classes/${later.id}`, officerB).expect(404);
    await post(`/api/v1/training/childcare-classes/${later.id}/sign-ins`, { childId: child.id }, officerB).expect(404);
    const [guardianB] = await enrol(1, districtB);
    expect((await enrolChild(later.id, guardianB).expect(422)).body.errors).toEqual([expect.objectContaining({ field: 'guardianMemberId' })]);
    const listB = await get('/api/v1/training/childcare-classes', officerB).expect(200);
    expect(listB.body.items).toEqual([]);
  });
});
