import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MemberTransferredV1, OrgUnitMovedV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testServiceConfig, tokenFor } from '@gonghui/testing';
import { trainingService } from '../src/service';

/** Sessions belong to a unit and are scoped by it: in-process, against the real Postgres and broker. */
describe('training: sessions scoped to a unit', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const hour = 3_600_000;
  const hex = () => randomUUID().replace(/-/g, '');
  const uuidOf = (h: string) => `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  const city = hex();
  const unit = (parentPath: string) => {
    const id = hex();
    return { id: uuidOf(id), path: `${parentPath}${id}/` };
  };
  const federation = { id: uuidOf(city), path: `/${city}/` };
  const officerOf = (u: { id: string; path: string }, roles = ['training-officer']) => tokenFor({ username: `officer-${u.id.slice(0, 8)}`, roles: roles as never, orgUnitId: u.id, scopePath: u.path });

  const server = () => app.getHttpServer();
  const schedule = (token: string, over: Record<string, unknown> = {}) =>
    request(server())
      .post('/api/v1/training/sessions')
      .set('authorization', `Bearer ${token}`)
      .send({
        courseTitle: '焊工（中级）',
        startsAt: new Date(Date.now() + 24 * hour).toISOString(),
        endsAt: new Date(Date.now() + 30 * hour).toISOString(),
        location: '区职工服务中心',
        capacity: 20,
        ...over,
      });
  const get = (id: string, token: string) => request(server()).get(`/api/v1/training/sessions/${id}`).set('authorization', `Bearer ${token}`);
  const listIds = async (token: string): Promise<string[]> => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = cursor ? { limit: 500, cursor } : { limit: 500 };
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await request(server())
        .get('/api/v1/training/sessions')
        .query(query)
        .set('authorization', `Bearer ${token}`)
        .expect(200);
      ids.push(...page.body.items.map((s) => s.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    return ids;
  };

  const enrol = async (unitOf: { id: string; path: string }) => (await announceMembers(events, runtime.dataSource, [{ orgUnitId: unitOf.id, path: unitOf.path }]))[0];

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...trainingService(testServiceConfig('training')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('training-scope-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('puts a session in the officer’s unit; another district’s officer neither sees, reads nor books it (404)', async () => {
    const [a, b] = [unit(federation.path), unit(federation.path)];
    const created = await schedule(officerOf(a)).expect(201);
    expect(created.body).toMatchObject({ orgUnitId: a.id, orgUnitPath: a.path });

    await get(created.body.id, officerOf(a)).expect(200);
    const hidden = await get(created.body.id, officerOf(b)).expect(404);
    expect(hidden.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await listIds(officerOf(a))).toContain(created.body.id);
    expect(await listIds(officerOf(b))).not.toContain(created.body.id);

    const memberOfB = await enrol(b);
    await request(server()).post(`/api/v1/training/sessions/${created.body.id}/bookings`).set('authorization', `Bearer ${officerOf(b)}`).send({ memberId: memberOfB }).expect(404);
    await request(server()).get(`/api/v1/training/sessions/${created.body.id}/bookings`).set('authorization', `Bearer ${officerOf(b)}`).expect(404);
    expect((await runtime.dataSource.query('SELECT count(*)::int AS n FROM bookings WHERE session_id = $1', [created.body.id]))[0].n).toBe(0);
  });

  it('opens a session federation-wide or in the federation unit: every district sees it and books its own members', async () => {
    const [a, b] = [unit(federation.path), unit(federation.path)];
    const admin = tokenFor();
    const citywide = await schedule(admin).expect(201);
    expect(citywide.body).toMatchObject({ orgUnitId: null, orgUnitPath: '/' });
    const federationOfficer = officerOf(federation);
    const ofFederation = await schedule(federationOfficer).expect(201);
    expect(ofFederation.body).toMatchObject({ orgUnitId: federation.id, orgUnitPath: federation.path });

    for (const session of [citywide.body, ofFederation.body]) {
      for (const district of [a, b]) {
        await get(session.id, officerOf(district)).expect(200);
        expect(await listIds(officerOf(district))).toContain(session.id);
        const memberId = await enrol(district);
        await request(server()).post(`/api/v1/training/sessions/${session.id}/bookings`).set('authorization', `Bearer ${officerOf(district)}`).send({ memberId }).expect(201);
      }
      // Each district lists only its own members' bookings.
      const seenByA = await request(server()).get(`/api/v1/training/sessions/${session.id}/bookings`).set('authorization', `Bearer ${officerOf(a)}`).expect(200);
      expect(seenByA.body.items).toHaveLength(1);
    }
    // The federation's officers see the districts' sessions, the districts not each other's.
    const ofA = await schedule(officerOf(a)).expect(201);
    await get(ofA.body.id, federationOfficer).expect(200);
    await get(ofA.body.id, admin).expect(200);
  });

  it('creates a session only in a unit of the officer’s subtree: their own, or one below it that training knows; 422 otherwise', async () => {
    const [a, b] = [unit(federation.path), unit(federation.path)];
    const street = unit(a.path);
    await enrol(street); // training learns the street's path from its members
    const below = await schedule(officerOf(a), { orgUnitId: street.id }).expect(201);
    expect(below.body).toMatchObject({ orgUnitId: street.id, orgUnitPath: street.path });
    await get(below.body.id, officerOf(street)).expect(200);
    await get(below.body.id, officerOf(b)).expect(404);

    expect((await schedule(officerOf(a), { orgUnitId: a.id }).expect(201)).body.orgUnitPath).toBe(a.path);
    const unknownStreet = unit(a.path);
    for (const orgUnitId of [b.id, federation.id, unknownStreet.id]) {
      const refused = await schedule(officerOf(a), { orgUnitId }).expect(422);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'orgUnitId' })]);
    }
    await enrol(b);
    await schedule(officerOf(a), { orgUnitId: b.id }).expect(422); // known to training, but another district's
    expect((await schedule(officerOf(a), { orgUnitId: 'not-a-uuid' }).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'orgUnitId' })]);
  });

  it('moves sessions with their unit’s subtree, and bookings with a member who transfers', async () => {
    const [a, b] = [unit(federation.path), unit(federation.path)];
    const street = unit(a.path);
    const memberId = await enrol(street);
    const session = (await schedule(officerOf(a), { orgUnitId: street.id }).expect(201)).body;
    await request(server()).post(`/api/v1/training/sessions/${session.id}/bookings`).set('authorization', `Bearer ${officerOf(a)}`).send({ memberId }).expect(201);

    const newPath = `${b.path}${street.path.split('/').slice(-2, -1)[0]}/`;
    await events.send(OrgUnitMovedV1, { orgUnitId: street.id, fromParentId: a.id, toParentId: b.id, oldPath: street.path, newPath, movedAt: new Date().toISOString() });
    await eventually(async () => expect((await get(session.id, officerOf(b))).status).toBe(200));
    await get(session.id, officerOf(a)).expect(404);

    const elsewhere = unit(a.path);
    await events.send(MemberTransferredV1, { memberId, fromOrgUnitId: street.id, toOrgUnitId: elsewhere.id, orgUnitPath: elsewhere.path, transferredAt: new Date().toISOString() });
    await eventually(async () => {
      const rows: { org_unit_path: string }[] = await runtime.dataSource.query('SELECT org_unit_path FROM bookings WHERE member_id = $1', [memberId]);
      expect(rows.map((r) => r.org_unit_path)).toEqual([elsewhere.path]);
    });
  });
});
