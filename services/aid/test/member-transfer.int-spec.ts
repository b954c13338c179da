import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MemberEnrolledV1, MemberTransferredV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { EventSender, eventually, testDistrict, testServiceConfig, tokenFor } from '@gonghui/testing';
import { aidService } from '../src/service';

/** A member's hardship file follows them when they transfer to another district: in-process, through the real broker. */
describe('aid: records follow a member who transfers', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;

  const hex = () => randomUUID().replace(/-/g, '');
  const city = `/${hex()}/`;
  const district = () => testDistrict(city);
  const officerOf = (d: { orgUnitId: string; path: string }) =>
    `Bearer ${tokenFor({ userId: randomUUID(), username: `officer-${d.orgUnitId.slice(0, 8)}`, roles: ['aid-officer'], orgUnitId: d.orgUnitId, scopePath: d.path })}`;

  const visit = {
    visitedOn: '2026-11-20',
    householdSize: 3,
    monthlyHouseholdIncomeFen: 250_000,
    incomeSources: '本人打零工',
    housing: '租住单间',
    health: '本人患慢性病',
    childrenSchooling: '一女读小学',
  };

  const server = () => app.getHttpServer();

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    events = await EventSender.open('aid-transfer-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('moves the open hardship file to the new district’s scope: the old officer gets 404, the new one sees it', async () => {
    const [from, to] = [district(), district()];
    const memberId = randomUUID();
    const unitPath = `${from.path}${hex()}/`;
    await events.send(MemberEnrolledV1, { ...MemberEnrolledV1.example, memberId, orgUnitId: from.orgUnitId, orgUnitPath: unitPath, enrolledAt: new Date().toISOString() });
    await eventually(async () => expect(await runtime.dataSource.query('SELECT 1 FROM member_directory WHERE member_id = $1', [memberId])).toHaveLength(1));

    const file = await request(server()).post('/api/v1/aid/hardship-files').set('authorization', officerOf(from)).send({ memberId, cause: 'illness', visit }).expect(201);
    await request(server()).get(`/api/v1/aid/hardship-files/${file.body.id}`).set('authorization', officerOf(from)).expect(200);
    await request(server()).get(`/api/v1/aid/hardship-files/${file.body.id}`).set('authorization', officerOf(to)).expect(404);
    // the member's employment referral moves with them too
    const referral = await request(server())
      .post(`/api/v1/aid/hardship-files/${file.body.id}/employment-referrals`)
      .set('authorization', officerOf(from))
      .send({ ableAndWilling: true, skills: ['保洁'] })
      .expect(201);

    const newUnit = testDistrict(to.path); // a union inside the new district
    await events.send(MemberTransferredV1, {
      memberId,
      fromOrgUnitId: from.orgUnitId,
      toOrgUnitId: newUnit.orgUnitId,
      orgUnitPath: newUnit.path,
      transferredAt: new Date().toISOString(),
    });

    await eventually(async () => {
      const gone = await request(server()).get(`/api/v1/aid/hardship-files/${file.body.id}`).set('authorization', officerOf(from));
      expect(gone.status).toBe(404);
    });
    const seen = await request(server()).get(`/api/v1/aid/hardship-files/${file.body.id}`).set('authorization', officerOf(to)).expect(200);
    expect(seen.body).toMatchObject({ id: file.body.id, memberId, status: 'open' });

    const listedByOld = await request(server()).get('/api/v1/aid/hardship-files').set('authorization', officerOf(from)).expect(200);
    expect(listedByOld.body.items.map((f: { id: string }) => f.id)).not.toContain(file.body.id);
    const listedByNew = await request(server()).get('/api/v1/aid/hardship-files').set('authorization', officerOf(to)).expect(200);
    expect(listedByNew.body.items.map((f: { id: string }) => f.id)).toContain(file.body.id);

    const rows: { org_unit_path: string }[] = await runtime.dataSource.query('SELECT org_unit_path FROM hardship_files WHERE id = $1', [file.body.id]);
    expect(rows[0].org_unit_path).toBe(newUnit.path);
    const referrals = (token: string) => request(server()).get('/api/v1/aid/employment-referrals').query({ hardshipFileId: file.body.id }).set('authorization', token).expect(200);
    expect((await referrals(officerOf(to))).body.items.map((r: { id: string }) => r.id)).toEqual([referral.body.id]);
    expect((await referrals(officerOf(from))).body.items).toEqual([]);
  });

  it('leaves other members’ files where they are', async () => {
    const [from, to] = [district(), district()];
    const [mover, stayer] = [randomUUID(), randomUUID()];
    for (const memberId of [mover, stayer]) {
      await events.send(MemberEnrolledV1, { ...MemberEnrolledV1.example, memberId, orgUnitId: from.orgUnitId, orgUnitPath: from.path, enrolledAt: new Date().toISOString() });
    }
    await eventually(async () => expect(await runtime.dataSource.query('SELECT 1 FROM member_directory WHERE member_id = ANY($1)', [[mover, stayer]])).toHaveLength(2));
    const stays = await request(server()).post('/api/v1/aid/hardship-files').set('authorization', officerOf(from)).send({ memberId: stayer, cause: 'unemployment', visit }).expect(201);
    await request(server()).post('/api/v1/aid/hardship-files').set('authorization', officerOf(from)).send({ memberId: mover, cause: 'illness', visit }).expect(201);

    await events.send(MemberTransferredV1, { memberId: mover, fromOrgUnitId: from.orgUnitId, toOrgUnitId: to.orgUnitId, orgUnitPath: to.path, transferredAt: new Date().toISOString() });
    await eventually(async () => {
      const rows: { org_unit_path: string }[] = await runtime.dataSource.query('SELECT org_unit_path FROM hardship_files WHERE member_id = $1', [mover]);
      expect(rows.map((r) => r.org_unit_path)).toEqual([to.path]);
    });
    await request(server()).get(`/api/v1/aid/hardship-files/${stays.body.id}`).set('authorization', officerOf(from)).expect(200);
  });
});
