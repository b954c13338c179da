import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DisputeCasePanelAssignedV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { mediationService } from '../src/service';

/** The mediator roster and case panels: in-process, real Postgres and broker. */
describe('mediation: mediators and panels', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const hex = () => randomUUID().replace(/-/g, '');
  const centre = `/${hex()}/${hex()}/`;
  const elsewhere = `/${hex()}/`;
  const officer = tokenFor({ username: 'centre-officer', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: centre });
  const outsider = tokenFor({ username: 'outsider', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: elsewhere });
  const server = () => app.getHttpServer();
  const employer = `重庆某物流有限公司${hex().slice(0, 6)}`;

  const register = (over: Record<string, unknown> = {}, token = officer) =>
    request(server())
      .post('/api/v1/mediation/mediators')
      .set('authorization', `Bearer ${token}`)
      .send({ name: '王建华', background: 'union-officer', specialties: ['unpaid-wages'], centreName: '渝北区劳动争议调解中心', vettingStatus: 'vetted', vettedOn: '2026-03-01', available: true, ...over });
  const receive = (memberId: string, employerName = employer) =>
    request(server())
      .post('/api/v1/mediation/cases')
      .set('authorization', `Bearer ${officer}`)
      .send({ source: 'complaint', summary: '拖欠工资', workers: [{ memberId }], employer: { name: employerName }, claims: [{ type: 'unpaid-wages', amountFen: 100_000 }] });
  const assign = (caseId: string, body: object, token = officer) => request(server()).post(`/api/v1/mediation/cases/${caseId}/panel`).set('authorization', `Bearer ${token}`).send(body);

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...mediationService(testServiceConfig('mediation')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('mediation-mediators-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('forms a five-party panel, announces it, and shows each mediator’s workload and results', async () => {
    const judge = (await register({ name: '张法官', background: 'judge' }).expect(201)).body;
    const lawyer = (await register({ name: '李律师', background: 'lawyer', employerName: '重庆某律师事务所' }).expect(201)).body;
    const union = (await register({ name: '王干部', background: 'union-officer' }).expect(201)).body;
    const hr = (await register({ name: '赵干部', background: 'hr-officer' }).expect(201)).body;
    const street = (await register({ name: '钱调解员', background: 'community-mediator' }).expect(201)).body;
    expect(judge).toMatchObject({ vettingStatus: 'vetted', vettedOn: '2026-03-01', results: { open: 0, settled: 0, settlementRate: null } });
    expect(judge.createdAt).toMatch(/\+08:00$/);

    const [memberId, other] = await announceMembers(events, runtime.dataSource, [{ path: `${centre}${hex()}/` }, { path: `${centre}${hex()}/` }]);
    const caseId = (await receive(memberId).expect(201)).body.id;
    const reader = await TopicReader.open(DisputeCasePanelAssignedV1.topic);
    try {
      const panel = await assign(caseId, { leadMediatorId: union.id, coMediatorIds: [judge.id, lawyer.id, hr.id, street.id] }).expect(200);
      expect(panel.body.members).toHaveLength(5);
      expect(panel.body.members[0]).toMatchObject({ mediatorId: union.id, role: 'lead', name: '王干部' });
      const event = await eventually(() => {
        const found = reader.events().find((e) => e.type === DisputeCasePanelAssignedV1.type && e.data.caseId === caseId);
        expect(found).toBeDefined();
        return found!;
      });
      expect(event.data).toMatchObject({ leadMediatorId: union.id, coMediatorIds: [judge.id, lawyer.id, hr.id, street.id] });
    } finally {
      await reader.close();
    }
    expect((await request(server()).get(`/api/v1/mediation/cases/${caseId}/panel`).set('authorization', `Bearer ${officer}`).expect(200)).body.members).toHaveLength(5);

    await request(server()).post(`/api/v1/mediation/cases/${caseId}/settle`).set('authorization', `Bearer ${officer}`).send({ obligations: [{ description: '支付工资', amountFen: 100_000 }] }).expect(200);
    const second = (await receive(other, `另一家公司${hex().slice(0, 6)}`).expect(201)).body.id;
    await assign(second, { leadMediatorId: judge.id, coMediatorIds: [] }).expect(200);

    const shown = await request(server()).get(`/api/v1/mediation/mediators/${judge.id}`).set('authorization', `Bearer ${officer}`).expect(200);
    expect(shown.body.results).toEqual({ open: 1, settled: 1, referred: 0, declined: 0, asLead: 1, settlementRate: 1 });
    const page = await request(server()).get('/api/v1/mediation/mediators').query({ limit: 3 }).set('authorization', `Bearer ${officer}`).expect(200);
    expect(page.body.items).toHaveLength(3);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    await request(server()).get(`/api/v1/mediation/mediators/${judge.id}`).set('authorization', `Bearer ${outsider}`).expect(404);
    // A panel on a settled case (no longer open) is a 409 naming its status.
    const closed = await assign(caseId, { leadMediatorId: union.id, coMediatorIds: [] }).expect(409);
    expect(closed.body.detail).toContain('已达成协议');
  });

  it('refuses a panel without a lead (400), two from one party (400), an unknown (422), or an unvetted or conflicted mediator (409), naming them; nothing changes', async () => {
    const lead = (await register({ name: '孙干部', background: 'union-officer' }).expect(201)).body;
    const secondUnion = (await register({ name: '周干部', background: 'union-officer' }).expect(201)).body;
    const unvetted = (await register({ name: '吴律师', background: 'lawyer', vettingStatus: 'pending', vettedOn: undefined }).expect(201)).body;
    const sameEmployer = (await register({ name: '郑干部', background: 'hr-officer', employerName: employer }).expect(201)).body;
    const veteran = (await register({ name: '冯法官', background: 'judge' }).expect(201)).body;
    const foreign = (await register({ name: '外区调解员', background: 'community-mediator' }, outsider).expect(201)).body;

    const [memberId] = await announceMembers(events, runtime.dataSource, [{ path: `${centre}${hex()}/` }]);
    // The judge sat on an earlier case of the same worker: a conflict for the next one.
    const earlier = (await receive(memberId, `其他单位${hex().slice(0, 6)}`).expect(201)).body.id;
    await assign(earlier, { leadMediatorId: veteran.id, coMediatorIds: [] }).expect(200);
    const caseId = (await receive(memberId).expect(201)).body.id;

    const noLead = await assign(caseId, { coMediatorIds: [lead.id] }).expect(400);
    expect(noLead.body.errors).toEqual([expect.objectContaining({ field: 'leadMediatorId' })]);
    await assign(caseId, { leadMediatorId: lead.id, coMediatorIds: [veteran.id, veteran.id, sameEmployer.id, unvetted.id, secondUnion.id] }).expect(400);
    const sameParty = await assign(caseId, { leadMediatorId: lead.id, coMediatorIds: [secondUnion.id] }).expect(400);
    expect(sameParty.body.detail).toContain('孙干部、周干部');
    const unknown = await assign(caseId, { leadMediatorId: lead.id, coMediatorIds: [foreign.id] }).expect(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'coMediatorIds[0]' })]);

    const refused = await assign(caseId, { leadMediatorId: lead.id, coMediatorIds: [unvetted.id, sameEmployer.id, veteran.id] }).expect(409);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['coMediatorIds[0]', 'coMediatorIds[1]', 'coMediatorIds[2]']);
    expect(refused.body.detail).toContain('吴律师');
    expect(refused.body.detail).toContain('郑干部');
    expect(refused.body.detail).toContain('冯法官');
    const inEnglish = await assign(caseId, { leadMediatorId: lead.id, coMediatorIds: [unvetted.id] }).set('accept-language', 'en').expect(409);
    expect(inEnglish.body.detail).toContain('吴律师 is not vetted');

    expect((await request(server()).get(`/api/v1/mediation/cases/${caseId}/panel`).set('authorization', `Bearer ${officer}`).expect(200)).body.members).toEqual([]);
    await register({ vettingStatus: 'vetted', vettedOn: undefined }).expect(400);
    await register({ background: 'astrologer' }).expect(400);
  });
});
