import { MemberUpdatedV1 } from '@gonghui/contracts';
import { eventually, tokenFor, TopicReader } from '@gonghui/testing';
import { startMembership, Unit } from './membership-fixture';

/** Editing a member (会员信息维护) and seeing dual registrations (双报到), in-process against Postgres and the real broker. */
describe('membership that a union can maintain: edits and dual registration', () => {
  let m: Awaited<ReturnType<typeof startMembership>>;
  let events: TopicReader;
  let federation: Unit, districtA: Unit, districtB: Unit, companyA: Unit, streetB: Unit, communityB: Unit;
  let officerA: string, officerB: string, communityOfficer: string;
  const viewer = tokenFor({ username: 'auditor.edit', roles: ['membership-officer', 'personal-data-viewer'] });

  const outboxCount = async (memberId: string): Promise<number> =>
    Number(
      ((await m.runtime.dataSource.query(`SELECT count(*) AS n FROM outbox WHERE event_type = $1 AND message_key = $2`, [MemberUpdatedV1.type, memberId])) as { n: string }[])[0].n,
    );

  beforeAll(async () => {
    m = await startMembership();
    events = await TopicReader.open(MemberUpdatedV1.topic);
    federation = await m.unit('federation');
    districtA = await m.unit('district', federation, '编辑甲区');
    districtB = await m.unit('district', federation, '编辑乙区');
    companyA = await m.unit('grassroots-enterprise', districtA, '甲区企业工会');
    streetB = await m.unit('street', districtB, '乙区街道');
    communityB = await m.unit('grassroots-community', streetB, '乙区某社区工会');
    const officerOf = (u: Unit, name: string) => tokenFor({ username: name, roles: ['membership-officer'], orgUnitId: u.id, scopePath: u.path });
    officerA = officerOf(districtA, 'officer.edit.a');
    officerB = officerOf(districtB, 'officer.edit.b');
    communityOfficer = officerOf(communityB, 'officer.community');
  });

  afterAll(async () => {
    await events?.close();
    await m?.app.close();
  });

  it('edits mobile, employer, industry, skill level and honours; records the edit in the history and announces it with the mobile masked', async () => {
    const member = (await m.enrol({ orgUnitId: companyA.id, mobile: '13800138000' })).body;
    const edit = { mobile: '139 1234 5678', employerName: '某物流有限公司', employerCreditCode: '91350100m000100y43', industry: '交通运输', skillLevel: 'skilled', honours: ['craftsman', 'model-worker', 'craftsman'] };
    const res = await m.call('PATCH', `/members/${member.id}`, edit, officerA, { 'x-request-id': `edit-${member.id}` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: member.id,
      maskedMobile: '139****5678',
      employerName: '某物流有限公司',
      employerCreditCode: '91350100M000100Y43',
      industry: '交通运输',
      skillLevel: 'skilled',
      honours: ['model-worker', 'craftsman'],
      name: member.name,
      maskedNationalId: member.maskedNationalId,
    });
    expect((await m.call('GET', `/members/${member.id}`, undefined, officerA)).body).toEqual(res.body);

    const revealed = await m.call('POST', `/members/${member.id}/reveal-identity`, { reason: '核对变更后的手机号' }, viewer);
    expect(revealed.body.mobile).toBe('13912345678');

    const history = await m.call('GET', `/members/${member.id}/history`, undefined, officerA);
    expect(history.body).toEqual({ items: expect.any(Array), nextCursor: null });
    const entries = history.body.items;
    expect(entries.map((e: { kind: string }) => e.kind)).toEqual(['enrolled', 'updated']);
    expect(entries[1]).toMatchObject({ kind: 'updated', actor: 'officer.edit.a', changedFields: ['mobile', 'employerName', 'employerCreditCode', 'industry', 'skillLevel', 'honours'] });
    expect(JSON.stringify(entries)).not.toContain('13912345678');

    const received = await eventually(() => {
      const found = events.received.filter((r) => r.event?.type === MemberUpdatedV1.type && r.event.data.memberId === member.id);
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(received.key).toBe(member.id);
    expect(received.event!.data).toEqual({
      memberId: member.id,
      orgUnitId: companyA.id,
      changedFields: ['mobile', 'employerName', 'employerCreditCode', 'industry', 'skillLevel', 'honours'],
      maskedMobile: '139****5678',
      skillLevel: 'skilled',
      honours: ['model-worker', 'craftsman'],
      updatedAt: expect.any(String),
    });
    expect(received.event!.correlationid).toBe(`edit-${member.id}`);
    for (const raw of ['13912345678', '1234 5678']) {
      expect(received.value).not.toContain(raw);
      expect(JSON.stringify(received.headers)).not.toContain(raw);
    }
  });

  it('is idempotent in effect: the same edit again changes nothing, writes no history and publishes nothing; a partial edit changes only its fields', async () => {
    const member = (await m.enrol({ orgUnitId: companyA.id, mobile: '13800138000', skillLevel: 'novice' })).body;
    const first = await m.call('PATCH', `/members/${member.id}`, { skillLevel: 'master', mobile: '13700001111' }, officerA);
    expect(first.status).toBe(200);
    const again = await m.call('PATCH', `/members/${member.id}`, { skillLevel: 'master', mobile: '+86 137-0000-1111' }, officerA);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await outboxCount(member.id)).toBe(1);

    const partial = await m.call('PATCH', `/members/${member.id}`, { industry: '快递物流', skillLevel: 'master' }, officerA);
    expect(partial.body).toMatchObject({ industry: '快递物流', skillLevel: 'master', maskedMobile: '137****1111' });
    expect(await outboxCount(member.id)).toBe(2);
    const history = await m.call('GET', `/members/${member.id}/history`, undefined, officerA);
    expect(history.body).toEqual({ items: expect.any(Array), nextCursor: null });
    const entries = history.body.items;
    expect(entries.filter((e: { kind: string }) => e.kind === 'updated').map((e: { changedFields: string[] }) => e.changedFields)).toEqual([['mobile', 'skillLevel'], ['industry']]);
  });

  it('validates: a mobile by its real rule, null, empty, unknown fields and an empty edit are 400 problem+json naming the field', async () => {
    const member = (await m.enrol({ orgUnitId: companyA.id })).body;
    const cases: [Record<string, unknown>, string][] = [
      [{ mobile: '12345678901' }, 'mobile'],
      [{ mobile: '1380013800' }, 'mobile'],
      [{ mobile: null }, 'mobile'],
      [{ mobile: '' }, 'mobile'],
      [{ employerName: null }, 'employerName'],
      [{ employerName: '' }, 'employerName'],
      [{ industry: '' }, 'industry'],
      [{ employerCreditCode: '91350100M000100Y44' }, 'employerCreditCode'],
      [{ skillLevel: 'guru' }, 'skillLevel'],
      [{ skillLevel: null }, 'skillLevel'],
      [{ honours: ['nobel-prize'] }, 'honours'],
      [{ honours: null }, 'honours'],
      [{ name: '改名' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await m.call('PATCH', `/members/${member.id}`, body, officerA);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const empty = await m.call('PATCH', `/members/${member.id}`, {}, officerA);
    expect(empty.status).toBe(400);
    expect(empty.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await m.call('PATCH', `/members/not-a-uuid`, { industry: '制造业' }, officerA)).status).toBe(400);
    expect(await outboxCount(member.id)).toBe(0);
  });

  it('is scoped: another district’s officer gets 404, a community officer of a dual registration cannot edit, a member who left cannot be edited', async () => {
    const member = (await m.enrol({ orgUnitId: companyA.id })).body;
    const other = await m.call('PATCH', `/members/${member.id}`, { industry: '制造业' }, officerB);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await m.call('PATCH', `/members/00000000-0000-4000-8000-00000000dead`, { industry: '制造业' }, officerA)).status).toBe(404);

    expect((await m.call('POST', `/members/${member.id}/dual-registrations`, { communityOrgUnitId: communityB.id }, officerA)).status).toBe(201);
    expect((await m.call('PATCH', `/members/${member.id}`, { industry: '制造业' }, communityOfficer)).status).toBe(404);

    expect((await m.call('POST', `/members/${member.id}/leave`, { reason: 'changed-job' }, officerA)).status).toBe(200);
    const left = await m.call('PATCH', `/members/${member.id}`, { industry: '制造业' }, officerA);
    expect(left.status).toBe(422);
    expect(left.body.type).toMatch(/member-not-active$/);
    expect(await outboxCount(member.id)).toBe(0);
  });

  it('answers PUT and DELETE on a member with 405 problem+json', async () => {
    const member = (await m.enrol({ orgUnitId: companyA.id })).body;
    for (const method of ['PUT', 'DELETE']) {
      const res = await m.call(method, `/members/${member.id}`, method === 'PUT' ? { industry: '制造业' } : undefined, officerA);
      expect({ method, status: res.status }).toEqual({ method, status: 405 });
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 405, type: expect.stringMatching(/method-not-allowed$/) });
    }
    expect((await m.call('GET', `/members/${member.id}`, undefined, officerA)).status).toBe(200);
  });

  it('shows a dual registration: the member view names the community, the community lists and serves the member, marked as such', async () => {
    const member = (await m.enrol({ orgUnitId: companyA.id })).body;
    const own = (await m.enrol({ orgUnitId: communityB.id })).body;
    const registered = await m.call('POST', `/members/${member.id}/dual-registrations`, { communityOrgUnitId: communityB.id }, officerA);
    expect(registered.status).toBe(201);
    expect(registered.body.dualRegistrations).toEqual([{ communityOrgUnitId: communityB.id, communityName: expect.stringContaining('乙区某社区工会'), registeredAt: expect.any(String) }]);

    const seenByWorkplace = await m.call('GET', `/members/${member.id}`, undefined, officerA);
    expect(seenByWorkplace.body).toMatchObject({ servedAs: 'member', orgUnitId: companyA.id, dualRegistrations: [expect.objectContaining({ communityOrgUnitId: communityB.id })] });

    for (const token of [communityOfficer, officerB]) {
      const seen = await m.call('GET', `/members/${member.id}`, undefined, token);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ id: member.id, servedAs: 'dual-registration', orgUnitId: companyA.id });
      expect((await m.call('GET', `/members/${member.id}/history`, undefined, token)).status).toBe(200);
    }

    const listed = async (query: string, token: string) => {
      const res = await m.call('GET', `/members?${query}`, undefined, token);
      expect(res.status).toBe(200);
      return new Map((res.body.items as { id: string; servedAs: string }[]).map((i) => [i.id, i.servedAs]));
    };
    const community = await listed(`orgUnitId=${communityB.id}`, communityOfficer);
    expect(community.get(member.id)).toBe('dual-registration');
    expect(community.get(own.id)).toBe('member');
    expect((await listed(`orgUnitId=${communityB.id}`, m.admin)).get(member.id)).toBe('dual-registration');
    expect((await listed('limit=500', communityOfficer)).get(member.id)).toBe('dual-registration');
    expect((await listed(`orgUnitId=${companyA.id}`, officerA)).get(member.id)).toBe('member');

    // Not theirs to change: the workplace union keeps the member.
    expect((await m.call('POST', `/members/${member.id}/leave`, { reason: 'withdrew' }, communityOfficer)).status).toBe(404);
    // An unrelated district sees nothing.
    const districtC = await m.unit('district', federation, '编辑丙区');
    const officerC = tokenFor({ roles: ['membership-officer'], orgUnitId: districtC.id, scopePath: districtC.path });
    expect((await m.call('GET', `/members/${member.id}`, undefined, officerC)).status).toBe(404);
    expect((await listed('limit=500', officerC)).has(member.id)).toBe(false);
  });

  it('counts dual registrations on the community side, not twice as members', async () => {
    const district = await m.unit('district', federation, '统计区');
    const company = await m.unit('grassroots-enterprise', district, '统计企业');
    const street = await m.unit('street', district, '统计街道');
    const community = await m.unit('grassroots-community', street, '统计社区');
    const elsewhere = await m.unit('grassroots-enterprise', districtA, '统计外区企业');
    const here = (await m.enrol({ orgUnitId: company.id })).body;
    const fromElsewhere = (await m.enrol({ orgUnitId: elsewhere.id })).body;
    const leaver = (await m.enrol({ orgUnitId: elsewhere.id })).body;
    for (const member of [here, fromElsewhere, leaver]) {
      expect((await m.call('POST', `/members/${member.id}/dual-registrations`, { communityOrgUnitId: community.id })).status).toBe(201);
    }
    await m.call('POST', `/members/${leaver.id}/leave`, { reason: 'withdrew' });

    const communityStats = (await m.call('GET', `/org-units/${community.id}/statistics`)).body;
    expect(communityStats).toMatchObject({ activeMembers: 0, dualRegistrations: 2 });
    const districtStats = (await m.call('GET', `/org-units/${district.id}/statistics`)).body;
    expect(districtStats).toMatchObject({ activeMembers: 1, dualRegistrations: 2 });
    expect(districtStats.children).toEqual([
      expect.objectContaining({ orgUnitId: company.id, activeMembers: 1, dualRegistrations: 0 }),
      expect.objectContaining({ orgUnitId: street.id, activeMembers: 0, dualRegistrations: 2 }),
    ]);
    const elsewhereStats = (await m.call('GET', `/org-units/${elsewhere.id}/statistics`)).body;
    expect(elsewhereStats).toMatchObject({ activeMembers: 1, dualRegistrations: 0 });
  });
});
