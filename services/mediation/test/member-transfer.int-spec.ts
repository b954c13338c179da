import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MemberEnrolledV1, MemberTransferredV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { EventSender, eventually, testServiceConfig, tokenFor } from '@gonghui/testing';
import { mediationService } from '../src/service';

/** A member's open case follows them to the new district on a transfer: in-process, through the real broker. */
describe('mediation: cases follow a member who transfers', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const hex = () => randomUUID().replace(/-/g, '');
  const city = hex();
  const [districtA, districtB] = [`/${city}/${hex()}/`, `/${city}/${hex()}/`];
  const mediatorA = tokenFor({ username: 'mediator-transfer-a', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: districtA });
  const mediatorB = tokenFor({ username: 'mediator-transfer-b', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: districtB });
  const server = () => app.getHttpServer();

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...mediationService(testServiceConfig('mediation')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('mediation-transfer-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('the old district’s mediator can no longer read or settle the case; the new district’s can', async () => {
    const memberId = randomUUID();
    await events.send(MemberEnrolledV1, { ...MemberEnrolledV1.example, memberId, orgUnitPath: `${districtA}${hex()}/`, enrolledAt: new Date().toISOString() });
    await eventually(async () => expect(await runtime.dataSource.query('SELECT 1 FROM member_directory WHERE member_id = $1', [memberId])).toHaveLength(1));
    const opened = await request(server())
      .post('/api/v1/mediation/cases')
      .set('authorization', `Bearer ${mediatorA}`)
      .send({ memberId, source: 'complaint', summary: '拖欠工资', employerName: '某物流有限公司' })
      .expect(201);
    const caseId = opened.body.id;

    const newUnit = hex();
    await events.send(MemberTransferredV1, {
      memberId,
      fromOrgUnitId: MemberEnrolledV1.example.orgUnitId,
      toOrgUnitId: randomUUID(),
      orgUnitPath: `${districtB}${newUnit}/`,
      transferredAt: new Date().toISOString(),
    });
    await eventually(async () => expect((await request(server()).get(`/api/v1/mediation/cases/${caseId}`).set('authorization', `Bearer ${mediatorA}`)).status).toBe(404));
    const settle = (token: string) =>
      request(server()).post(`/api/v1/mediation/cases/${caseId}/settle`).set('authorization', `Bearer ${token}`).send({ obligations: [{ description: '补发工资', amountFen: 500_000 }] });
    await settle(mediatorA).expect(404);
    await request(server()).get(`/api/v1/mediation/cases/${caseId}`).set('authorization', `Bearer ${mediatorB}`).expect(200);
    expect((await settle(mediatorB).expect(200)).body).toMatchObject({ id: caseId, status: 'settled' });
  });
});
