import { AidReferralRecordedV1, DisputeCaseSettledV1, HardshipFileOpenedV1, MemberEnrolledV1, SessionBookedV1 } from '@gonghui/contracts';
import { syntheticNationalId } from '@gonghui/identifiers';
import { RunningSystem } from '@gonghui/infra';
import { eventually, http, TopicReader } from '@gonghui/testing';
import { login as loginAs, rootUnit, startE2ESystem } from './support/system';

/**
 * The whole system as users reach it: five processes, the gateway in front, real Postgres and
 * Kafka. Effects that cross services are awaited, never slept for.
 */
describe('Gonghui end to end, through the gateway', () => {
  let system: RunningSystem;
  let gw: string;
  let admin: string;
  const readers: TopicReader[] = [];
  const tag = Date.now().toString(36);
  let seq = 3_000_000 + Math.floor(Math.random() * 1_000_000);

  const api = (method: string, path: string, body?: unknown, token = admin, headers?: Record<string, string>) =>
    http(method, `${gw}${path}`, { token, body, headers });
  const created = async (method: string, path: string, body: unknown, token = admin) => {
    const res = await api(method, path, body, token);
    if (res.status !== 201) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const read = async (topic: string) => {
    const reader = await TopicReader.open(topic);
    readers.push(reader);
    return reader;
  };

  let district: { id: string; path: string };
  let otherDistrict: { id: string };
  let union: { id: string };
  let member: { id: string; maskedNationalId: string };

  beforeAll(async () => {
    ({ system, gw } = await startE2ESystem());
    const login = await loginAs(gw);
    expect(login.status).toBe(200);
    admin = login.body.accessToken;
  });

  afterAll(async () => {
    await Promise.all(readers.map((r) => r.close()));
    await system?.stop();
  });

  it('reports every service, Kafka and Postgres healthy', async () => {
    const res = await http('GET', `${gw}/health`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'up', postgres: { status: 'up' }, kafka: { status: 'up' } });
    expect(Object.keys(res.body.services).sort()).toEqual(['aid', 'mediation', 'membership', 'training']);
    for (const s of Object.values(res.body.services) as { status: string }[]) expect(s.status).toBe('up');
  });

  it('refuses a wrong password and unauthenticated calls with problem+json, and answers unknown paths with 404', async () => {
    const wrong = await http('POST', `${gw}/api/v1/auth/token`, { body: { username: 'admin', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    const anonymous = await http('GET', `${gw}/api/v1/membership/members`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.type).toContain('unauthenticated');
    expect((await api('GET', '/api/v1/payroll/things')).status).toBe(404);
  });

  it('enrols a member through the gateway and publishes the enrolment with a masked ID only', async () => {
    const enrolled = await read(MemberEnrolledV1.topic);
    // The tree has one root (市总工会): the suite builds its districts under it, named for this run.
    const federation = await rootUnit(gw, admin, `E2E-${tag}`);
    district = await created('POST', '/api/v1/membership/org-units', { parentId: federation.id, code: `E2E-${tag}-D1`, name: `一区总工会 ${tag}`, kind: 'district' });
    otherDistrict = await created('POST', '/api/v1/membership/org-units', { parentId: federation.id, code: `E2E-${tag}-D2`, name: `二区总工会 ${tag}`, kind: 'district' });
    union = await created('POST', '/api/v1/membership/org-units', { parentId: district.id, code: `E2E-${tag}-RIDE`, name: '一区网约车司机工会', kind: 'industry' });

    const nationalId = syntheticNationalId(seq++);
    const res = await api('POST', '/api/v1/membership/members', { name: '孙丽', nationalId, mobile: '13612345678', orgUnitId: union.id, employmentForm: 'gig-ride-hailing' }, admin, {
      'x-request-id': `e2e-${tag}`,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe(`e2e-${tag}`);
    member = res.body;

    const event = await eventually(() => {
      const found = enrolled.received.find((r) => r.event?.data.memberId === member.id);
      expect(found).toBeDefined();
      return found!;
    });
    expect(event.key).toBe(member.id);
    expect(event.headers.ce_correlationid).toBe(`e2e-${tag}`);
    expect(event.event!.data.maskedNationalId).toBe(member.maskedNationalId);
    expect(event.value).not.toContain(nationalId);

    const bad = await api('POST', '/api/v1/membership/members', { name: '错号', nationalId: '110105194912310021', mobile: '13612345679', orgUnitId: union.id, employmentForm: 'regular' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('nationalId');
    const elsewhere = await created('POST', '/api/v1/membership/org-units', { parentId: otherDistrict.id, code: `E2E-${tag}-D2-C`, name: '二区快递员工会', kind: 'industry' });
    const twice = await api('POST', '/api/v1/membership/members', { name: '孙丽', nationalId, mobile: '13612345678', orgUnitId: elsewhere.id, employmentForm: 'regular' });
    expect(twice.status).toBe(409);
  });

  it('aid opens a hardship file for the member once it has learned of them from the event', async () => {
    const opened = await read(HardshipFileOpenedV1.topic);
    const visit = { visitedOn: '2026-11-20', householdSize: 4, monthlyHouseholdIncomeFen: 280_000, incomeSources: '本人跑网约车', housing: '租房', health: '孩子患白血病', childrenSchooling: '一子读小学' };
    const file = await eventually(async () => {
      const res = await api('POST', '/api/v1/aid/hardship-files', { memberId: member.id, cause: 'illness', visit });
      expect(res.status).toBe(201);
      return res.body;
    });
    expect(file).toMatchObject({ memberId: member.id, status: 'open', orgUnitId: union.id });
    const event = await eventually(() => {
      const found = opened.events(HardshipFileOpenedV1.type).find((e) => e.data.fileId === file.id);
      expect(found).toBeDefined();
      return found!;
    });
    expect(JSON.stringify(event.data)).not.toContain('白血病'); // health details stay in aid

    const unknown = await api('POST', '/api/v1/aid/hardship-files', { memberId: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', cause: 'illness', visit });
    expect(unknown.status).toBe(422);
  });

  it('training books the member onto a session, and no further than its capacity', async () => {
    const booked = await read(SessionBookedV1.topic);
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const session = await created('POST', '/api/v1/training/sessions', {
      courseTitle: '育婴员（初级）',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
      location: '职工文化宫',
      capacity: 1,
    });
    const booking = await eventually(async () => {
      const res = await api('POST', `/api/v1/training/sessions/${session.id}/bookings`, { memberId: member.id });
      expect(res.status).toBe(201);
      return res.body;
    });
    await eventually(() => expect(booked.events(SessionBookedV1.type).map((e) => e.data.bookingId)).toContain(booking.id));
    expect((await api('POST', `/api/v1/training/sessions/${session.id}/bookings`, { memberId: member.id })).status).toBe(409);
    const seat = await api('GET', `/api/v1/training/sessions/${session.id}`);
    expect(seat.body).toMatchObject({ capacity: 1, booked: 1 });
  });

  it('a dispute closed with an agreement makes aid record a referral for the worker', async () => {
    const settledReader = await read(DisputeCaseSettledV1.topic);
    const referralReader = await read(AidReferralRecordedV1.topic);
    const disputeCase = await eventually(async () => {
      const res = await api('POST', '/api/v1/mediation/cases', { memberId: member.id, source: 'complaint', summary: '平台拖欠服务费', employerName: '某出行平台' });
      expect(res.status).toBe(201);
      return res.body;
    });
    const closed = await api('POST', `/api/v1/mediation/cases/${disputeCase.id}/settle`, {
      obligations: [{ description: '平台补付服务费', amountFen: 1_300_000, dueDate: '2026-12-15' }, { description: '书面致歉' }],
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'settled', agreement: { totalAmountFen: 1_300_000 } });
    expect((await api('POST', `/api/v1/mediation/cases/${disputeCase.id}/settle`, { obligations: [{ description: 'again' }] })).status).toBe(409);

    await eventually(() => expect(settledReader.events(DisputeCaseSettledV1.type).map((e) => e.data.caseId)).toContain(disputeCase.id));
    const referral = await eventually(async () => {
      const res = await api('GET', `/api/v1/aid/referrals?memberId=${member.id}`);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      return res.body.items[0];
    });
    expect(referral).toMatchObject({ memberId: member.id, source: 'mediation', sourceCaseId: disputeCase.id, agreedAmountFen: 1_300_000 });
    await eventually(() => expect(referralReader.events(AidReferralRecordedV1.type).map((e) => e.data.referralId)).toContain(referral.id));
  });

  it('a district officer created by the administrator sees only their district', async () => {
    const officer = await eventually(async () => {
      const res = await api('POST', '/api/v1/auth/users', {
        username: `officer-${tag}`,
        displayName: '二区专员',
        password: 'correct horse battery',
        roles: ['membership-officer', 'aid-officer'],
        orgUnitId: otherDistrict.id,
      });
      expect(res.status).toBe(201); // once the gateway has learned of the unit from membership's event
      return res.body;
    });
    expect(officer.scopePath).toMatch(/^\/[0-9a-f]{32}\/[0-9a-f]{32}\/$/);
    const login = await http('POST', `${gw}/api/v1/auth/token`, { body: { username: `officer-${tag}`, password: 'correct horse battery' } });
    const token = login.body.accessToken;
    expect((await api('GET', `/api/v1/membership/members/${member.id}`, undefined, token)).status).toBe(404);
    expect((await api('GET', `/api/v1/membership/members/${member.id}`)).status).toBe(200);
    const referrals = await api('GET', `/api/v1/aid/referrals?memberId=${member.id}`, undefined, token);
    expect(referrals.body.items).toEqual([]);
    expect((await api('POST', '/api/v1/mediation/cases', { memberId: member.id, source: 'complaint', summary: 'x', employerName: 'y' }, token)).status).toBe(403);
  });

  it('a member who leaves the union is no longer eligible for training bookings or a hardship file', async () => {
    const leaver = await created('POST', '/api/v1/membership/members', { name: '钱进', nationalId: syntheticNationalId(seq++), mobile: '13712345678', orgUnitId: union.id, employmentForm: 'gig-delivery' });
    const startsAt = new Date(Date.now() + 9 * 86_400_000);
    const session = await created('POST', '/api/v1/training/sessions', {
      courseTitle: '电商直播',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      location: '职工服务中心',
      capacity: 10,
    });
    const left = await api('POST', `/api/v1/membership/members/${leaver.id}/leave`, { reason: 'withdrew' });
    expect(left.status).toBe(200);
    const refused = await eventually(async () => {
      const res = await api('POST', `/api/v1/training/sessions/${session.id}/bookings`, { memberId: leaver.id });
      expect(res.status).toBe(422);
      expect(res.body.type).toContain('member-not-active');
      return res;
    });
    expect(refused.body.errors[0].field).toBe('memberId');
    // Aid consumes the same event on its own schedule: training having seen it says nothing about aid.
    await eventually(async () => {
      const file = await api('POST', '/api/v1/aid/hardship-files', {
        memberId: leaver.id,
        cause: 'unemployment',
        visit: { visitedOn: '2026-11-21', householdSize: 2, monthlyHouseholdIncomeFen: 0, incomeSources: '无', housing: '租房', health: '良好', childrenSchooling: '无' },
      });
      expect(file.status).toBe(422);
      expect(file.body.type).toContain('member-not-active');
    });
  });

  it('documents the whole API in one OpenAPI document and every event in AsyncAPI', async () => {
    const openApi = await http('GET', `${gw}/api/docs-json`);
    expect(openApi.status).toBe(200);
    const paths = Object.keys(openApi.body.paths);
    for (const p of ['/api/v1/auth/token', '/api/v1/membership/members', '/api/v1/aid/hardship-files', '/api/v1/training/sessions/{id}/bookings', '/api/v1/mediation/cases/{id}/settle']) {
      expect(paths).toContain(p);
    }
    expect(openApi.body.components.schemas['membership.EnrolMemberRequest']).toBeDefined();
    const ui = await http('GET', `${gw}/api/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toContain('text/html');

    const asyncApi = await http('GET', `${gw}/api/v1/events/asyncapi`);
    expect(asyncApi.status).toBe(200);
    expect(asyncApi.body.asyncapi).toBe('3.0.0');
    const addresses = Object.values(asyncApi.body.channels).map((c: any) => c.address);
    expect(addresses).toEqual(expect.arrayContaining(['gonghui.membership.member.v1', 'gonghui.mediation.case.v1', 'gonghui.aid.referral.v1']));
  });
});
