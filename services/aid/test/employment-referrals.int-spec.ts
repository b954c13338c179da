import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EmploymentReferralRecordedV1, JobOfferAcceptedV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, TestDistrict, testDistrict, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { aidService } from '../src/service';
import { SAMPLE_VISIT } from './sample-visit';

/** Employment referrals from hardship files for training's job matching, and the job taken coming back from training. */
describe('aid employment referrals', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;

  const officerOf = (d: TestDistrict) =>
    `Bearer ${tokenFor({ userId: randomUUID(), username: `officer-${d.orgUnitId.slice(0, 8)}`, roles: ['aid-officer'], orgUnitId: d.orgUnitId, scopePath: d.path })}`;
  const server = () => app.getHttpServer();
  const openFile = async (d: TestDistrict) => {
    const [memberId] = await announceMembers(events, runtime.dataSource, [d]);
    return (await request(server()).post('/api/v1/aid/hardship-files').set('authorization', officerOf(d)).send({ memberId, cause: 'unemployment', visit: SAMPLE_VISIT }).expect(201)).body;
  };
  const refer = (token: string, fileId: string, body: object) => request(server()).post(`/api/v1/aid/hardship-files/${fileId}/employment-referrals`).set('authorization', token).send(body);
  const referral = { ableAndWilling: true, skills: [' 电工 ', '叉车驾驶', '电工'], preferredDistrict: '渝北区', employmentForm: 'full-time' };

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    events = await EventSender.open('aid-employment-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('refers an able and willing member and publishes exactly the agreed data, no hardship detail', async () => {
    const d = testDistrict();
    const file = await openFile(d);
    const reader = await TopicReader.open(EmploymentReferralRecordedV1.topic);
    try {
      const res = await refer(officerOf(d), file.id, referral).expect(201);
      expect(res.body).toMatchObject({
        hardshipFileId: file.id,
        memberId: file.memberId,
        skills: ['电工', '叉车驾驶'],
        preferredDistrict: '渝北区',
        employmentForm: 'full-time',
        status: 'awaiting-job',
        recordedAt: expect.stringMatching(/\+08:00$/),
      });
      const received = await eventually(() => {
        const found = reader.received.filter((r) => r.event?.type === EmploymentReferralRecordedV1.type && r.event.data.referralId === res.body.id);
        expect(found).toHaveLength(1);
        return found[0];
      });
      expect(received.key).toBe(res.body.id);
      expect(received.event!.data).toEqual({
        referralId: res.body.id,
        memberId: file.memberId,
        hardshipFileId: file.id,
        orgUnitId: d.orgUnitId,
        orgUnitPath: d.path,
        skills: ['电工', '叉车驾驶'],
        preferredDistrict: '渝北区',
        employmentForm: 'full-time',
        recordedAt: expect.stringMatching(/Z$/),
      });
      for (const detail of [SAMPLE_VISIT.health, SAMPLE_VISIT.incomeSources, SAMPLE_VISIT.housing]) expect(received.value).not.toContain(detail);
    } finally {
      await reader.close();
    }

    // one referral awaiting a job per file
    const again = await refer(officerOf(d), file.id, referral).expect(409);
    expect(again.body.type).toMatch(/referral-awaiting-job$/);
  });

  it('refuses a member not able or willing, no skills or a bad form (400), another district’s file (404)', async () => {
    const [d, other] = [testDistrict(), testDistrict()];
    const file = await openFile(d);
    const res = await refer(officerOf(d), file.id, { ableAndWilling: false, skills: [] }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['ableAndWilling', 'skills']);
    const form = await refer(officerOf(d), file.id, { ...referral, employmentForm: 'slavery' }).expect(400);
    expect(form.body.errors).toEqual([expect.objectContaining({ field: 'employmentForm' })]);
    await refer(officerOf(other), file.id, referral).expect(404);
    expect(await runtime.dataSource.query('SELECT 1 FROM employment_referrals WHERE file_id = $1', [file.id])).toHaveLength(0);
  });

  it('notes the job taken on the referral and the open file when training reports an accepted offer, once', async () => {
    const d = testDistrict();
    const file = await openFile(d);
    const referred = (await refer(officerOf(d), file.id, { ableAndWilling: true, skills: ['保洁'] }).expect(201)).body;
    const offer = { offerId: randomUUID(), memberId: file.memberId, employerName: '重庆长安汽车股份有限公司', position: '装配工', acceptedAt: new Date().toISOString() };
    await events.send(JobOfferAcceptedV1, offer);
    await events.send(JobOfferAcceptedV1, offer); // a redelivery

    const list = await eventually(async () => {
      const res = await request(server()).get('/api/v1/aid/employment-referrals').query({ hardshipFileId: file.id }).set('authorization', officerOf(d)).expect(200);
      expect(res.body.items[0].status).toBe('job-taken');
      return res.body;
    });
    expect(list).toEqual({ items: [expect.objectContaining({ id: referred.id, employerName: '重庆长安汽车股份有限公司', position: '装配工', jobTakenAt: expect.stringMatching(/\+08:00$/) })], nextCursor: null });
    const viewed = await request(server()).get(`/api/v1/aid/hardship-files/${file.id}`).set('authorization', officerOf(d)).expect(200);
    expect(viewed.body.jobTaken).toEqual({ employerName: '重庆长安汽车股份有限公司', position: '装配工', takenAt: expect.stringMatching(/\+08:00$/) });

    // the file may refer again now that the referral found its job; the list filters and pages
    await refer(officerOf(d), file.id, { ableAndWilling: true, skills: ['收银'] }).expect(201);
    const awaiting = await request(server()).get('/api/v1/aid/employment-referrals').query({ hardshipFileId: file.id, status: 'awaiting-job' }).set('authorization', officerOf(d)).expect(200);
    expect(awaiting.body.items.map((r: { skills: string[] }) => r.skills)).toEqual([['收银']]);
    const paged = await request(server()).get('/api/v1/aid/employment-referrals').query({ hardshipFileId: file.id, limit: 1 }).set('authorization', officerOf(d)).expect(200);
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.nextCursor).toEqual(expect.any(String));
    await request(server()).get('/api/v1/aid/employment-referrals').query({ status: 'hired' }).set('authorization', officerOf(d)).expect(400);
    // and another district sees none of it
    const elsewhere = await request(server()).get('/api/v1/aid/employment-referrals').query({ hardshipFileId: file.id }).set('authorization', officerOf(testDistrict())).expect(200);
    expect(elsewhere.body).toEqual({ items: [], nextCursor: null });
  });
});
