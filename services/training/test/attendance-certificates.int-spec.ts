import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SkillLevelGrantedV1 } from '@gonghui/contracts';
import { chinaDate, createServiceApp, DEVELOPMENT_JWT_SECRET, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, http as call, EventSender, eventually, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { trainingService } from '../src/service';
import { codeFor, windowOf } from '../src/attendance/domain/rotating-code';
// The gateway's own proxy, to show the public verification route is let through without a token.
import { createServiceProxy, serveProxyFirst } from '../../gateway/src/proxy/service-proxy';

/** Attendance by rotating code, completion, certificates and their public verification; real Postgres and broker. */
describe('training: attendance and certificates', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const secret = 'attendance-secret-for-this-test-run';
  const hex = () => randomUUID().replace(/-/g, '');
  const district = `/${hex()}/${hex()}/`;
  const officer = tokenFor({ username: 'officer-c', roles: ['training-officer'], orgUnitId: randomUUID(), scopePath: district });
  const elsewhere = tokenFor({ username: 'officer-x', roles: ['training-officer'], orgUnitId: randomUUID(), scopePath: `/${hex()}/${hex()}/` });
  const minute = 60_000;
  const server = () => app.getHttpServer();
  const auth = { authorization: `Bearer ${officer}` };
  const enrol = (count: number) => announceMembers(events, runtime.dataSource, Array.from({ length: count }, () => ({ path: `${district}${hex()}/` })));

  async function course(over: Record<string, unknown> = {}): Promise<{ id: string }> {
    const body = { title: '低压电工作业（取证班）', category: 'certification', description: '理论与实操', provider: '市总工会工匠学院', freeForMembers: true, ...over };
    return (await request(server()).post('/api/v1/training/courses').set(auth).send(body).expect(201)).body;
  }
  /** A session of the course starting in half an hour: sign-in is open (an hour before the start). */
  async function sessionOf(courseId: string): Promise<{ id: string }> {
    const body = { courseId, startsAt: new Date(Date.now() + 30 * minute).toISOString(), endsAt: new Date(Date.now() + 150 * minute).toISOString(), location: '工匠学院实训楼', capacity: 10 };
    return (await request(server()).post('/api/v1/training/sessions').set(auth).send(body).expect(201)).body;
  }
  const book = (sessionId: string, memberId: string) => request(server()).post(`/api/v1/training/sessions/${sessionId}/bookings`).set(auth).send({ memberId }).expect(201);
  const codeOf = async (sessionId: string) => (await request(server()).get(`/api/v1/training/sessions/${sessionId}/attendance-code`).set(auth).expect(200)).body;
  const signIn = (sessionId: string, memberId: string, code: string) => request(server()).post(`/api/v1/training/sessions/${sessionId}/sign-in`).set(auth).send({ memberId, code });

  beforeAll(async () => {
    process.env.TRAINING_ATTENDANCE_SECRET = secret;
    ({ app, runtime } = (await createServiceApp({ ...trainingService(testServiceConfig('training')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('training-certificates-test');
  });

  afterAll(async () => {
    delete process.env.TRAINING_ATTENDANCE_SECRET;
    await events?.close();
    await app?.close();
  });

  it('shows a rotating code and signs a booked trainee in and out with it; refuses another session’s code, an expired code and a second sign-in', async () => {
    const [member, unbooked] = await enrol(2);
    const c = await course();
    const session = await sessionOf(c.id);
    const other = await sessionOf(c.id);
    await book(session.id, member);

    const shown = await codeOf(session.id);
    expect(shown.code).toMatch(/^\d{6}$/);
    expect(shown.qrPayload).toBe(`gonghui:attend:${session.id}:${shown.code}`);
    expect(shown.expiresAt).toMatch(/\+08:00$/);
    expect(Date.parse(shown.expiresAt) - Date.parse(shown.validFrom)).toBe(30_000);

    const foreign = await signIn(session.id, member, (await codeOf(other.id)).code).expect(422);
    expect(foreign.body.type).toMatch(/code-not-for-session$/);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    const stale = await signIn(session.id, member, codeFor(secret, session.id, windowOf(new Date()) - 3)).expect(422);
    expect(stale.body.type).toMatch(/code-expired$/);
    // The previous window's code still works (clock skew).
    const signedIn = await signIn(session.id, member, codeFor(secret, session.id, windowOf(new Date()) - 1)).expect(201);
    expect(signedIn.body).toMatchObject({ sessionId: session.id, memberId: member, method: 'code', signedOutAt: null });
    const twice = await signIn(session.id, member, (await codeOf(session.id)).code).expect(409);
    expect(twice.body.type).toMatch(/already-signed-in$/);
    expect(twice.body.detail).toContain('请勿重复签到');

    expect((await signIn(session.id, unbooked, (await codeOf(session.id)).code).expect(422)).body.type).toMatch(/not-booked$/);
    const out = await request(server()).post(`/api/v1/training/sessions/${session.id}/sign-out`).set(auth).send({ memberId: member, code: (await codeOf(session.id)).code }).expect(201);
    expect(out.body.signedOutAt).toMatch(/\+08:00$/);
    await request(server()).post(`/api/v1/training/sessions/${session.id}/sign-out`).set(auth).send({ memberId: member, code: (await codeOf(session.id)).code }).expect(409);

    const list = await request(server()).get(`/api/v1/training/sessions/${session.id}/attendance`).set(auth).expect(200);
    expect(list.body.items.map((a: { memberId: string }) => a.memberId)).toEqual([member]);
    await request(server()).get(`/api/v1/training/sessions/${session.id}/attendance-code`).set('authorization', `Bearer ${elsewhere}`).expect(404);
  });

  it('issues a certificate on completion, announces the skill level, and lets anyone verify it without a login', async () => {
    const [keen, absent] = await enrol(2);
    const c = await course({ hasAssessment: true, grantsSkillLevel: 'skilled', certificateValidMonths: 36 });
    const [s1, s2] = [await sessionOf(c.id), await sessionOf(c.id)];
    for (const s of [s1, s2]) for (const m of [keen, absent]) await book(s.id, m);
    // Signed in by code at one, marked present by the instructor at the other.
    await signIn(s1.id, keen, (await codeOf(s1.id)).code).expect(201);
    await request(server()).post(`/api/v1/training/sessions/${s2.id}/attendance`).set(auth).send({ memberId: keen, signedOut: true }).expect(201);
    await signIn(s1.id, absent, (await codeOf(s1.id)).code).expect(201);

    const issue = (memberId: string) => request(server()).post('/api/v1/training/certificates').set(auth).send({ courseId: c.id, memberId, holderName: '张三' });
    const noAssessment = await issue(keen).expect(422);
    expect(noAssessment.body.type).toMatch(/not-completed$/);
    expect(noAssessment.body.detail).toContain('结业考核');
    await request(server()).post(`/api/v1/training/courses/${c.id}/assessments`).set(auth).send({ memberId: keen, passed: true, score: 88 }).expect(201);
    await request(server()).post(`/api/v1/training/courses/${c.id}/assessments`).set(auth).send({ memberId: absent, passed: true, score: 75 }).expect(201);
    const lowAttendance = await issue(absent).set('accept-language', 'en').expect(422);
    expect(lowAttendance.body.detail).toBe('attendance 50% is below 80%');

    const reader = await TopicReader.open(SkillLevelGrantedV1.topic);
    let certificate: { id: string; verificationCode: string; holderName: string; issuedOn: string; expiresOn: string; valid: boolean };
    try {
      certificate = (await issue(keen).expect(201)).body;
      expect(certificate).toMatchObject({ holderName: '张*', valid: true, issuedOn: chinaDate(new Date()), skillLevel: 'skilled', attendancePercent: 100 });
      expect(certificate.verificationCode).toMatch(/^GH[0-9A-Z]{10}$/);
      expect(certificate.expiresOn.slice(0, 4)).toBe(String(Number(certificate.issuedOn.slice(0, 4)) + 3));
      const event = await eventually(() => {
        const found = reader.events(SkillLevelGrantedV1.type).filter((e) => e.data.memberId === keen);
        expect(found).toHaveLength(1);
        return found[0];
      });
      expect(event.data).toMatchObject({ memberId: keen, level: 'skilled', source: { kind: 'certificate', id: certificate.id } });
      expect(JSON.stringify(event.data)).not.toContain('张');
    } finally {
      await reader.close();
    }
    expect((await issue(keen).expect(409)).body.type).toMatch(/already-certified$/);
    const [sealed] = await runtime.dataSource.query('SELECT holder_name_sealed FROM certificates WHERE id = $1', [certificate.id]);
    expect(sealed.holder_name_sealed).not.toContain('张三');

    // Public: no token at all.
    const verified = await request(server()).get(`/api/v1/training/certificates/verify/${certificate.verificationCode}`).expect(200);
    expect(verified.body).toEqual({
      verificationCode: certificate.verificationCode,
      holderName: '张*',
      courseTitle: '低压电工作业（取证班）',
      provider: '市总工会工匠学院',
      skillLevel: 'skilled',
      issuedOn: certificate.issuedOn,
      expiresOn: certificate.expiresOn,
      valid: true,
    });
    const unknown = await request(server()).get('/api/v1/training/certificates/verify/GH0000000000').expect(404);
    const malformed = await request(server()).get('/api/v1/training/certificates/verify/not-a-code').expect(404);
    expect(unknown.body.detail).toBe(malformed.body.detail);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);

    // Through the gateway's proxy too: the verification passes without a token, the rest of training does not.
    const proxy = http.createServer((_req, res) => res.writeHead(404).end());
    await app.listen(0, '127.0.0.1');
    const trainingUrl = app.getHttpServer().address() as AddressInfo;
    serveProxyFirst(proxy, createServiceProxy({ membership: 'http://127.0.0.1:1', aid: 'http://127.0.0.1:1', training: `http://127.0.0.1:${trainingUrl.port}`, mediation: 'http://127.0.0.1:1' }, process.env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const gateway = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const viaGateway = await call('GET', `${gateway}/api/v1/training/certificates/verify/${certificate.verificationCode}`);
      expect(viaGateway.status).toBe(200);
      expect(viaGateway.body).toMatchObject({ holderName: '张*', valid: true });
      expect((await call('GET', `${gateway}/api/v1/training/certificates/verify/GH0000000000`)).status).toBe(404);
      expect((await call('GET', `${gateway}/api/v1/training/certificates/${certificate.id}`)).status).toBe(401);
      expect((await call('POST', `${gateway}/api/v1/training/certificates/verify/${certificate.verificationCode}`, { body: {} })).status).toBe(401);
    } finally {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    }

    // Another district's officer does not see it; an expired one verifies as not valid.
    await request(server()).get(`/api/v1/training/certificates/${certificate.id}`).set('authorization', `Bearer ${elsewhere}`).expect(404);
    await runtime.dataSource.query(`UPDATE certificates SET issued_on = issued_on - 800, expires_on = current_date - 1 WHERE id = $1`, [certificate.id]);
    expect((await request(server()).get(`/api/v1/training/certificates/verify/${certificate.verificationCode}`).expect(200)).body.valid).toBe(false);
  });

  it('lists certificates expiring within 30 days', async () => {
    const [a, b] = await enrol(2);
    const c = await course({ category: 'skills', certificateValidMonths: 24 });
    const s = await sessionOf(c.id);
    const ids: string[] = [];
    for (const m of [a, b]) {
      await book(s.id, m);
      await request(server()).post(`/api/v1/training/sessions/${s.id}/attendance`).set(auth).send({ memberId: m }).expect(201);
      ids.push((await request(server()).post('/api/v1/training/certificates').set(auth).send({ courseId: c.id, memberId: m, holderName: '李四' }).expect(201)).body.id);
    }
    // Time passes for the first: it now expires in 10 days (China date).
    await runtime.dataSource.query(`UPDATE certificates SET expires_on = $2::date + 10 WHERE id = $1`, [ids[0], chinaDate(new Date())]);
    const expiring = await request(server()).get('/api/v1/training/certificates').query({ expiring: 'true', limit: 500 }).set(auth).expect(200);
    const listed = expiring.body.items.map((x: { id: string }) => x.id);
    expect(listed).toContain(ids[0]);
    expect(listed).not.toContain(ids[1]);
    const all = await request(server()).get('/api/v1/training/certificates').query({ memberId: b }).set(auth).expect(200);
    expect(all.body.items.map((x: { id: string }) => x.id)).toEqual([ids[1]]);
  });
});
