import { MemberEnrolledV1, OrgUnitCreatedV1 } from '@gonghui/contracts';
import { eventually, tokenFor, TopicReader } from '@gonghui/testing';
import { startMembership, Unit } from './membership-fixture';

describe('membership service against real Postgres and Kafka', () => {
  let m: Awaited<ReturnType<typeof startMembership>>;
  let base: string;
  let admin: string;
  let members: TopicReader;
  /** The service's HTTP API in-process (supertest), addressed by its full path as before. */
  const http = (method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    m.call(method, url.replace(/^\/api\/v1\/membership/, ''), options.body, options.token ?? '', options.headers);
  const nextId = () => m.nextNationalId();
  const enrol = (body: Record<string, unknown>, token = admin) => http('POST', `${base}/api/v1/membership/members`, { token, body });

  let federation: Unit;
  let districtA: Unit;
  let districtB: Unit;
  let unitA: Unit;
  let unitB: Unit;

  beforeAll(async () => {
    m = await startMembership();
    ({ admin } = m);
    base = '';
    members = await TopicReader.open(MemberEnrolledV1.topic);
    federation = await m.unit('federation');
    districtA = await m.unit('district', federation, '甲区总工会');
    districtB = await m.unit('district', federation, '乙区总工会');
    unitA = await m.unit('industry', districtA, '甲区网约车司机工会');
    unitB = await m.unit('industry', districtB, '乙区快递员工会');
  });

  afterAll(async () => {
    await members?.close();
    await m?.app.close();
  });

  it('enrols a member, answers with masked identifiers, and publishes member.enrolled keyed by member id without the raw ID', async () => {
    const nationalId = nextId();
    const res = await enrol({ name: '张伟', nationalId, mobile: '13800138000', orgUnitId: unitA.id, employmentForm: 'gig-ride-hailing' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '张伟', maskedMobile: '138****8000', orgUnitId: unitA.id, status: 'active' });
    expect(res.body.maskedNationalId).toBe(`${nationalId.slice(0, 4)}**********${nationalId.slice(14)}`);
    expect(res.body.memberNo).toMatch(/^M\d{10}$/);
    expect(JSON.stringify(res.body)).not.toContain(nationalId);

    const received = await eventually(() => {
      const found = members.received.find((r) => r.event?.data.memberId === res.body.id);
      expect(found).toBeDefined();
      return found!;
    });
    expect(received.key).toBe(res.body.id);
    expect(received.headers).toMatchObject({ ce_type: MemberEnrolledV1.type, ce_specversion: '1.0', ce_source: '/gonghui/membership' });
    expect(received.event!.data).toMatchObject({ orgUnitId: unitA.id, orgUnitPath: unitA.path, maskedNationalId: res.body.maskedNationalId });
    expect(received.value).not.toContain(nationalId);
    expect(received.value).not.toContain('13800138000');
  });

  it('announces new organisation units', async () => {
    const reader = await TopicReader.open(OrgUnitCreatedV1.topic);
    try {
      await eventually(() => expect(reader.events(OrgUnitCreatedV1.type).map((e) => e.data.orgUnitId)).toContain(unitB.id));
    } finally {
      await reader.close();
    }
  });

  it('refuses a resident ID with a wrong check digit with a 400 problem naming the field', async () => {
    // 11010519491231002X is the GB 11643 worked example; 1 is the wrong check character.
    const res = await enrol({ name: '李娜', nationalId: '110105194912310021', mobile: '13800138001', orgUnitId: unitA.id, employmentForm: 'regular' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, type: expect.stringContaining('validation-failed') });
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'nationalId' })]);
  });

  it('answers in English when asked, and refuses unknown fields', async () => {
    const res = await http('POST', `${base}/api/v1/membership/members`, {
      token: admin,
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      body: { name: 'Li', nationalId: nextId(), mobile: '2380013800', orgUnitId: unitA.id, employmentForm: 'regular', salary: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.title).toBe('Request is invalid');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['salary']);
  });

  it('never enrols the same person twice, even when the requests race', async () => {
    const nationalId = nextId();
    const body = { name: '王芳', nationalId, mobile: '13900139000', orgUnitId: unitA.id, employmentForm: 'gig-delivery' };
    const results = await Promise.all(Array.from({ length: 6 }, () => enrol(body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const again = await enrol({ ...body, orgUnitId: unitB.id });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].field).toBe('nationalId');
  });

  it('refuses an unknown organisation unit with 422 and a misplaced unit kind', async () => {
    const res = await enrol({ name: '赵强', nationalId: nextId(), mobile: '13700137000', orgUnitId: '6f1e0a51-1111-4d2e-8f10-a1b2c3d4e5f6', employmentForm: 'regular' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].field).toBe('orgUnitId');
    const misplaced = await http('POST', `${base}/api/v1/membership/org-units`, { token: admin, body: { parentId: federation.id, code: `X-${Date.now()}`, name: '街道', kind: 'street' } });
    expect(misplaced.status).toBe(422);
  });

  it('lets a district officer see only their own district', async () => {
    const officerA = tokenFor({ roles: ['membership-officer'], orgUnitId: districtA.id, scopePath: districtA.path });
    const inA = await enrol({ name: '陈静', nationalId: nextId(), mobile: '13600136000', orgUnitId: unitA.id, employmentForm: 'regular' }, officerA);
    expect(inA.status).toBe(201);
    const inB = await enrol({ name: '刘洋', nationalId: nextId(), mobile: '13500135000', orgUnitId: unitB.id, employmentForm: 'regular' });
    expect(inB.status).toBe(201);

    expect((await http('GET', `${base}/api/v1/membership/members/${inA.body.id}`, { token: officerA })).status).toBe(200);
    const hidden = await http('GET', `${base}/api/v1/membership/members/${inB.body.id}`, { token: officerA });
    expect(hidden.status).toBe(404);
    const outside = await enrol({ name: '周杰', nationalId: nextId(), mobile: '13500135001', orgUnitId: unitB.id, employmentForm: 'regular' }, officerA);
    expect(outside.status).toBe(422);

    const list = await http('GET', `${base}/api/v1/membership/members?limit=500`, { token: officerA });
    expect(list.status).toBe(200);
    const ids = list.body.items.map((m: { id: string }) => m.id);
    expect(ids).toContain(inA.body.id);
    expect(ids).not.toContain(inB.body.id);
  });

  it('pages through members with a cursor, without gaps or repeats', async () => {
    const unit = await m.unit('grassroots-enterprise', districtB, '分页测试工会');
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await enrol({ name: `会员${i}`, nationalId: nextId(), mobile: `1370000000${i}`, orgUnitId: unit.id, employmentForm: 'regular' });
      created.push(res.body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await http('GET', `${base}/api/v1/membership/members?orgUnitId=${unit.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token: admin });
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((m) => m.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(created);
    expect((await http('GET', `${base}/api/v1/membership/members?limit=501`, { token: admin })).status).toBe(400);
    expect((await http('GET', `${base}/api/v1/membership/members?cursor=garbage`, { token: admin })).status).toBe(400);
  });

  it('requires a valid token', async () => {
    expect((await http('GET', `${base}/api/v1/membership/members`)).status).toBe(401);
    expect((await http('GET', `${base}/api/v1/membership/members`, { token: 'not-a-token' })).status).toBe(401);
    const aidOfficer = tokenFor({ roles: ['aid-officer'] });
    expect((await enrol({ name: 'x', nationalId: nextId(), mobile: '13800138000', orgUnitId: unitA.id, employmentForm: 'regular' }, aidOfficer)).status).toBe(403);
  });
});
