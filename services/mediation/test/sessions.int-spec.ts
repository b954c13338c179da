import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MediationSessionHeldV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { EventSender, eventually, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { mediationService } from '../src/service';

/** Sessions and their sealed notes: in-process, real Postgres and broker. */
describe('mediation: sessions', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const hex = () => randomUUID().replace(/-/g, '');
  const centre = `/${hex()}/${hex()}/`;
  const as = (username: string, roles = ['mediator'], scopePath = centre) => tokenFor({ username, roles: roles as never, orgUnitId: randomUUID(), scopePath });
  const clerk = as('clerk');
  const panelWang = as('panel-wang');
  const officer = as('centre-officer', ['mediator', 'personal-data-viewer']);
  const server = () => app.getHttpServer();
  const notes = `双方就欠薪数额达成初步一致 ${randomUUID()}`;

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...mediationService(testServiceConfig('mediation')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('mediation-sessions-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('records sessions with sealed notes shown only to the panel and the centre’s officers; the referral lists them', async () => {
    const wang = await request(server())
      .post('/api/v1/mediation/mediators')
      .set('authorization', `Bearer ${clerk}`)
      .send({ name: '王建华', background: 'union-officer', specialties: [], centreName: '调解中心', vettingStatus: 'vetted', vettedOn: '2026-01-05', available: true, username: 'panel-wang' })
      .expect(201);
    const received = await request(server())
      .post('/api/v1/mediation/cases')
      .set('authorization', `Bearer ${clerk}`)
      .send({ source: 'screening', summary: '拖欠工资', workers: [{ name: '陈七', contact: '13700137000' }], employer: { name: `某厂${hex()}` } })
      .expect(201);
    const caseId = received.body.id as string;
    await request(server()).post(`/api/v1/mediation/cases/${caseId}/panel`).set('authorization', `Bearer ${clerk}`).send({ leadMediatorId: wang.body.id, coMediatorIds: [] }).expect(200);

    const reader = await TopicReader.open(MediationSessionHeldV1.topic);
    const record = (body: Record<string, unknown>, token = clerk) =>
      request(server())
        .post(`/api/v1/mediation/cases/${caseId}/sessions`)
        .set('authorization', `Bearer ${token}`)
        .send({ kind: 'joint', heldAt: new Date(Date.now() - 3_600_000).toISOString(), attendees: [{ side: 'worker', description: '申请人' }, { side: 'employer', description: '人事经理' }], notes, ...body });
    let sessionId: string;
    try {
      const recorded = await record({}).expect(201);
      sessionId = recorded.body.id;
      // The clerk is neither on the panel nor a personal-data officer.
      expect(recorded.body).toMatchObject({ kind: 'joint', notes: null, notesHidden: true, recordedBy: 'clerk' });
      expect(recorded.body.heldAt).toMatch(/\+08:00$/);
      const event = await eventually(() => {
        const found = reader.events().find((e) => e.type === MediationSessionHeldV1.type && e.data.caseId === caseId);
        expect(found).toBeDefined();
        return found!;
      });
      expect(event.data).toEqual({ sessionId, caseId, orgUnitPath: centre, kind: 'joint', attendeeCount: 2, heldAt: expect.any(String) });
      expect(JSON.stringify(event.data)).not.toContain(notes);
    } finally {
      await reader.close();
    }
    await record({ kind: 'separate', notes: '背对背：用人单位同意分期' }, panelWang).expect(201);

    const [row] = (await runtime.dataSource.query('SELECT sealed_notes FROM sessions WHERE id = $1', [sessionId])) as { sealed_notes: string }[];
    expect(row.sealed_notes).not.toContain('欠薪');

    const listAs = (token: string) => request(server()).get(`/api/v1/mediation/cases/${caseId}/sessions`).set('authorization', `Bearer ${token}`).expect(200);
    expect((await listAs(panelWang)).body.items.map((s: { notes: string }) => s.notes)).toEqual([notes, '背对背：用人单位同意分期']);
    expect((await listAs(officer)).body.items[0].notes).toBe(notes);
    expect((await listAs(clerk)).body.items.map((s: { notes: unknown; notesHidden: boolean }) => [s.notes, s.notesHidden])).toEqual([
      [null, true],
      [null, true],
    ]);
    await request(server()).get(`/api/v1/mediation/cases/${caseId}/sessions`).set('authorization', `Bearer ${as('outsider', ['mediator'], `/${hex()}/`)}`).expect(404);

    const future = await record({ heldAt: new Date(Date.now() + 86_400_000).toISOString() }).expect(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'heldAt' })]);
    await record({ attendees: [] }).expect(400);
    await record({ kind: 'online' }).expect(400);

    const referred = await request(server()).post(`/api/v1/mediation/cases/${caseId}/refer`).set('authorization', `Bearer ${clerk}`).send({ referredTo: 'arbitration', reason: 'mediation-failed' }).expect(200);
    expect(referred.body.referral.sessionsHeld.map((s: { kind: string }) => s.kind)).toEqual(['joint', 'separate']);
    expect(JSON.stringify(referred.body.referral)).not.toContain('欠薪');
    const closed = await record({}).expect(409);
    expect(closed.body.detail).toContain('已转仲裁/诉讼');
  });
});
