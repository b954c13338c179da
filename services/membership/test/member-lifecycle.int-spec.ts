import { MemberLeftV1, MemberTransferredV1 } from '@gonghui/contracts';
import { chinaDate } from '@gonghui/service-kit';
import { eventually, tokenFor, TopicReader } from '@gonghui/testing';
import { startMembership, Unit } from './membership-fixture';

describe('membership after enrolment: transfer, dual registration, leaving, reinstatement, lookup, reveal, search, statistics', () => {
  let m: Awaited<ReturnType<typeof startMembership>>;
  let federation: Unit, district: Unit, street: Unit, company: Unit, community: Unit, ride: Unit, otherDistrict: Unit, otherUnit: Unit;
  let memberEvents: TopicReader;

  beforeAll(async () => {
    m = await startMembership();
    memberEvents = await TopicReader.open(MemberTransferredV1.topic);
    federation = await m.unit('federation');
    district = await m.unit('district', federation);
    street = await m.unit('street', district);
    company = await m.unit('grassroots-enterprise', street, '某物流公司工会');
    community = await m.unit('grassroots-community', street, '某社区工会');
    ride = await m.unit('industry', district, '网约车司机工会');
    otherDistrict = await m.unit('district', federation);
    otherUnit = await m.unit('industry', otherDistrict);
  });

  afterAll(async () => {
    await memberEvents?.close();
    await m?.app.close();
  });

  it('stores the attributes other programmes use and refuses a unit that does not hold members', async () => {
    const res = await m.enrol({ orgUnitId: company.id, industry: '物流', employerName: '某物流有限公司', employerCreditCode: '91350100M000100Y43', skillLevel: 'skilled', honours: ['craftsman'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ industry: '物流', employerCreditCode: '91350100M000100Y43', skillLevel: 'skilled', honours: ['craftsman'], leftAt: null });
    const street = await m.enrol({ orgUnitId: district.id });
    expect(street.status).toBe(422);
    expect(street.body.type).toContain('unit-cannot-enrol');
    const badEmployer = await m.enrol({ orgUnitId: company.id, employerCreditCode: '91350100M000100Y44' });
    expect(badEmployer.status).toBe(400);
    expect(badEmployer.body.errors[0].field).toBe('employerCreditCode');
  });

  it('transfers a member to another union, keeps the history and announces it', async () => {
    const member = (await m.enrol({ orgUnitId: company.id })).body;
    const moved = await m.call('POST', `/members/${member.id}/transfer`, { toOrgUnitId: ride.id, reason: '改跑网约车' });
    expect(moved.status).toBe(200);
    expect(moved.body.orgUnitId).toBe(ride.id);
    expect((await m.call('POST', `/members/${member.id}/transfer`, { toOrgUnitId: street.id })).status).toBe(422);

    const history = await m.call('GET', `/members/${member.id}/history`);
    expect(history.body).toEqual({ items: [expect.objectContaining({ kind: 'enrolled' }), expect.objectContaining({ kind: 'transferred' })], nextCursor: null });
    expect(history.body.items[1]).toMatchObject({ fromOrgUnitId: company.id, toOrgUnitId: ride.id, reason: '改跑网约车' });
    // Shown in China Standard Time, the same instant as the member's enrolment and its event.
    expect(history.body.items[0].occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
    expect(moved.body.enrolledAt).toMatch(/\+08:00$/);
    expect(Math.abs(Date.parse(history.body.items[0].occurredAt) - Date.parse(member.enrolledAt))).toBeLessThan(5_000);

    // A page at a time: one entry, then the rest after its cursor; a cursor that is not one is a 400.
    const first = await m.call('GET', `/members/${member.id}/history?limit=1`);
    expect(first.body).toEqual({ items: [history.body.items[0]], nextCursor: expect.any(String) });
    const rest = await m.call('GET', `/members/${member.id}/history?limit=1&cursor=${first.body.nextCursor}`);
    expect(rest.body).toEqual({ items: [history.body.items[1]], nextCursor: null });
    const forged = Buffer.from(JSON.stringify({ t: '2026-11-26T08:00:00+08:00', id: member.id })).toString('base64url');
    const bad = await m.call('GET', `/members/${member.id}/history?cursor=${forged}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);

    const event = await eventually(() => {
      const found = memberEvents.events(MemberTransferredV1.type).find((e) => e.data.memberId === member.id);
      expect(found).toBeDefined();
      return found!;
    });
    expect(event.data).toMatchObject({ fromOrgUnitId: company.id, toOrgUnitId: ride.id, orgUnitPath: ride.path });
  });

  it('registers a member with their community union once, and only with a community union', async () => {
    const member = (await m.enrol({ orgUnitId: company.id })).body;
    expect((await m.call('POST', `/members/${member.id}/dual-registrations`, { communityOrgUnitId: community.id })).status).toBe(201);
    expect((await m.call('POST', `/members/${member.id}/dual-registrations`, { communityOrgUnitId: community.id })).status).toBe(409);
    expect((await m.call('POST', `/members/${member.id}/dual-registrations`, { communityOrgUnitId: ride.id })).status).toBe(422);
  });

  it('lets a member leave and be reinstated, but never active twice', async () => {
    const nationalId = m.nextNationalId();
    const member = (await m.enrol({ orgUnitId: company.id, nationalId })).body;
    const left = await m.call('POST', `/members/${member.id}/leave`, { reason: 'changed-job' });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ status: 'left', leftAt: expect.any(String) });
    expect((await m.call('POST', `/members/${member.id}/leave`, { reason: 'changed-job' })).status).toBe(409);
    await eventually(() => expect(memberEvents.events(MemberLeftV1.type).map((e) => e.data.memberId)).toContain(member.id));

    // the same person enrols anew elsewhere; the old membership cannot come back beside it
    const again = await m.enrol({ orgUnitId: ride.id, nationalId });
    expect(again.status).toBe(201);
    const clash = await m.call('POST', `/members/${member.id}/reinstate`);
    expect(clash.status).toBe(409);
    await m.call('POST', `/members/${again.body.id}/leave`, { reason: 'withdrew' });
    const back = await m.call('POST', `/members/${member.id}/reinstate`);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'active', leftAt: null });
    const history = await m.call('GET', `/members/${member.id}/history`);
    expect(history.body.items.map((h: { kind: string }) => h.kind)).toEqual(['enrolled', 'left', 'reinstated']);
    expect(history.body.nextCursor).toBeNull();
  });

  it('finds every membership of a person by resident ID, inside the caller’s subtree only', async () => {
    const nationalId = m.nextNationalId();
    const member = (await m.enrol({ orgUnitId: otherUnit.id, nationalId })).body;
    const found = await m.call('POST', '/members/lookup', { nationalId: nationalId.toLowerCase(), reason: '核对会籍' });
    expect(found.status).toBe(200);
    expect(found.body.map((x: { id: string }) => x.id)).toEqual([member.id]);
    const officer = tokenFor({ roles: ['membership-officer'], orgUnitId: district.id, scopePath: district.path });
    expect((await m.call('POST', '/members/lookup', { nationalId, reason: '核对会籍' }, officer)).status).toBe(404);
    expect((await m.call('POST', '/members/lookup', { nationalId: '123', reason: '核对会籍' })).status).toBe(400);
  });

  it('reveals the full identifiers only to a personal-data viewer who gives a reason, and logs it', async () => {
    const nationalId = m.nextNationalId();
    const member = (await m.enrol({ orgUnitId: company.id, nationalId, mobile: '13912345678' })).body;
    const officer = tokenFor({ username: 'officer.li', roles: ['membership-officer'] });
    expect((await m.call('POST', `/members/${member.id}/reveal-identity`, { reason: '核对医疗互助材料' }, officer)).status).toBe(403);
    // The federation administrator too needs the role by name: holding every other role is not enough.
    expect((await m.call('POST', `/members/${member.id}/reveal-identity`, { reason: '核对医疗互助材料' }, tokenFor({ username: 'admin', roles: ['federation-admin'] }))).status).toBe(403);
    expect((await m.call('GET', `/members/${member.id}/personal-data-access-log`, undefined, tokenFor({ roles: ['federation-admin'] }))).status).toBe(403);
    const adminViewer = tokenFor({ username: 'admin', roles: ['federation-admin', 'personal-data-viewer'] });
    expect((await m.call('POST', `/members/${member.id}/reveal-identity`, { reason: '' }, adminViewer)).status).toBe(400);
    const viewer = tokenFor({ username: 'auditor.wang', roles: ['personal-data-viewer'] });
    expect((await m.call('POST', `/members/${member.id}/reveal-identity`, { reason: '' }, viewer)).status).toBe(400);
    const revealed = await m.call('POST', `/members/${member.id}/reveal-identity`, { reason: '核对医疗互助材料' }, viewer);
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({ nationalId, mobile: '13912345678' });
    const log = await m.call('GET', `/members/${member.id}/personal-data-access-log`, undefined, viewer);
    expect(log.body).toEqual({ items: [{ actor: 'auditor.wang', reason: '核对医疗互助材料', accessedAt: expect.stringMatching(/\+08:00$/) }], nextCursor: null });
    expect(Math.abs(Date.parse(log.body.items[0].accessedAt) - Date.now())).toBeLessThan(60_000);

    // Paged like every list: a second reveal comes on the next page.
    await m.call('POST', `/members/${member.id}/reveal-identity`, { reason: '复核医疗互助材料' }, adminViewer);
    const first = await m.call('GET', `/members/${member.id}/personal-data-access-log?limit=1`, undefined, viewer);
    expect(first.body).toEqual({ items: [log.body.items[0]], nextCursor: expect.any(String) });
    const next = await m.call('GET', `/members/${member.id}/personal-data-access-log?limit=1&cursor=${first.body.nextCursor}`, undefined, viewer);
    expect(next.body).toEqual({ items: [expect.objectContaining({ actor: 'admin', reason: '复核医疗互助材料' })], nextCursor: null });
  });

  it('searches by status, employment form, skill level, name and enrolment date', async () => {
    const unit = await m.unit('grassroots-building', street, '楼宇工会');
    const a = (await m.enrol({ orgUnitId: unit.id, name: '欧阳娜', employmentForm: 'gig-delivery', skillLevel: 'master' })).body;
    const b = (await m.enrol({ orgUnitId: unit.id, name: '欧阳强', employmentForm: 'regular' })).body;
    const c = (await m.enrol({ orgUnitId: unit.id, name: '司马光', employmentForm: 'gig-courier' })).body;
    await m.call('POST', `/members/${c.id}/leave`, { reason: 'retired' });
    const ids = async (query: string) => (await m.call('GET', `/members?orgUnitId=${unit.id}&${query}`)).body.items.map((x: { id: string }) => x.id);
    expect(await ids('employmentForm=gig')).toEqual([a.id, c.id]);
    expect(await ids('employmentForm=gig&status=active')).toEqual([a.id]);
    expect(await ids(`name=${encodeURIComponent('欧阳')}`)).toEqual([a.id, b.id]);
    expect(await ids('skillLevel=master')).toEqual([a.id]);
    const today = chinaDate(new Date());
    expect(await ids(`enrolledFrom=${today}&status=active`)).toEqual([a.id, b.id]);
    expect(await ids('enrolledTo=2000-01-01')).toEqual([]);
    expect((await m.call('GET', `/members?employmentForm=astronaut`)).status).toBe(400);
  });

  it('judges enrolment dates in China and shows the times in China Standard Time (+08:00)', async () => {
    const unit = await m.unit('grassroots-building', street, '楼宇工会');
    const late = (await m.enrol({ orgUnitId: unit.id, name: '午夜入会' })).body;
    // 00:30 on 26 November in Chongqing is still 25 November in UTC.
    await m.runtime.dataSource.query('UPDATE members SET enrolled_at = $2 WHERE id = $1', [late.id, '2026-11-26T00:30:00+08:00']);
    const ids = async (query: string) => (await m.call('GET', `/members?orgUnitId=${unit.id}&${query}`)).body.items.map((x: { id: string }) => x.id);
    expect(await ids('enrolledFrom=2026-11-26&enrolledTo=2026-11-26')).toEqual([late.id]);
    expect(await ids('enrolledFrom=2026-11-25&enrolledTo=2026-11-25')).toEqual([]);
    const shown = await m.call('GET', `/members/${late.id}`);
    expect(shown.body.enrolledAt).toBe('2026-11-26T00:30:00.000+08:00');
    const listed = (await m.call('GET', `/members?orgUnitId=${unit.id}`)).body.items[0];
    expect(listed.enrolledAt).toBe('2026-11-26T00:30:00.000+08:00');
    const left = await m.call('POST', `/members/${late.id}/leave`, { reason: 'retired' });
    expect(left.body.leftAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
    expect(Math.abs(Date.parse(left.body.leftAt) - Date.now())).toBeLessThan(60_000);
    // Events keep UTC: the same instant, as a Z time.
    const event = await eventually(() => {
      const found = memberEvents.events(MemberLeftV1.type).find((e) => e.data.memberId === late.id);
      expect(found).toBeDefined();
      return found!;
    });
    expect(event.data.leftAt).toMatch(/Z$/);
    expect(Date.parse(event.data.leftAt)).toBe(Date.parse(left.body.leftAt));
    expect((await m.call('GET', `/org-units/${unit.id}`)).body.createdAt).toMatch(/\+08:00$/);

    // No answer of the service's lists and views holds a UTC (Z) time.
    await m.call('POST', '/members/lookup', { nationalId: m.nextNationalId(), reason: '核对会籍' });
    await m.call('POST', '/prospects', { name: '陈师傅', occupationCategory: '外卖配送', employmentForm: 'gig-delivery', foundByOrgUnitId: street.id, surveyedOn: chinaDate(new Date()) });
    await m.call('POST', `/members/${late.id}/reveal-identity`, { reason: '核对医疗互助材料' }, tokenFor({ roles: ['personal-data-viewer'] }));
    const viewer = tokenFor({ roles: ['federation-admin', 'personal-data-viewer'] });
    for (const path of [`/members/${late.id}`, `/members?orgUnitId=${unit.id}`, `/members/${late.id}/history`, `/members/${late.id}/personal-data-access-log`, `/org-units/${unit.id}`, '/org-units?limit=5', '/prospects?limit=5', '/lookup-log?limit=5']) {
      const answer = await m.call('GET', path, undefined, viewer);
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
      const text = JSON.stringify(answer.body);
      expect(text).toMatch(/T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00"/);
      expect({ path, utc: text.match(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z"/g) }).toEqual({ path, utc: null });
    }
  });

  it('rolls member figures up the tree', async () => {
    const d = await m.unit('district', federation);
    const s1 = await m.unit('street', d);
    const g1 = await m.unit('grassroots-enterprise', s1);
    const g2 = await m.unit('industry', d);
    await m.enrol({ orgUnitId: g1.id, employmentForm: 'gig-delivery' });
    await m.enrol({ orgUnitId: g1.id });
    const leaver = (await m.enrol({ orgUnitId: g2.id, employmentForm: 'gig-ride-hailing' })).body;
    await m.call('POST', `/members/${leaver.id}/leave`, { reason: 'withdrew' });
    const stats = await m.call('GET', `/org-units/${d.id}/statistics`);
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ orgUnitId: d.id, activeMembers: 2, gigWorkers: 1, newThisMonth: 3, newThisYear: 3, leftThisYear: 1 });
    expect(stats.body.children).toEqual([
      expect.objectContaining({ orgUnitId: s1.id, activeMembers: 2, gigWorkers: 1 }),
      expect.objectContaining({ orgUnitId: g2.id, activeMembers: 0, leftThisYear: 1 }),
    ]);
  });
});
