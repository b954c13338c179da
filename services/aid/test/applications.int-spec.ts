import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AidApplicationApprovedV1, AidApplicationRejectedV1, AidApplicationSubmittedV1, MemberLeftV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testDistrict, TestDistrict, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { aidService } from '../src/service';

/** Aid applications through their stages over HTTP, against real Postgres and Kafka. */
describe('aid applications', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;

  const officerOf = (unit: TestDistrict) =>
    `Bearer ${tokenFor({ userId: randomUUID(), username: `aid-${unit.orgUnitId.slice(0, 8)}`, roles: ['aid-officer'], orgUnitId: unit.orgUnitId, scopePath: unit.path })}`;
  const server = () => app.getHttpServer();
  const post = (url: string, token: string, body: object = {}) => request(server()).post(url).set('authorization', token).send(body);
  const get = (url: string, token: string) => request(server()).get(url).set('authorization', token);
  const act = (id: string, action: string, token: string, body: object = {}) => post(`/api/v1/aid/applications/${id}/${action}`, token, body);

  const daysAgo = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);
  const vote = { meeting: '区总工会2026年第12次主席办公会', meetingOn: daysAgo(0), attendees: ['张明', '李华', '王芳', '赵强', '陈静'], votesFor: 4, votesAgainst: 1, abstentions: 0 };
  const application = (memberId: string, over: object = {}) => ({
    memberId,
    kind: 'medical',
    requestedAmountFen: 2_650_000,
    reason: '女儿患急性白血病住院治疗，自付部分负担较重',
    documents: [
      { name: '住院费用清单', kind: 'medical' },
      { name: '户口簿', kind: 'household' },
    ],
    ...over,
  });

  const fundDistrict = async (d: TestDistrict, amountFen: number): Promise<string> =>
    (await post('/api/v1/aid/budgets', officerOf(d), { name: '区级帮扶资金', year: 2026, source: 'federation-appropriation', amountFen }).expect(201)).body.id;

  /** Submitted → reviewed → investigated → notice run (started days ago) → decided. */
  const toDecided = async (d: TestDistrict, memberId: string, approvedAmountFen = 2_000_000): Promise<string> => {
    const token = officerOf(d);
    const { id } = (await post('/api/v1/aid/applications', token, application(memberId)).expect(201)).body;
    await act(id, 'review', token, { opinion: '材料齐全' }).expect(200);
    await act(id, 'investigate', token, { investigatedOn: daysAgo(8), investigator: '王芳', findings: '情况属实' }).expect(200);
    await act(id, 'start-notice', token, { days: 5, startsOn: daysAgo(7) }).expect(200);
    await act(id, 'close-notice', token).expect(200);
    await act(id, 'decide', token, { ...vote, approvedAmountFen }).expect(200);
    return id;
  };

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    events = await EventSender.open('aid-applications-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('walks an application from submission through investigation, notice with an objection and the decision to approval, reserving the money', async () => {
    const d = testDistrict();
    const token = officerOf(d);
    const [memberId] = await announceMembers(events, runtime.dataSource, [d]);
    const budgetId = await fundDistrict(d, 10_000_000);
    const reader = await TopicReader.open(AidApplicationSubmittedV1.topic);
    try {
      const submitted = (await post('/api/v1/aid/applications', token, application(memberId)).expect(201)).body;
      expect(submitted).toMatchObject({ memberId, orgUnitId: d.orgUnitId, kind: 'medical', stage: 'submitted', requestedAmountFen: 2_650_000, fastTrack: false, fastTrackClock: null, memberLeft: false });
      expect(submitted.documents).toEqual([
        { name: '住院费用清单', kind: 'medical' },
        { name: '户口簿', kind: 'household' },
      ]);
      expect(submitted.submittedAt).toMatch(/\+08:00$/);
      expect(submitted.allowedActions).toEqual(['review', 'reject']);
      const id = submitted.id;

      expect((await act(id, 'review', token, { opinion: '材料齐全，同意入户调查' }).expect(200)).body.stage).toBe('reviewed');
      const investigated = (await act(id, 'investigate', token, { investigatedOn: daysAgo(9), investigator: '王芳、李强', thirdParty: '随州市社会工作服务中心', findings: '情况属实' }).expect(200)).body;
      expect(investigated).toMatchObject({ stage: 'investigated', investigation: { thirdParty: '随州市社会工作服务中心', findings: '情况属实' } });
      const notice = (await act(id, 'start-notice', token, { days: 5, startsOn: daysAgo(7) }).expect(200)).body;
      expect(notice).toMatchObject({ stage: 'in-public-notice', notice: { startsOn: daysAgo(7), days: 5, endsOn: daysAgo(2), closedAt: null } });

      const objected = (await act(id, 'lodge-objection', token, { summary: '有职工反映申请人家庭另有经营收入' }).expect(200)).body;
      const objectionId = objected.objections[0].id;
      expect(notice.allowedActions).toEqual(['lodge-objection', 'close-notice', 'reject']);
      expect(objected.allowedActions).toEqual(['lodge-objection', 'resolve-objection', 'close-notice', 'reject']);
      const blocked = await act(id, 'close-notice', token).expect(422);
      expect(blocked.body.type).toMatch(/objections-open$/);
      await act(id, 'resolve-objection', token, { objectionId: randomUUID(), resolution: 'x' }).expect(404);
      await act(id, 'resolve-objection', token, { objectionId, resolution: '经复核，该经营已于2025年注销，异议不成立' }).expect(200);
      await act(id, 'resolve-objection', token, { objectionId, resolution: '再次处理' }).expect(409);
      expect((await act(id, 'close-notice', token).expect(200)).body.stage).toBe('notice-completed');

      // a decision without attendees, or with more votes than attendees, is a 400 that changes nothing
      const none = await act(id, 'decide', token, { ...vote, attendees: [], votesFor: 0, votesAgainst: 0, approvedAmountFen: 2_000_000 }).expect(400);
      expect(none.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'attendees' })]));
      const tooMany = await act(id, 'decide', token, { ...vote, votesFor: 5, votesAgainst: 1, approvedAmountFen: 2_000_000 }).expect(400);
      expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'votesFor' })]);
      await act(id, 'decide', token, { ...vote, approvedAmountFen: 2_650_001 }).expect(400);
      await act(id, 'decide', token, { ...vote, approvedAmountFen: -1 }).expect(400);
      expect((await get(`/api/v1/aid/applications/${id}`, token).expect(200)).body.stage).toBe('notice-completed');

      const decided = (await act(id, 'decide', token, { ...vote, approvedAmountFen: 2_000_000 }).expect(200)).body;
      expect(decided).toMatchObject({ stage: 'decided', decision: { passed: true, votesFor: 4, approvedAmountFen: 2_000_000, attendees: vote.attendees } });

      const approved = (await act(id, 'approve', token, { budgetId }).expect(200)).body;
      expect(approved).toMatchObject({ stage: 'approved', approvedBy: 'committee', approvedAmountFen: 2_000_000, budgetId, allowedActions: ['cancel'] });
      expect((await get(`/api/v1/aid/applications/${id}`, token).expect(200)).body.allowedActions).toEqual(['cancel']);
      expect((await get(`/api/v1/aid/budgets/${budgetId}`, token).expect(200)).body).toMatchObject({ reservedFen: 2_000_000, availableFen: 8_000_000 });
      const ledger = (await get(`/api/v1/aid/budgets/${budgetId}/ledger`, token).expect(200)).body.items;
      expect(ledger.find((e: { kind: string }) => e.kind === 'reservation')).toMatchObject({ amountFen: 2_000_000, applicationId: id });

      const full = (await get(`/api/v1/aid/applications/${id}`, token).expect(200)).body;
      expect(full.steps.map((s: { action: string }) => s.action)).toEqual([
        'submit',
        'review',
        'investigate',
        'start-notice',
        'lodge-objection',
        'resolve-objection',
        'close-notice',
        'decide',
        'approve',
      ]);
      expect(full.steps.every((s: { actor: string; actedAt: string }) => s.actor === `aid-${d.orgUnitId.slice(0, 8)}` && s.actedAt.endsWith('+08:00'))).toBe(true);

      const published = await eventually(() => {
        const mine = reader.events().filter((e) => e.data.applicationId === id);
        expect(mine.map((e) => e.type)).toEqual([AidApplicationSubmittedV1.type, AidApplicationApprovedV1.type]);
        return mine;
      });
      expect(published[1].data).toEqual({ applicationId: id, memberId, orgUnitId: d.orgUnitId, kind: 'medical', budgetId, approvedAmountFen: 2_000_000, approvedBy: 'committee', approvedAt: expect.any(String) });
      expect(JSON.stringify(published)).not.toContain('白血病');
    } finally {
      await reader.close();
    }
  });

  it('answers an action in the wrong stage with 409 naming the current stage, in Chinese or English', async () => {
    const d = testDistrict();
    const [memberId] = await announceMembers(events, runtime.dataSource, [d]);
    const { id } = (await post('/api/v1/aid/applications', officerOf(d), application(memberId)).expect(201)).body;
    const zh = await act(id, 'decide', officerOf(d), { ...vote, approvedAmountFen: 100 }).expect(409);
    expect(zh.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(zh.body.type).toMatch(/wrong-stage$/);
    expect(zh.body.detail).toBe('申请当前处于“已受理”阶段，不能集体研究');
    const en = await act(id, 'approve', officerOf(d), { budgetId: randomUUID() }).set('accept-language', 'en').expect(409);
    expect(en.body.detail).toBe('The application is in stage submitted: approve is not possible now');
    await act(id, 'close-notice', officerOf(d)).expect(409);
    await act(id, 'follow-up', officerOf(d), {}).expect((res) => expect([400, 404, 409]).toContain(res.status));
  });

  it('refuses unknown or other districts’ members (404), members who left (422), and bad amounts (400); flags open applications when a member leaves', async () => {
    const [d, other] = [testDistrict(), testDistrict()];
    const [stays, leaves, theirs] = await announceMembers(events, runtime.dataSource, [d, d, other]);
    const token = officerOf(d);
    for (const memberId of [randomUUID(), theirs]) {
      const res = await post('/api/v1/aid/applications', token, application(memberId)).expect(404);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'memberId' })]);
    }
    for (const requestedAmountFen of [-100, 0, 100.5]) {
      const res = await post('/api/v1/aid/applications', token, application(stays, { requestedAmountFen })).expect(400);
      expect(res.body.errors.every((e: { field: string }) => e.field === 'requestedAmountFen')).toBe(true);
    }
    await post('/api/v1/aid/applications', token, application(stays, { kind: 'lottery' })).expect(400);
    await post('/api/v1/aid/applications', token, application(stays, { fastTrack: true })).expect(400);

    const open = (await post('/api/v1/aid/applications', token, application(leaves)).expect(201)).body;
    const rejected = (await post('/api/v1/aid/applications', token, application(leaves)).expect(201)).body;
    await act(rejected.id, 'reject', token, { reasons: ['收入超过认定标准'] }).expect(200);
    // another district's application is not there for this officer
    const theirsApp = (await post('/api/v1/aid/applications', officerOf(other), application(theirs)).expect(201)).body;
    await get(`/api/v1/aid/applications/${theirsApp.id}`, token).expect(404);
    await act(theirsApp.id, 'review', token, { opinion: 'x' }).expect(404);

    await events.send(MemberLeftV1, { memberId: leaves, orgUnitId: d.orgUnitId, reason: 'changed-job', leftAt: new Date().toISOString() });
    await eventually(async () => expect((await get(`/api/v1/aid/applications/${open.id}`, token).expect(200)).body.memberLeft).toBe(true));
    expect((await get(`/api/v1/aid/applications/${rejected.id}`, token).expect(200)).body.memberLeft).toBe(false);
    const flagged = (await get('/api/v1/aid/applications?memberLeft=true', token).expect(200)).body.items;
    expect(flagged.map((a: { id: string }) => a.id)).toEqual([open.id]);

    // the member directory learns of the leaving through its own consumer group, maybe a moment after the flag
    await eventually(async () => {
      const refused = await post('/api/v1/aid/applications', token, application(leaves)).expect(422);
      expect(refused.body.type).toMatch(/member-not-active$/);
      expect(refused.body.detail).toContain('已离会');
    });
  });

  it('lists the work queue of a stage in the officer’s subtree, a page at a time', async () => {
    const d = testDistrict();
    const members = await announceMembers(events, runtime.dataSource, [d, d, d, d]);
    const token = officerOf(d);
    const ids: string[] = [];
    for (const memberId of members) ids.push((await post('/api/v1/aid/applications', token, application(memberId)).expect(201)).body.id);
    await act(ids[0], 'review', token, { opinion: '同意' }).expect(200);
    const submitted = (await get('/api/v1/aid/applications?stage=submitted&limit=2', token).expect(200)).body;
    expect(submitted.items.map((a: { id: string }) => a.id)).toEqual(ids.slice(1, 3));
    const next = (await get(`/api/v1/aid/applications?stage=submitted&limit=2&cursor=${submitted.nextCursor}`, token).expect(200)).body;
    expect(next).toEqual({ items: [expect.objectContaining({ id: ids[3] })], nextCursor: null });
    expect((await get('/api/v1/aid/applications?stage=reviewed', token).expect(200)).body.items.map((a: { id: string }) => a.id)).toEqual([ids[0]]);
    await get('/api/v1/aid/applications?stage=paid', token).expect(400);
  });

  it('fast track: skips the notice, the chair approves alone, the clock shows hours and flags past the target, the committee ratifies later', async () => {
    const d = testDistrict();
    const token = officerOf(d);
    const [child, other, regular] = await announceMembers(events, runtime.dataSource, [d, d, d]);
    const budgetId = await fundDistrict(d, 5_000_000);
    const emergency = (await post('/api/v1/aid/applications', token, application(child, { kind: 'emergency', fastTrack: true })).expect(201)).body;
    expect(emergency.fastTrackClock).toEqual({ hoursElapsed: 0, targetHours: 72, overdue: false });
    expect(emergency.allowedActions).toEqual(['review', 'chair-approve', 'reject']);

    // the chair may not approve a regular application alone
    const plain = (await post('/api/v1/aid/applications', token, application(regular)).expect(201)).body;
    expect(plain.allowedActions).not.toContain('chair-approve');
    const notFast = await act(plain.id, 'chair-approve', token, { chair: '张明', approvedAmountFen: 100, budgetId }).expect(422);
    expect(notFast.body.type).toMatch(/not-fast-track$/);

    const approved = (await act(emergency.id, 'chair-approve', token, { chair: '张明', approvedAmountFen: 2_650_000, budgetId }).expect(200)).body;
    expect(approved).toMatchObject({ stage: 'approved', approvedBy: 'chair', awaitingRatification: true, approvedAmountFen: 2_650_000, allowedActions: ['ratify', 'cancel'] });
    expect((await get(`/api/v1/aid/budgets/${budgetId}`, token).expect(200)).body.reservedFen).toBe(2_650_000);
    await act(emergency.id, 'ratify', token, { ...vote, attendees: [] }).expect(400);
    const ratified = (await act(emergency.id, 'ratify', token, vote).expect(200)).body;
    expect(ratified).toMatchObject({ stage: 'approved', awaitingRatification: false, ratification: { passed: true, votesFor: 4 }, allowedActions: ['cancel'] });
    await act(emergency.id, 'ratify', token, vote).expect(409);

    // a second emergency skips the notice: decided straight after the investigation
    const second = (await post('/api/v1/aid/applications', token, application(other, { kind: 'emergency', fastTrack: true })).expect(201)).body;
    await act(second.id, 'review', token, { opinion: '紧急' }).expect(200);
    const secondInvestigated = (await act(second.id, 'investigate', token, { investigatedOn: daysAgo(0), investigator: '王芳', findings: '属实' }).expect(200)).body;
    expect(secondInvestigated.allowedActions).toEqual(['start-notice', 'decide', 'chair-approve', 'reject']);
    expect((await act(second.id, 'decide', token, { ...vote, approvedAmountFen: 1_000_000 }).expect(200)).body.stage).toBe('decided');

    // submitted 80 hours ago and not yet paid: past the 72-hour target; a 100-hour target is not passed
    await runtime.dataSource.query(`UPDATE aid_applications SET submitted_at = now() - interval '80 hours' WHERE id = $1`, [second.id]);
    expect((await get(`/api/v1/aid/applications/${second.id}`, token).expect(200)).body.fastTrackClock).toEqual({ hoursElapsed: 80, targetHours: 72, overdue: true });
    process.env.AID_FAST_TRACK_TARGET_HOURS = '100';
    try {
      expect((await get(`/api/v1/aid/applications/${second.id}`, token).expect(200)).body.fastTrackClock).toEqual({ hoursElapsed: 80, targetHours: 100, overdue: false });
    } finally {
      delete process.env.AID_FAST_TRACK_TARGET_HOURS;
    }
    const fastList = (await get('/api/v1/aid/applications?fastTrack=true', token).expect(200)).body.items;
    expect(fastList.map((a: { id: string }) => a.id).sort()).toEqual([emergency.id, second.id].sort());
  });

  it('rejects with reasons (event without them), and a cancelled approval releases its reservation', async () => {
    const d = testDistrict();
    const token = officerOf(d);
    const [a, b] = await announceMembers(events, runtime.dataSource, [d, d]);
    const budgetId = await fundDistrict(d, 3_000_000);
    const reader = await TopicReader.open(AidApplicationRejectedV1.topic);
    try {
      const toReject = (await post('/api/v1/aid/applications', token, application(a)).expect(201)).body;
      await act(toReject.id, 'reject', token, { reasons: [] }).expect(400);
      const rejected = (await act(toReject.id, 'reject', token, { reasons: ['家庭人均收入高于当地困难职工认定标准'] }).expect(200)).body;
      expect(rejected).toMatchObject({ stage: 'rejected', rejection: { reasons: ['家庭人均收入高于当地困难职工认定标准'] } });
      await act(toReject.id, 'review', token, { opinion: 'x' }).expect(409);
      const event = await eventually(() => {
        const found = reader.events(AidApplicationRejectedV1.type).find((e) => e.data.applicationId === toReject.id);
        expect(found).toBeDefined();
        return found!;
      });
      expect(JSON.stringify(event.data)).not.toContain('认定标准');

      const id = await toDecided(d, b, 2_000_000);
      await act(id, 'approve', token, { budgetId }).expect(200);
      const cancelled = (await act(id, 'cancel', token, { reason: '已获其他渠道全额救助' }).expect(200)).body;
      expect(cancelled.stage).toBe('cancelled');
      expect((await get(`/api/v1/aid/budgets/${budgetId}`, token).expect(200)).body).toMatchObject({ reservedFen: 0, availableFen: 3_000_000 });
      const kinds = (await get(`/api/v1/aid/budgets/${budgetId}/ledger`, token).expect(200)).body.items.map((e: { kind: string }) => e.kind);
      expect(kinds).toEqual(['allocation', 'reservation', 'release']);
      await act(id, 'cancel', token, { reason: '再次' }).expect(409);
    } finally {
      await reader.close();
    }
  });

  it('approvals racing on one budget: exactly as many as fit are approved, the rest get 422, not one fen overspent', async () => {
    const d = testDistrict();
    const token = officerOf(d);
    const members = await announceMembers(events, runtime.dataSource, Array.from({ length: 12 }, () => d));
    const budgetId = await fundDistrict(d, 5_500_000); // room for five of 1,000,000 fen, and 500,000 left
    const ids = await Promise.all(members.map((m) => toDecided(d, m, 1_000_000)));
    const answers = await Promise.all(ids.map((id) => act(id, 'approve', token, { budgetId })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, ...Array(7).fill(422)]);
    for (const r of answers.filter((x) => x.status === 422)) expect(r.body.type).toMatch(/budget-insufficient$/);
    expect((await get(`/api/v1/aid/budgets/${budgetId}`, token).expect(200)).body).toMatchObject({ reservedFen: 5_000_000, availableFen: 500_000 });
    const [{ approved }] = await runtime.dataSource.query(`SELECT count(*)::int AS approved FROM aid_applications WHERE id = ANY($1) AND stage = 'approved'`, [ids]);
    expect(approved).toBe(5);

    // a budget of another district does not exist for this officer; one below the unit does not cover it
    const elsewhere = testDistrict();
    const theirBudget = await fundDistrict(elsewhere, 10_000_000);
    const refused = ids.filter((_, i) => answers[i].status === 422)[0];
    await act(refused, 'approve', token, { budgetId: theirBudget }).expect(404);
  });
  it('approves a campaign’s decided applications together from one budget, all or none', async () => {
    const d = testDistrict();
    const token = officerOf(d);
    const members = await announceMembers(events, runtime.dataSource, [d, d, d, d]);
    const decided = await Promise.all(members.slice(0, 3).map((m) => toDecided(d, m, 33_875)));
    const notYet = (await post('/api/v1/aid/applications', token, application(members[3])).expect(201)).body.id;
    const small = await fundDistrict(d, 100_000);
    const budgetId = await fundDistrict(d, 1_000_000);
    const campaign = (ids: string[], budget = budgetId) => post(`/api/v1/aid/budgets/${budget}/approve-applications`, token, { applicationIds: ids });

    const wrong = await campaign([...decided, notYet]).expect(409);
    expect(wrong.body.detail).toContain('已受理');
    expect((await campaign([...decided, randomUUID()]).expect(404)).body.errors).toHaveLength(1);
    await campaign([decided[0], decided[0]]).expect(400);
    expect((await campaign(decided, small).expect(422)).body.type).toMatch(/budget-insufficient$/);
    const [{ n }] = await runtime.dataSource.query(`SELECT count(*)::int AS n FROM aid_applications WHERE id = ANY($1) AND stage = 'decided'`, [decided]);
    expect(n).toBe(3);
    expect((await get(`/api/v1/aid/budgets/${small}`, token).expect(200)).body).toMatchObject({ reservedFen: 0, availableFen: 100_000 });

    expect((await campaign(decided).expect(200)).body).toEqual({ approved: 3, reservedFen: 3 * 33_875 });
    expect((await get(`/api/v1/aid/budgets/${budgetId}`, token).expect(200)).body).toMatchObject({ reservedFen: 3 * 33_875, availableFen: 1_000_000 - 3 * 33_875 });
    const ledger = (await get(`/api/v1/aid/budgets/${budgetId}/ledger`, token).expect(200)).body.items;
    expect(ledger.filter((e: { kind: string }) => e.kind === 'reservation').map((e: { applicationId: string }) => e.applicationId).sort()).toEqual([...decided].sort());
    const one = (await get(`/api/v1/aid/applications/${decided[0]}`, token).expect(200)).body;
    expect(one).toMatchObject({ stage: 'approved', approvedBy: 'committee', approvedAmountFen: 33_875, budgetId });
    expect(one.steps.at(-1)).toMatchObject({ action: 'approve', fromStage: 'decided', toStage: 'approved' });
    await campaign(decided).expect(409);
  });
});
