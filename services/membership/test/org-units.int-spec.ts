import { OrgUnitDeactivatedV1, OrgUnitMovedV1, OrgUnitRenamedV1 } from '@gonghui/contracts';
import { eventually, tokenFor, TopicReader } from '@gonghui/testing';
import { startMembership } from './membership-fixture';

describe('organisation units: rename and deactivation', () => {
  let m: Awaited<ReturnType<typeof startMembership>>;
  let events: TopicReader;

  beforeAll(async () => {
    m = await startMembership();
    events = await TopicReader.open(OrgUnitRenamedV1.topic);
  });

  afterAll(async () => {
    await events?.close();
    await m?.app.close();
  });

  it('renames a unit and announces it', async () => {
    const federation = await m.unit('federation');
    const renamed = await m.call('PATCH', `/org-units/${federation.id}`, { name: '新名称市总工会', address: '人民路2号' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '新名称市总工会', address: '人民路2号' });
    await eventually(() => expect(events.events(OrgUnitRenamedV1.type).map((e) => e.data)).toContainEqual(expect.objectContaining({ orgUnitId: federation.id, name: '新名称市总工会' })));
    expect((await m.call('PATCH', `/org-units/${federation.id}`, { name: '' })).status).toBe(400);
  });

  it('deactivates a unit only once it has no active members and no active sub-units', async () => {
    const federation = await m.unit('federation');
    const district = await m.unit('district', federation);
    const union = await m.unit('industry', district);
    const member = (await m.enrol({ orgUnitId: union.id })).body;

    const busy = await m.call('POST', `/org-units/${union.id}/deactivate`);
    expect(busy.status).toBe(409);
    expect(busy.body.detail).toContain('1名在册会员');
    expect((await m.call('POST', `/org-units/${district.id}/deactivate`)).status).toBe(409);

    await m.call('POST', `/members/${member.id}/leave`, { reason: 'retired' });
    const done = await m.call('POST', `/org-units/${union.id}/deactivate`);
    expect(done.status).toBe(200);
    expect(done.body.active).toBe(false);
    expect((await m.call('POST', `/org-units/${union.id}/deactivate`)).status).toBe(409);
    await eventually(() => expect(events.events(OrgUnitDeactivatedV1.type).map((e) => e.data.orgUnitId)).toContain(union.id));

    const refused = await m.enrol({ orgUnitId: union.id });
    expect(refused.status).toBe(422);
    expect(refused.body.type).toContain('org-unit-inactive');
    expect((await m.call('POST', `/members/${member.id}/reinstate`)).status).toBe(422);
    expect((await m.call('POST', `/org-units/${district.id}/deactivate`)).status).toBe(200);
  });

  it('never leaves an active member in a deactivated unit when enrolments and the deactivation race', async () => {
    const federation = await m.unit('federation');
    for (let round = 0; round < 5; round++) {
      const union = await m.unit('industry', federation);
      const [deactivation, ...enrolments] = await Promise.all([
        m.call('POST', `/org-units/${union.id}/deactivate`),
        ...Array.from({ length: 8 }, () => m.enrol({ orgUnitId: union.id })),
      ]);
      const enrolled = enrolments.filter((r) => r.status === 201).length;
      const rows: { active: boolean; members: string }[] = await m.runtime.dataSource.query(
        `SELECT active, (SELECT count(*) FROM members WHERE org_unit_id = $1 AND status = 'active') AS members FROM org_units WHERE id = $1`,
        [union.id],
      );
      expect({ active: rows[0].active, members: Number(rows[0].members) }).toEqual(
        deactivation.status === 200 ? { active: false, members: 0 } : { active: true, members: enrolled },
      );
      for (const refused of enrolments.filter((r) => r.status !== 201)) expect(refused.body.type).toContain('org-unit-inactive');
    }
  });

  it('moves a street with its unions and members to another district (组织划转)', async () => {
    const federation = await m.unit('federation');
    const from = await m.unit('district', federation, '甲区');
    const to = await m.unit('district', federation, '乙区');
    const street = await m.unit('street', from, '划转街道');
    const company = await m.unit('grassroots-enterprise', street, '划转企业工会');
    const member = (await m.enrol({ orgUnitId: company.id })).body;
    const officerOf = (d: { id: string; path: string }) => tokenFor({ roles: ['membership-officer'], orgUnitId: d.id, scopePath: d.path });

    expect((await m.call('POST', `/org-units/${street.id}/move`, { newParentId: company.id })).status).toBe(422); // into itself
    expect((await m.call('POST', `/org-units/${federation.id}/move`, { newParentId: to.id })).status).toBe(422); // the root
    expect((await m.call('POST', `/org-units/${street.id}/move`, { newParentId: federation.id })).status).toBe(422); // a street under the federation
    expect((await m.call('POST', `/org-units/${street.id}/move`, { newParentId: to.id }, officerOf(from))).status).toBe(422); // target outside the officer's subtree

    const moved = await m.call('POST', `/org-units/${street.id}/move`, { newParentId: to.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: to.id, path: `${to.path}${street.id.replace(/-/g, '')}/` });
    expect((await m.call('GET', `/org-units/${company.id}`)).body.path).toBe(`${moved.body.path}${company.id.replace(/-/g, '')}/`);

    expect((await m.call('GET', `/members/${member.id}`, undefined, officerOf(to))).status).toBe(200);
    expect((await m.call('GET', `/members/${member.id}`, undefined, officerOf(from))).status).toBe(404);
    expect((await m.call('GET', `/org-units/${to.id}/statistics`)).body.activeMembers).toBe(1);
    expect((await m.call('GET', `/org-units/${from.id}/statistics`)).body.activeMembers).toBe(0);

    await eventually(() =>
      expect(events.events(OrgUnitMovedV1.type).map((e) => e.data)).toContainEqual(
        expect.objectContaining({ orgUnitId: street.id, fromParentId: from.id, toParentId: to.id, oldPath: street.path, newPath: moved.body.path }),
      ),
    );
  });
});
