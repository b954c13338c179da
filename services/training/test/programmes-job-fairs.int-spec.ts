import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EmploymentReferralRecordedV1, JobOfferAcceptedV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { trainingService } from '../src/service';

/** Job fairs and matching (送岗位): referrals arrive from aid through the broker; an accepted offer goes back the same way. */
describe('training: job fairs and matching', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const hex = () => randomUUID().replace(/-/g, '');
  const districtA = `/${hex()}/${hex()}/`;
  const districtB = `/${hex()}/${hex()}/`;
  const officerA = tokenFor({ username: 'officer-a', roles: ['training-officer'], orgUnitId: randomUUID(), scopePath: districtA });
  const officerB = tokenFor({ username: 'officer-b', roles: ['training-officer'], orgUnitId: randomUUID(), scopePath: districtB });
  const server = () => app.getHttpServer();
  const post = (path: string, body: unknown, token = officerA) => request(server()).post(path).set('authorization', `Bearer ${token}`).send(body as object);
  const get = (path: string, token = officerA) => request(server()).get(path).set('authorization', `Bearer ${token}`);

  /** A member known to training, referred by aid: both arrive as events. */
  async function referredMember(over: Partial<EmploymentReferralRecordedV1> = {}, district = districtA) {
    const unitPath = `${district}${hex()}/`;
    const [memberId] = await announceMembers(events, runtime.dataSource, [{ path: unitPath }]);
    const referralId = randomUUID();
    await events.send(EmploymentReferralRecordedV1, {
      referralId,
      memberId,
      hardshipFileId: randomUUID(),
      orgUnitId: randomUUID(),
      orgUnitPath: unitPath,
      skills: ['电工', '叉车驾驶'],
      preferredDistrict: '太和区',
      employmentForm: 'full-time',
      recordedAt: new Date().toISOString(),
      ...over,
    });
    await eventually(async () => expect(await runtime.dataSource.query('SELECT 1 FROM job_referrals WHERE id = $1', [referralId])).toHaveLength(1));
    return { memberId, referralId };
  }

  async function fairWithVacancies() {
    const fair = (await post('/api/v1/training/job-fairs', { title: '冬季“送岗位”专场招聘会', district: '太和区', heldOn: '2026-12-12', venue: '市职工文化宫一楼大厅' }).expect(201)).body;
    const employer = (await post(`/api/v1/training/job-fairs/${fair.id}/employers`, { name: '锦州汉拿电机有限公司', creditCode: '91210700MA0Y7K3P5H' }).expect(201)).body;
    const vacancy = async (body: Record<string, unknown>) =>
      (await post(`/api/v1/training/job-fairs/${fair.id}/vacancies`, { employerId: employer.id, position: '维修电工', skills: ['维修电工'], district: '太和区', employmentForm: 'full-time', openings: 1, ...body }).expect(201)).body;
    const best = await vacancy({});
    const elsewhere = await vacancy({ position: '电工（凌河厂区）', district: '凌河区' });
    const cook = await vacancy({ position: '厨师', skills: ['中式烹调'] });
    return { fair, employer, best, elsewhere, cook };
  }

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...trainingService(testServiceConfig('training')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('training-job-fairs-test');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('matches a referred member to vacancies, records the offer and announces its acceptance to aid', async () => {
    const { memberId, referralId } = await referredMember();
    const { fair, best, elsewhere } = await fairWithVacancies();
    const fairView = await get(`/api/v1/training/job-fairs/${fair.id}`).expect(200);
    expect(fairView.body).toMatchObject({ employers: 1, openings: 3 });

    const matches = await get(`/api/v1/training/job-referrals/${referralId}/matches?fairId=${fair.id}`).expect(200);
    expect(matches.body.items.map((m: { vacancy: { id: string }; score: number }) => [m.vacancy.id, m.score])).toEqual([
      [best.id, 100],
      [elsewhere.id, 75],
    ]);
    expect(matches.body.items[0]).toMatchObject({ matchedSkills: ['维修电工'], districtMatches: true, employmentFormMatches: true });

    const offer = (await post('/api/v1/training/job-offers', { vacancyId: best.id, memberId, referralId }).expect(201)).body;
    expect(offer).toMatchObject({ status: 'offered', employerName: '锦州汉拿电机有限公司', position: '维修电工', decidedAt: null });
    expect((await post('/api/v1/training/job-offers', { vacancyId: best.id, memberId }).expect(409)).body.type).toMatch(/already-offered$/);

    const reader = await TopicReader.open(JobOfferAcceptedV1.topic);
    try {
      const accepted = await post(`/api/v1/training/job-offers/${offer.id}/accept`, {}).set('x-request-id', 'req-accept-1').expect(200);
      expect(accepted.body).toMatchObject({ status: 'accepted' });
      expect(accepted.body.decidedAt).toMatch(/\+08:00$/);
      const event = await eventually(() => {
        const found = reader.events(JobOfferAcceptedV1.type).filter((e) => e.data.offerId === offer.id);
        expect(found).toHaveLength(1);
        return found[0];
      });
      expect(event.data).toEqual({ offerId: offer.id, memberId, employerName: '锦州汉拿电机有限公司', position: '维修电工', acceptedAt: expect.any(String) });
      expect(Date.parse(event.data.acceptedAt)).toBe(Date.parse(accepted.body.decidedAt));
      expect(event.correlationid).toBe('req-accept-1');
    } finally {
      await reader.close();
    }
    const again = await post(`/api/v1/training/job-offers/${offer.id}/decline`, {}).expect(409);
    expect(again.body.detail).toContain('已接受');
    // The filled vacancy is no longer offered as a match.
    const after = await get(`/api/v1/training/job-referrals/${referralId}/matches?fairId=${fair.id}`).expect(200);
    expect(after.body.items.map((m: { vacancy: { id: string } }) => m.vacancy.id)).toEqual([elsewhere.id]);
  });

  it('never fills a vacancy beyond its openings when acceptances race', async () => {
    const { fair, best } = await fairWithVacancies();
    const members = await announceMembers(events, runtime.dataSource, Array.from({ length: 4 }, () => ({ path: `${districtA}${hex()}/` })));
    const offers = [];
    for (const memberId of members) offers.push((await post('/api/v1/training/job-offers', { vacancyId: best.id, memberId }).expect(201)).body.id as string);
    const responses = await Promise.all(offers.map((id) => post(`/api/v1/training/job-offers/${id}/accept`, {})));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    for (const r of responses.filter((x) => x.status === 409)) expect(r.body.type).toMatch(/vacancy-filled$/);
    const vacancies = await get(`/api/v1/training/job-fairs/${fair.id}/vacancies`).expect(200);
    expect(vacancies.body.items.find((v: { id: string }) => v.id === best.id)).toMatchObject({ openings: 1, accepted: 1 });
  });

  it('keeps referrals, fairs and offers in their district; a redelivered referral changes nothing', async () => {
    const { referralId, memberId } = await referredMember({}, districtB);
    await get(`/api/v1/training/job-referrals/${referralId}`).expect(404);
    const seenByB = await get(`/api/v1/training/job-referrals/${referralId}`, officerB).expect(200);
    expect(seenByB.body).toMatchObject({ memberId, skills: ['电工', '叉车驾驶'], preferredDistrict: '太和区' });
    expect(seenByB.body.recordedAt).toMatch(/\+08:00$/);

    const { fair, best } = await fairWithVacancies();
    await get(`/api/v1/training/job-fairs/${fair.id}`, officerB).expect(404);
    await post('/api/v1/training/job-offers', { vacancyId: best.id, memberId }, officerB).expect(404);
    expect((await post('/api/v1/training/job-offers', { vacancyId: best.id, memberId }).expect(422)).body.type).toMatch(/unknown-member$/);

    // Aid sends the same referral again (another event id): still one referral.
    const [row] = (await runtime.dataSource.query('SELECT member_id, hardship_file_id FROM job_referrals WHERE id = $1', [referralId])) as { member_id: string; hardship_file_id: string }[];
    await events.send(EmploymentReferralRecordedV1, {
      referralId,
      memberId: row.member_id,
      hardshipFileId: row.hardship_file_id,
      orgUnitId: randomUUID(),
      orgUnitPath: districtB,
      skills: ['厨师'],
      preferredDistrict: null,
      employmentForm: null,
      recordedAt: new Date().toISOString(),
    });
    const marker = await referredMember({}, districtB);
    await get(`/api/v1/training/job-referrals/${marker.referralId}`, officerB).expect(200);
    const listB = await get('/api/v1/training/job-referrals', officerB).expect(200);
    expect(listB.body.items.filter((r: { id: string }) => r.id === referralId)).toEqual([expect.objectContaining({ skills: ['电工', '叉车驾驶'] })]);
  });

  it('validates input as 400 problems naming the fields', async () => {
    const bad = await post('/api/v1/training/job-fairs', { title: '', district: '太和区', heldOn: '12/12/2026', venue: '大厅' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['title', 'heldOn']));
    const { fair, employer } = await fairWithVacancies();
    const employerBad = await post(`/api/v1/training/job-fairs/${fair.id}/employers`, { name: '某厂', creditCode: '91210700MA0Y7K3P5A' }).expect(400);
    expect(employerBad.body.errors).toEqual([expect.objectContaining({ field: 'creditCode' })]);
    await post(`/api/v1/training/job-fairs/${fair.id}/employers`, { name: '锦州汉拿电机有限公司', creditCode: '91210700MA0Y7K3P5H' }).expect(409);
    const vacancyBad = await post(`/api/v1/training/job-fairs/${fair.id}/vacancies`, { employerId: employer.id, position: '电工', skills: [], district: '太和区', employmentForm: 'gig', openings: 0 }).expect(400);
    expect(vacancyBad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['employmentForm', 'openings']));
    const { referralId } = await referredMember();
    await get(`/api/v1/training/job-referrals/${referralId}/matches`).expect(400);
  });
});
