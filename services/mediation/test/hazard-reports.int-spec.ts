import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HazardReportVerifiedV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { mediationService } from '../src/service';

/** Real-name hazard reports and their reward event: in-process, real Postgres and broker. */
describe('mediation: hazard reports (隐患举报)', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const hex = () => randomUUID().replace(/-/g, '');
  const district = `/${hex()}/${hex()}/`;
  const inspector = tokenFor({ username: 'inspector', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: district });
  const handler = tokenFor({ username: 'handling-officer', roles: ['mediator', 'personal-data-viewer'], orgUnitId: randomUUID(), scopePath: district });
  const outsider = tokenFor({ username: 'outsider', roles: ['mediator', 'personal-data-viewer'], orgUnitId: randomUUID(), scopePath: `/${hex()}/` });
  const server = () => app.getHttpServer();
  const reporterName = `张伟${hex().slice(0, 4)}`;
  const submit = (body: object, token = inspector) =>
    request(server())
      .post('/api/v1/mediation/hazard-reports')
      .set('authorization', `Bearer ${token}`)
      .send({ reporterName, enterpriseName: '重庆某化工有限公司', description: '三号车间消防通道长期堆放易燃原料', ...body });

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...mediationService(testServiceConfig('mediation')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('mediation-hazard-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('takes a real-name report from a known member, hides the name from all but the handling officers, and announces the verified reward without it', async () => {
    const unitId = randomUUID();
    const unitPath = `${district}${unitId.replace(/-/g, '')}/`;
    const [memberId] = await announceMembers(events, runtime.dataSource, [{ orgUnitId: unitId, path: unitPath }]);
    const submitted = await submit({ memberId }).expect(201);
    expect(submitted.body).toMatchObject({ status: 'submitted', reporterName: null, orgUnitId: unitId, rewardFen: null });
    expect(submitted.body.reportedAt).toMatch(/\+08:00$/);
    const id = submitted.body.id as string;

    const [row] = (await runtime.dataSource.query('SELECT sealed_reporter_name FROM hazard_reports WHERE id = $1', [id])) as { sealed_reporter_name: string }[];
    expect(row.sealed_reporter_name).not.toContain(reporterName);
    const one = (token: string) => request(server()).get(`/api/v1/mediation/hazard-reports/${id}`).set('authorization', `Bearer ${token}`);
    expect((await one(handler).expect(200)).body.reporterName).toBe(reporterName);
    expect((await one(inspector).expect(200)).body.reporterName).toBeNull();
    await one(outsider).expect(404);
    const listed = await request(server()).get('/api/v1/mediation/hazard-reports').set('authorization', `Bearer ${handler}`).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(reporterName);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(id);

    const reader = await TopicReader.open(HazardReportVerifiedV1.topic);
    try {
      await request(server()).post(`/api/v1/mediation/hazard-reports/${id}/verify`).set('authorization', `Bearer ${inspector}`).send({ rewardLevel: 3 }).expect(400);
      const verified = await request(server()).post(`/api/v1/mediation/hazard-reports/${id}/verify`).set('authorization', `Bearer ${inspector}`).send({ rewardLevel: 2 }).expect(200);
      expect(verified.body).toMatchObject({ status: 'verified', rewardLevel: 2, rewardFen: 300_000, reporterName: null });
      const event = await eventually(() => {
        const found = reader.events().find((e) => e.type === HazardReportVerifiedV1.type && e.data.reportId === id);
        expect(found).toBeDefined();
        return found!;
      });
      expect(reader.received.find((r) => r.event?.id === event.id)?.key).toBe(id);
      expect(event.data).toEqual({ reportId: id, orgUnitId: unitId, orgUnitPath: unitPath, rewardLevel: 2, rewardFen: 300_000, verifiedAt: new Date(verified.body.handledAt).toISOString() });
      expect(JSON.stringify(event)).not.toContain(reporterName);
      expect(JSON.stringify(event.data)).not.toContain(memberId);
    } finally {
      await reader.close();
    }
    const again = await request(server()).post(`/api/v1/mediation/hazard-reports/${id}/verify`).set('authorization', `Bearer ${inspector}`).send({ rewardLevel: 1 }).expect(409);
    expect(again.body.detail).toContain('已核实');
    await request(server()).post(`/api/v1/mediation/hazard-reports/${id}/reject`).set('authorization', `Bearer ${inspector}`).send({ reason: '重复' }).expect(409);
  });

  it('refuses an unverifiable identity with 422, and rejects a report with its reason', async () => {
    const unknown = await submit({ memberId: randomUUID() }).expect(422);
    expect(unknown.body.type).toMatch(/unverifiable-reporter$/);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'memberId' })]);
    const [memberId] = await announceMembers(events, runtime.dataSource, [{ path: `${district}${hex()}/` }]);
    await submit({ memberId }, outsider).expect(422);
    await submit({ memberId, reporterName: '' }).expect(400);
    const count = (await runtime.dataSource.query('SELECT count(*)::int AS n FROM hazard_reports WHERE member_id = $1', [memberId])) as { n: number }[];
    expect(count[0].n).toBe(0);

    const id = (await submit({ memberId }).expect(201)).body.id;
    const rejected = await request(server()).post(`/api/v1/mediation/hazard-reports/${id}/reject`).set('authorization', `Bearer ${inspector}`).send({ reason: '经现场核查，隐患已整改' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: '经现场核查，隐患已整改', rewardFen: null });
  });
});
