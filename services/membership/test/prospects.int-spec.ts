import { startMembership, Unit } from './membership-fixture';

describe('prospects (未入会职工底数): recorded in surveys, converted in one step', () => {
  let m: Awaited<ReturnType<typeof startMembership>>;
  let street: Unit, union: Unit;

  beforeAll(async () => {
    m = await startMembership();
    const federation = await m.unit('federation');
    const district = await m.unit('district', federation);
    street = await m.unit('street', district, '龙溪街道总工会');
    union = await m.unit('industry', district, '外卖骑手工会');
  });

  afterAll(async () => {
    await m?.app.close();
  });

  const survey = { name: '陈师傅', occupationCategory: '外卖配送', employmentForm: 'gig-delivery', needs: ['技能培训', '子女托管'], surveyedOn: '2026-11-20' };

  it('records a prospect with masked mobile and lists the open ones', async () => {
    const bad = await m.call('POST', '/prospects', { ...survey, foundByOrgUnitId: street.id, mobile: '1370000111' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('mobile');
    const res = await m.call('POST', '/prospects', { ...survey, foundByOrgUnitId: street.id, mobile: '13700001111' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ maskedMobile: '137****1111', status: 'open', needs: ['技能培训', '子女托管'], foundByOrgUnitId: street.id });
    const open = await m.call('GET', '/prospects?status=open&limit=500');
    expect(open.body.items.map((p: { id: string }) => p.id)).toContain(res.body.id);
  });

  it('converts a prospect into a member, and leaves it untouched when enrolment is refused', async () => {
    const prospect = (await m.call('POST', '/prospects', { ...survey, foundByOrgUnitId: street.id, mobile: '13700002222' })).body;
    const badId = await m.call('POST', `/prospects/${prospect.id}/convert`, { nationalId: '110105194912310021', orgUnitId: union.id });
    expect(badId.status).toBe(400);
    const intoStreet = await m.call('POST', `/prospects/${prospect.id}/convert`, { nationalId: m.nextNationalId(), orgUnitId: street.id });
    expect(intoStreet.status).toBe(422);
    expect((await m.call('GET', `/prospects/${prospect.id}`)).body.status).toBe('open');

    const member = await m.call('POST', `/prospects/${prospect.id}/convert`, { nationalId: m.nextNationalId(), orgUnitId: union.id });
    expect(member.status).toBe(201);
    expect(member.body).toMatchObject({ name: '陈师傅', employmentForm: 'gig-delivery', maskedMobile: '137****2222', orgUnitId: union.id });
    expect((await m.call('GET', `/prospects/${prospect.id}`)).body).toMatchObject({ status: 'converted', memberId: member.body.id });
    expect((await m.call('POST', `/prospects/${prospect.id}/convert`, { nationalId: m.nextNationalId(), orgUnitId: union.id })).status).toBe(409);
  });

  it('needs a mobile when the survey did not record one, and refuses a person who is already a member', async () => {
    const prospect = (await m.call('POST', '/prospects', { ...survey, foundByOrgUnitId: street.id })).body;
    const nationalId = m.nextNationalId();
    expect((await m.call('POST', `/prospects/${prospect.id}/convert`, { nationalId, orgUnitId: union.id })).status).toBe(400);
    await m.enrol({ orgUnitId: union.id, nationalId });
    const twice = await m.call('POST', `/prospects/${prospect.id}/convert`, { nationalId, orgUnitId: union.id, mobile: '13700003333' });
    expect(twice.status).toBe(409);
    expect((await m.call('GET', `/prospects/${prospect.id}`)).body.status).toBe('open');
  });
});
