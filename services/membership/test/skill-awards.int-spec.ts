import { randomUUID } from 'node:crypto';
import { HonourAwardedV1, MemberUpdatedV1, SkillLevelGrantedV1 } from '@gonghui/contracts';
import { EventSender, eventually, tokenFor, TopicReader } from '@gonghui/testing';
import { startMembership, Unit } from './membership-fixture';

/** Training's skill levels and honours reach the member record through the broker (real Postgres and Kafka). */
describe('membership: skill levels and honours granted by training', () => {
  let m: Awaited<ReturnType<typeof startMembership>>;
  let updates: TopicReader;
  let training: EventSender;
  let company: Unit;
  let officer: string;

  beforeAll(async () => {
    m = await startMembership();
    updates = await TopicReader.open(MemberUpdatedV1.topic);
    training = await EventSender.open('membership-skill-awards-test');
    const federation = await m.unit('federation');
    const district = await m.unit('district', federation, '技能区');
    company = await m.unit('grassroots-enterprise', district, '技能区某企业工会');
    officer = tokenFor({ username: 'officer.skills', roles: ['membership-officer'], orgUnitId: district.id, scopePath: district.path });
  });

  afterAll(async () => {
    await training?.close();
    await updates?.close();
    await m?.app.close();
  });

  const memberOf = async (id: string) => (await m.call('GET', `/members/${id}`, undefined, officer)).body as { skillLevel: string; honours: string[] };
  const updatesOf = (id: string) => updates.received.filter((r) => r.event?.type === MemberUpdatedV1.type && r.event.data.memberId === id);
  const grant = (memberId: string, level: 'novice' | 'skilled' | 'master', sourceId = randomUUID()) =>
    training.send(SkillLevelGrantedV1, { grantId: randomUUID(), memberId, level, source: { kind: 'certificate', id: sourceId }, grantedAt: new Date().toISOString() });

  it('raises the level from a certificate, records it in the history, announces member.updated; never lowers it', async () => {
    const member = (await m.enrol({ orgUnitId: company.id })).body as { id: string; skillLevel: string };
    expect(member.skillLevel).toBe('novice');
    const certificateId = randomUUID();
    await grant(member.id, 'skilled', certificateId);
    await eventually(async () => expect((await memberOf(member.id)).skillLevel).toBe('skilled'));

    const history = (await m.call('GET', `/members/${member.id}/history`, undefined, officer)).body.items as { kind: string; actor: string; changedFields: string[] | null }[];
    expect(history.map((e) => e.kind)).toEqual(['enrolled', 'updated']);
    expect(history[1]).toMatchObject({ actor: 'training', changedFields: ['skillLevel'] });
    const [{ reason }] = await m.runtime.dataSource.query(`SELECT reason FROM member_history WHERE member_id = $1 AND kind = 'updated'`, [member.id]);
    expect(reason).toBe(`certificate:${certificateId}`);
    const announced = await eventually(() => {
      const found = updatesOf(member.id);
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(announced.event!.data).toEqual({ memberId: member.id, orgUnitId: company.id, changedFields: ['skillLevel'], skillLevel: 'skilled', updatedAt: expect.any(String) });

    // A lower grant, then the same again, then a higher one: only the higher changes anything.
    await grant(member.id, 'novice');
    await grant(member.id, 'skilled');
    await grant(member.id, 'master');
    await eventually(async () => expect((await memberOf(member.id)).skillLevel).toBe('master'));
    await eventually(() => expect(updatesOf(member.id)).toHaveLength(2));
    expect(updatesOf(member.id)[1].event!.data).toMatchObject({ changedFields: ['skillLevel'], skillLevel: 'master' });
    const [{ n }] = await m.runtime.dataSource.query(`SELECT count(*)::int AS n FROM member_history WHERE member_id = $1 AND kind = 'updated'`, [member.id]);
    expect(n).toBe(2);
  });

  it('adds an honour from a competition award once', async () => {
    const member = (await m.enrol({ orgUnitId: company.id })).body as { id: string };
    const award = { memberId: member.id, honour: 'craftsman' as const, source: { kind: 'competition-award' as const, id: randomUUID() }, awardedAt: new Date().toISOString() };
    const ids = [await training.send(HonourAwardedV1, { ...award, awardId: randomUUID() }), await training.send(HonourAwardedV1, { ...award, awardId: randomUUID() })];
    // Both were handled (the inbox has them), the second changing nothing.
    await eventually(async () => {
      const [{ n }] = await m.runtime.dataSource.query('SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1)', [ids]);
      expect(n).toBe(2);
    });
    expect((await memberOf(member.id)).honours).toEqual(['craftsman']);
    await eventually(() => expect(updatesOf(member.id)).toHaveLength(1));
    expect(updatesOf(member.id)[0].event!.data).toMatchObject({ changedFields: ['honours'], honours: ['craftsman'] });
    const [{ n }] = await m.runtime.dataSource.query(`SELECT count(*)::int AS n FROM member_history WHERE member_id = $1 AND kind = 'updated'`, [member.id]);
    expect(n).toBe(1);
  });
});
