import { tokenFor } from '@gonghui/testing';
import { startMembership, Unit } from './membership-fixture';

const cursorOf = (contents: unknown) => Buffer.from(JSON.stringify(contents)).toString('base64url');

describe('members read through the scoped repository: cursors, filtered pages, another district', () => {
  let m: Awaited<ReturnType<typeof startMembership>>;
  let federation: Unit, districtA: Unit, districtB: Unit, streetA: Unit, companyA: Unit, buildingA: Unit, unitB: Unit;
  let officerA: string;

  beforeAll(async () => {
    m = await startMembership();
    federation = await m.unit('federation');
    districtA = await m.unit('district', federation, '甲区总工会');
    districtB = await m.unit('district', federation, '乙区总工会');
    streetA = await m.unit('street', districtA, '甲区某街道总工会');
    companyA = await m.unit('grassroots-enterprise', streetA, '甲区某公司工会');
    buildingA = await m.unit('grassroots-building', streetA, '甲区某楼宇工会');
    unitB = await m.unit('industry', districtB, '乙区快递员工会');
    officerA = tokenFor({ username: 'officer.a', roles: ['membership-officer', 'personal-data-viewer'], orgUnitId: districtA.id, scopePath: districtA.path });
  });

  afterAll(async () => {
    await m?.app.close();
  });

  it('answers a cursor with wrong contents with a 400 problem on `cursor`, never a 500', async () => {
    const wrong = [
      'garbage',
      cursorOf({ t: 'yesterday', id: '6f1e0a51-1111-4d2e-8f10-a1b2c3d4e5f6' }),
      cursorOf({ t: '2026-01-01T00:00:00.000Z', id: 'not-a-uuid' }),
      cursorOf({ t: 1, id: 2 }),
      cursorOf({ id: '6f1e0a51-1111-4d2e-8f10-a1b2c3d4e5f6' }),
      cursorOf(['t', 'id']),
      cursorOf(null),
    ];
    for (const cursor of wrong) {
      const res = await m.call('GET', `/members?orgUnitId=${companyA.id}&cursor=${encodeURIComponent(cursor)}`);
      expect({ cursor, status: res.status }).toEqual({ cursor, status: 400 });
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 400 });
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    }
    // a well-formed cursor past every member is simply an empty page
    const after = await m.call('GET', `/members?orgUnitId=${companyA.id}&cursor=${cursorOf({ t: '2999-01-01T00:00:00.000Z', id: '6f1e0a51-1111-4d2e-8f10-a1b2c3d4e5f6' })}`);
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ items: [], nextCursor: null });
  });

  it('pages through a filtered list, returning every matching member once and no other', async () => {
    // a street's subtree: two unions under it, members of several forms, names and statuses
    const enrolled: { id: string; name: string; employmentForm: string; status: string }[] = [];
    const forms = ['gig-delivery', 'regular', 'gig-courier', 'gig-ride-hailing', 'regular'];
    for (let i = 0; i < 10; i++) {
      const unit = i % 2 === 0 ? companyA : buildingA;
      const name = i % 3 === 0 ? `上官${i}` : `诸葛${i}`;
      const res = await m.enrol({ orgUnitId: unit.id, name, employmentForm: forms[i % forms.length] });
      expect(res.status).toBe(201);
      enrolled.push({ id: res.body.id, name, employmentForm: res.body.employmentForm, status: 'active' });
    }
    for (const leaver of [enrolled[2], enrolled[5]]) {
      expect((await m.call('POST', `/members/${leaver.id}/leave`, { reason: 'retired' })).status).toBe(200);
      leaver.status = 'left';
    }
    // one in another district with a matching name and form, which the district officer must never see
    expect((await m.enrol({ orgUnitId: unitB.id, name: '诸葛亮', employmentForm: 'gig-delivery' })).status).toBe(201);

    const pages = async (query: string, token = m.admin) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let requests = 0;
      do {
        const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await m.call('GET', `/members?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, undefined, token);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((x) => x.id));
        cursor = res.body.nextCursor;
        expect(++requests).toBeLessThan(20);
      } while (cursor);
      return seen;
    };
    const expected = (keep: (e: (typeof enrolled)[number]) => boolean) => enrolled.filter(keep).map((e) => e.id);

    const gigActive = await pages(`orgUnitId=${streetA.id}&employmentForm=gig&status=active`);
    expect(gigActive).toEqual(expected((e) => e.employmentForm.startsWith('gig-') && e.status === 'active'));
    expect(new Set(gigActive).size).toBe(gigActive.length);

    const zhuge = await pages(`orgUnitId=${streetA.id}&name=${encodeURIComponent('诸葛')}`, officerA);
    expect(zhuge).toEqual(expected((e) => e.name.startsWith('诸葛')));

    const regularLeft = await pages(`orgUnitId=${streetA.id}&employmentForm=regular&status=left`);
    expect(regularLeft).toEqual(expected((e) => e.employmentForm === 'regular' && e.status === 'left'));

    // the whole district through the officer's own scope, without orgUnitId: every member of the street's subtree is there once
    const district = await pages(`employmentForm=gig&name=${encodeURIComponent('诸葛')}`, officerA);
    expect(district).toEqual(expected((e) => e.employmentForm.startsWith('gig-') && e.name.startsWith('诸葛')));

    // one unit of the subtree only
    expect(await pages(`orgUnitId=${buildingA.id}`)).toEqual(enrolled.filter((_, i) => i % 2 === 1).map((e) => e.id));
  });

  it('treats LIKE wildcards in a name as plain text, and keeps the date range inclusive', async () => {
    const unit = await m.unit('grassroots-enterprise', streetA, '通配符测试工会');
    const literal = (await m.enrol({ orgUnitId: unit.id, name: '王_伟' })).body;
    const other = (await m.enrol({ orgUnitId: unit.id, name: '王大伟' })).body;
    const percent = (await m.enrol({ orgUnitId: unit.id, name: '王%丽' })).body;
    const ids = async (query: string) => (await m.call('GET', `/members?orgUnitId=${unit.id}&${query}`)).body.items.map((x: { id: string }) => x.id);
    expect(await ids(`name=${encodeURIComponent('王_')}`)).toEqual([literal.id]);
    expect(await ids(`name=${encodeURIComponent('王%')}`)).toEqual([percent.id]);
    expect(await ids(`name=${encodeURIComponent('王')}`)).toEqual([literal.id, other.id, percent.id]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids(`enrolledFrom=${today}&enrolledTo=${today}`)).toEqual([literal.id, other.id, percent.id]);
    expect(await ids(`enrolledTo=${today}`)).toEqual([literal.id, other.id, percent.id]);
    expect(await ids('enrolledFrom=2999-01-01')).toEqual([]);
  });

  it('answers 404 for a unit outside the caller’s subtree, and for one that does not exist', async () => {
    const outside = await m.call('GET', `/members?orgUnitId=${unitB.id}`, undefined, officerA);
    expect(outside.status).toBe(404);
    expect(outside.headers.get('content-type')).toContain('application/problem+json');
    expect((await m.call('GET', '/members?orgUnitId=6f1e0a51-1111-4d2e-8f10-a1b2c3d4e5f6')).status).toBe(404);
    expect((await m.call('GET', `/members?orgUnitId=${districtA.id}`, undefined, officerA)).status).toBe(200);
  });

  it('gives a district officer a 404 for another district’s member on every read and action, and changes nothing', async () => {
    const theirs = (await m.enrol({ orgUnitId: unitB.id, name: '乙区会员' })).body;
    const ours = (await m.enrol({ orgUnitId: companyA.id, name: '甲区会员' })).body;
    const attempts: [string, string, unknown?][] = [
      ['GET', `/members/${theirs.id}`],
      ['GET', `/members/${theirs.id}/history`],
      ['POST', `/members/${theirs.id}/leave`, { reason: 'changed-job' }],
      ['POST', `/members/${theirs.id}/reveal-identity`, { reason: '核对医疗互助材料' }],
      ['GET', `/members/${theirs.id}/personal-data-access-log`],
      ['POST', `/members/${theirs.id}/transfer`, { toOrgUnitId: companyA.id }],
      ['POST', `/members/${theirs.id}/dual-registrations`, { communityOrgUnitId: companyA.id }],
      ['POST', `/members/${theirs.id}/reinstate`],
    ];
    for (const [method, path, body] of attempts) {
      const res = await m.call(method, path, body, officerA);
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    // the same requests on their own district's member work
    // read back through the entity, the member is exactly what the enrolment statement answered
    const read = await m.call('GET', `/members/${ours.id}`, undefined, officerA);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(ours);
    expect(ours.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await m.call('GET', `/members/${ours.id}/history`, undefined, officerA)).status).toBe(200);
    expect((await m.call('POST', `/members/${ours.id}/reveal-identity`, { reason: '核对医疗互助材料' }, officerA)).status).toBe(200);
    expect((await m.call('POST', `/members/${ours.id}/leave`, { reason: 'changed-job' }, officerA)).status).toBe(200);

    // nothing happened to the other district's member, and nobody saw its identifiers
    const still = await m.call('GET', `/members/${theirs.id}`);
    expect(still.body).toMatchObject({ status: 'active', leftAt: null, orgUnitId: unitB.id });
    expect((await m.call('GET', `/members/${theirs.id}/history`)).body.items.map((h: { kind: string }) => h.kind)).toEqual(['enrolled']);
    const viewer = tokenFor({ roles: ['personal-data-viewer'] });
    expect((await m.call('GET', `/members/${theirs.id}/personal-data-access-log`, undefined, viewer)).body).toEqual({ items: [], nextCursor: null });
  });

  it('answers `ids` with the members among them in the caller’s subtree (dual registrations too), silently leaving out the others', async () => {
    const ours = [(await m.enrol({ orgUnitId: companyA.id, name: '甲区张三' })).body, (await m.enrol({ orgUnitId: buildingA.id, name: '甲区李四' })).body];
    const theirs = (await m.enrol({ orgUnitId: unitB.id, name: '乙区王五' })).body;
    // a member of the other district who registered with a community union of district A (双报到) is district A's to serve
    const community = await m.unit('grassroots-community', streetA, '甲区某社区工会');
    const registered = (await m.enrol({ orgUnitId: unitB.id, name: '乙区赵六' })).body;
    expect((await m.call('POST', `/members/${registered.id}/dual-registrations`, { communityOrgUnitId: community.id })).status).toBe(201);
    const nobody = '6f1e0a51-1111-4d2e-8f10-a1b2c3d4e5f6';
    const asked = [ours[0].id, theirs.id, nobody, registered.id, ours[1].id];
    const named = (body: { items: { id: string; name: string; servedAs: string }[]; nextCursor: string | null }) => ({
      items: body.items.map((x) => [x.name, x.servedAs]),
      nextCursor: body.nextCursor,
    });

    const comma = await m.call('GET', `/members?ids=${asked.join(',')}&limit=100`, undefined, officerA);
    expect(comma.status).toBe(200);
    expect(named(comma.body)).toEqual({ items: [['甲区张三', 'member'], ['甲区李四', 'member'], ['乙区赵六', 'dual-registration']], nextCursor: null });
    const repeated = await m.call('GET', `/members?${asked.map((id) => `ids=${id}`).join('&')}&limit=100`, undefined, officerA);
    expect(repeated.body).toEqual(comma.body);
    // the administrator sees every one of them; the other district's officer only their own
    expect(named((await m.call('GET', `/members?ids=${asked.join(',')}`)).body).items.map(([name]) => name)).toEqual(['甲区张三', '甲区李四', '乙区王五', '乙区赵六']);
    const officerB = tokenFor({ username: 'officer.b', roles: ['membership-officer'], orgUnitId: districtB.id, scopePath: districtB.path });
    expect(named((await m.call('GET', `/members?ids=${asked.join(',')}`, undefined, officerB)).body).items.map(([name]) => name)).toEqual(['乙区王五', '乙区赵六']);
    // nothing in scope is an empty page, never a 403 or 404 that would tell the member exists
    expect((await m.call('GET', `/members?ids=${theirs.id}`, undefined, officerA)).body).toEqual({ items: [], nextCursor: null });
    // the other filters still apply, and the usual paging
    expect(named((await m.call('GET', `/members?ids=${asked.join(',')}&orgUnitId=${buildingA.id}`, undefined, officerA)).body).items).toEqual([['甲区李四', 'member']]);
    const first = await m.call('GET', `/members?ids=${asked.join(',')}&limit=2`, undefined, officerA);
    expect(first.body.items).toHaveLength(2);
    const second = await m.call('GET', `/members?ids=${asked.join(',')}&limit=2&cursor=${first.body.nextCursor}`, undefined, officerA);
    expect(named(second.body)).toEqual({ items: [['乙区赵六', 'dual-registration']], nextCursor: null });
  });

  it('refuses a malformed `ids` with a 400 problem naming `ids`', async () => {
    const valid = '6f1e0a51-1111-4d2e-8f10-a1b2c3d4e5f6';
    const hundredAndOne = Array.from({ length: 101 }, (_, i) => `6f1e0a51-1111-4d2e-8f10-${String(i).padStart(12, '0')}`);
    for (const query of [`ids=${valid},not-a-uuid`, `ids=${valid}&ids=12345`, 'ids=', `ids=${hundredAndOne.join(',')}`, `ids=${valid}'--`]) {
      const res = await m.call('GET', `/members?${query}`, undefined, officerA);
      expect({ query: query.slice(0, 60), status: res.status }).toEqual({ query: query.slice(0, 60), status: 400 });
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['ids']));
      expect(res.body.errors.every((e: { field: string }) => e.field === 'ids')).toBe(true);
    }
    expect((await m.call('GET', `/members?ids=${hundredAndOne.slice(0, 100).join(',')}`, undefined, officerA)).status).toBe(200);
  });
});
