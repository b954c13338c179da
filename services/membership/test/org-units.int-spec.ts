import { OrgUnitDeactivatedV1, OrgUnitRenamedV1 } from '@gonghui/contracts';
import { eventually, TopicReader } from '@gonghui/testing';
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
});
