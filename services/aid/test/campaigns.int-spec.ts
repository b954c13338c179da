import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Workbook } from 'exceljs';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AidCampaignConfirmedV1, MemberLeftV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testDistrict, TestDistrict, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { aidService } from '../src/service';
import { SAMPLE_VISIT } from './sample-visit';

/** Campaigns (专项行动) over HTTP against real Postgres and Kafka: channels, cross-check, confirmation, payment, close. */
describe('aid campaigns and the cross-check', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;

  const officerOf = (unit: TestDistrict) =>
    `Bearer ${tokenFor({ userId: randomUUID(), username: `aid-${unit.orgUnitId.slice(0, 8)}`, roles: ['aid-officer'], orgUnitId: unit.orgUnitId, scopePath: unit.path })}`;
  const server = () => app.getHttpServer();
  const post = (url: string, token: string, body: object = {}) => request(server()).post(url).set('authorization', token).send(body);
  const get = (url: string, token: string) => request(server()).get(url).set('authorization', token);
  const daysAgo = (n: number) => new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);
  const vote = { meeting: '区总工会第3次主席办公会', meetingOn: daysAgo(0), attendees: ['张明', '李华', '王芳'], votesFor: 3, votesAgainst: 0, abstentions: 0 };
  const campaignBody = (budgetId: string, over: object = {}) => ({
    name: '2027年两节送温暖',
    kind: 'spring-warmth',
    budgetId,
    startsOn: '2027-01-10',
    endsOn: '2027-02-10',
    cashFen: 33_875,
    items: [{ name: '米', quantity: 10, unit: '公斤' }],
    eligibility: [{ fact: 'hardship-grade', anyOf: ['deep', 'relative'] }],
    ...over,
  });
  const csv = (text: string) => Buffer.from(text, 'utf8');
  /** A roster uploaded as the console sends it: multipart, the unit nominating and the file. */
  const nominate = (campaignId: string, token: string, fileName: string, content: Buffer, nominatedBy = '渝北区总工会') =>
    request(server()).post(`/api/v1/aid/campaigns/${campaignId}/nominations`).set('authorization', token).field('nominatedBy', nominatedBy).attach('file', content, fileName);
  /** The same roster as JSON with the file base64 (the form scripts use). */
  const nominateBase64 = (campaignId: string, token: string, fileName: string, content: Buffer) =>
    post(`/api/v1/aid/campaigns/${campaignId}/nominations`, token, { nominatedBy: '渝北区总工会', fileName, contentBase64: content.toString('base64') });

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    events = await EventSender.open('aid-campaigns-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('lists through three channels, cross-checks (duplicates once, left, not members, ineligible, missed, paid elsewhere), confirms into a payment batch, and closes when paid', async () => {
    const d = testDistrict();
    const token = officerOf(d);
    const [both, fileOnly, leaves, applicant, noFile, accident, paidBefore] = await announceMembers(events, runtime.dataSource, [d, d, d, d, d, d, d]);
    const stranger = randomUUID();
    const budgetId = (await post('/api/v1/aid/budgets', token, { name: '2027年送温暖资金', year: 2027, source: 'federation-appropriation', amountFen: 10_000_000 }).expect(201)).body.id;
    const openFile = async (memberId: string, grade: string) => (await post('/api/v1/aid/hardship-files', token, { memberId, cause: 'illness', visit: SAMPLE_VISIT, grade }).expect(201)).body.id as string;
    const fileOfBoth = await openFile(both, 'deep');
    await openFile(fileOnly, 'relative');
    await openFile(leaves, 'deep');
    await openFile(accident, 'sudden-accident');
    await openFile(paidBefore, 'deep');

    // rules that cannot be evaluated: a 400 naming each, nothing created
    const bad = await post('/api/v1/aid/campaigns', token, campaignBody(budgetId, { eligibility: [{ fact: 'salary', anyOf: ['low'] }, { fact: 'hardship-grade', anyOf: ['very-deep'] }] })).expect(400);
    expect(bad.body.type).toMatch(/rule-not-evaluable$/);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['eligibility[0]', 'eligibility[1]']);
    await post('/api/v1/aid/campaigns', token, campaignBody(budgetId, { cashFen: undefined, items: undefined })).expect(400);

    // an earlier campaign (summer coolness) paid one member: the Spring Festival one excludes it
    const summer = (await post('/api/v1/aid/campaigns', token, campaignBody(budgetId, { name: '2026年夏送清凉', kind: 'summer-coolness', cashFen: 20_000, eligibility: [] })).expect(201)).body;
    const summerJob = (await nominate(summer.id, token, 'summer.csv', csv(`memberId\n${paidBefore}\n`)).expect(202)).body;
    await eventually(async () => expect((await get(`/api/v1/aid/campaigns/${summer.id}/nominations/${summerJob.id}`, token).expect(200)).body.status).toBe('completed'));
    await post(`/api/v1/aid/campaigns/${summer.id}/cross-check`, token).expect(200);
    await post(`/api/v1/aid/campaigns/${summer.id}/confirm`, token).expect(200);

    const campaign = (await post('/api/v1/aid/campaigns', token, campaignBody(budgetId, { excludePaidIn: [summer.id] })).expect(201)).body;
    expect(campaign).toMatchObject({ status: 'collecting', rounds: 0, crossCheckStale: true, cashFen: 33_875, eligibility: [{ fact: 'hardship-grade', anyOf: ['deep', 'relative'] }] });
    const url = `/api/v1/aid/campaigns/${campaign.id}`;

    // an applicant decided individually joins through the applications channel
    const applicationId = (await post('/api/v1/aid/applications', token, { memberId: applicant, kind: 'living', requestedAmountFen: 50_000, reason: '春节生活困难', documents: [{ name: '申请书', kind: 'other' }] }).expect(201)).body.id;
    await post(`/api/v1/aid/applications/${applicationId}/review`, token, { opinion: '材料齐全' }).expect(200);
    await post(`/api/v1/aid/applications/${applicationId}/investigate`, token, { investigatedOn: daysAgo(8), investigator: '王芳', findings: '情况属实' }).expect(200);
    await post(`/api/v1/aid/applications/${applicationId}/start-notice`, token, { days: 5, startsOn: daysAgo(7) }).expect(200);
    await post(`/api/v1/aid/applications/${applicationId}/close-notice`, token).expect(200);
    await openFile(applicant, 'relative');
    expect((await post(`${url}/applications`, token, { applicationIds: [applicationId] }).expect(422)).body.errors).toHaveLength(1); // not decided yet
    await post(`/api/v1/aid/applications/${applicationId}/decide`, token, { ...vote, approvedAmountFen: 50_000 }).expect(200);
    expect((await post(`${url}/applications`, token, { applicationIds: [applicationId] }).expect(200)).body).toEqual({ added: 1 });

    // rosters: a wrong header and mixed encodings are refused whole; a good one reports its bad rows
    expect((await nominate(campaign.id, token, 'n.csv', csv('姓名,身份证号\n张三,1\n')).expect(400)).body.type).toMatch(/wrong-roster-header$/);
    const mixed = Buffer.concat([Buffer.from('会员编号,行业\n', 'utf8'), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x0a]), Buffer.from('\u00e9,\u6c34\n', 'utf8'), Buffer.from([0xff, 0xfe, 0x0a])]);
    expect((await nominate(campaign.id, token, 'mixed.csv', mixed).expect(400)).body.type).toMatch(/roster-mixed-encoding$/);
    await nominate(campaign.id, token, 'n.pdf', Buffer.from('%PDF-1.4')).expect(415);
    expect((await nominate(campaign.id, token, 'empty.csv', csv('会员编号\n\n')).expect(400)).body.type).toMatch(/empty-roster$/);
    const huge = await nominate(campaign.id, token, 'huge.csv', Buffer.alloc(11 * 1024 * 1024, 'a')).expect(413);
    expect(huge.body).toMatchObject({ type: expect.stringMatching(/roster-too-large$/), errors: [expect.objectContaining({ field: 'file' })] });
    const withoutFile = await request(server()).post(`${url}/nominations`).set('authorization', token).field('nominatedBy', '渝北区总工会').expect(400);
    expect(withoutFile.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    expect((await nominate(campaign.id, token, 'n.csv', csv(`会员编号\n${both}\n`), ' ').expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'nominatedBy' })]);
    expect((await post(`${url}/nominations`, token, { nominatedBy: '渝北区总工会', fileName: 'n.csv' }).expect(400)).body.errors).toContainEqual(expect.objectContaining({ field: 'contentBase64' }));
    const roster = `\uFEFF会员编号,用工形式,有在读子女\n${both},外卖骑手,是\n${leaves},,\n${noFile},,否\n${accident},,\n${stranger},,\nnot-an-id,,\n${both},,\n${paidBefore},,\n`;
    const job = (await nominate(campaign.id, token, '渝北区推荐名单.csv', csv(roster)).expect(202)).body;
    expect(job).toMatchObject({ totalRows: 8, rejected: 2 });
    const done = await eventually(async () => {
      const view = (await get(`${url}/nominations/${job.id}`, token).expect(200)).body;
      expect(view.status).toBe('completed');
      return view;
    });
    expect(done).toMatchObject({ rowsDone: 8, accepted: 6, rejected: 2 });
    expect(done.rejections.map((r: { line: number }) => r.line)).toEqual([7, 8]);
    // an XLSX roster from an enterprise: the same person again through it changes nothing but facts
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('推荐名单');
    sheet.addRow(['memberId', 'industry']);
    sheet.addRow([noFile, '建筑业']);
    const xlsxJob = (await nominate(campaign.id, token, 'enterprise.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())).expect(202)).body;
    await eventually(async () => expect((await get(`${url}/nominations/${xlsxJob.id}`, token).expect(200)).body).toMatchObject({ status: 'completed', accepted: 1 }));
    // a GBK roster, as Chinese Excel saves it ("会员编号,行业" / "建筑业")
    const gbk = Buffer.concat([Buffer.from('bbe1d4b1b1e0bac52cd0d0d2b50a', 'hex'), Buffer.from(`${accident},`), Buffer.from('bda8d6fed2b5', 'hex'), Buffer.from('\n')]);
    const gbkJob = (await nominate(campaign.id, token, 'gbk.csv', gbk).expect(202)).body;
    await eventually(async () => expect((await get(`${url}/nominations/${gbkJob.id}`, token).expect(200)).body).toMatchObject({ status: 'completed', accepted: 1 }));
    // the JSON form with the file base64 still works for scripts: the same GBK roster, listed once
    const base64Job = (await nominateBase64(campaign.id, token, 'gbk.csv', gbk).expect(202)).body;
    await eventually(async () => expect((await get(`${url}/nominations/${base64Job.id}`, token).expect(200)).body).toMatchObject({ status: 'completed', accepted: 1, totalRows: 1 }));
    const [listing] = await runtime.dataSource.query(`SELECT industry FROM aid_campaign_listings WHERE campaign_id = $1 AND member_id = $2 AND channel = 'nomination'`, [campaign.id, accident]);
    expect(listing.industry).toBe('建筑业');

    await events.send(MemberLeftV1, { memberId: leaves, orgUnitId: d.orgUnitId, reason: 'changed-job', leftAt: new Date().toISOString() });
    await eventually(async () => {
      const [row] = await runtime.dataSource.query('SELECT status FROM member_directory WHERE member_id = $1', [leaves]);
      expect(row.status).toBe('left');
    });

    // confirming before any cross-check is refused
    expect((await post(`${url}/confirm`, token).expect(409)).body.type).toMatch(/cross-check-stale$/);
    const first = (await post(`${url}/cross-check`, token).expect(200)).body;
    expect(first).toMatchObject({ listed: 7, duplicates: 0, payableFen: 2 * 33_875 });
    expect(first.counts).toEqual({ payable: 2, 'already-paid': 0, 'paid-in-excluded': 1, 'not-member': 1, left: 1, ineligible: 2, missed: 1 });
    const missed = (await get(`${url}/cross-check?outcome=missed`, token).expect(200)).body.items;
    expect(missed).toEqual([expect.objectContaining({ memberId: fileOnly, outcome: 'missed', channels: [] })]);

    // the hardship-file channel brings in the missed, and the file holder nominated too is one person
    expect((await post(`${url}/hardship-files`, token).expect(200)).body.added).toBe(5); // both, fileOnly, leaves, paidBefore, applicant (accident's grade does not qualify)
    expect((await get(url, token).expect(200)).body.crossCheckStale).toBe(true);
    await post(`${url}/confirm`, token).expect(409);
    const second = (await post(`${url}/cross-check`, token).expect(200)).body;
    expect(second.counts).toEqual({ payable: 3, 'already-paid': 0, 'paid-in-excluded': 1, 'not-member': 1, left: 1, ineligible: 2, missed: 0 });
    expect(second).toMatchObject({ listed: 8, payableFen: 3 * 33_875 });
    const payable = (await get(`${url}/cross-check?outcome=payable`, token).expect(200)).body.items;
    expect(payable.map((v: { memberId: string }) => v.memberId).sort()).toEqual([both, fileOnly, applicant].sort());
    expect(payable.find((v: { memberId: string }) => v.memberId === both)).toMatchObject({ duplicate: true, channels: ['hardship-file', 'nomination'], hardshipFileId: fileOfBoth });
    const page = (await get(`${url}/cross-check?limit=4`, token).expect(200)).body;
    expect(page.items).toHaveLength(4);
    expect((await get(`${url}/cross-check?limit=4&cursor=${page.nextCursor}`, token).expect(200)).body.items).toHaveLength(4);

    const reader = await TopicReader.open(AidCampaignConfirmedV1.topic);
    try {
      const confirmed = (await post(`${url}/confirm`, token).expect(200)).body;
      expect(confirmed).toMatchObject({ round: 1, beneficiaries: 3, reservedFen: 3 * 33_875, distributionLines: 3 });
      expect((await get(`/api/v1/aid/budgets/${budgetId}`, token).expect(200)).body).toMatchObject({ reservedFen: 20_000 + 3 * 33_875, availableFen: 10_000_000 - 20_000 - 3 * 33_875 });
      // the individual application was approved into the campaign, the others got campaign applications
      expect((await get(`/api/v1/aid/applications/${applicationId}`, token).expect(200)).body).toMatchObject({ stage: 'approved', approvedAmountFen: 33_875, budgetId });
      const instructions = (await get(`/api/v1/aid/payment-batches/${confirmed.paymentBatchId}/instructions`, token).expect(200)).body.items as { id: string; memberId: string; amountFen: number; applicationId: string }[];
      expect(instructions.map((i) => i.memberId).sort()).toEqual([both, fileOnly, applicant].sort());
      // the list was confirmed: another round needs a new cross-check, which finds them paid
      await post(`${url}/confirm`, token).expect(409);
      const after = (await post(`${url}/cross-check`, token).expect(200)).body;
      expect(after.counts).toMatchObject({ payable: 0, 'already-paid': 3 });
      expect((await post(`${url}/confirm`, token).expect(422)).body.type).toMatch(/nothing-to-confirm$/);

      expect((await post(`${url}/close`, token).expect(409)).body.type).toMatch(/payments-pending$/);
      const ref = (memberId: string) => instructions.find((i) => i.memberId === memberId)!.id;
      const results = `reference,status,bankReference,reason\n${ref(both)},paid,B1,\n${ref(fileOnly)},paid,B2,\n${ref(applicant)},failed,B3,账号已销户\n`;
      expect((await post(`/api/v1/aid/payment-batches/${confirmed.paymentBatchId}/results`, token, { content: results }).expect(200)).body).toEqual({ paid: 2, failed: 1 });
      // a campaign's payees are paid, with no follow-up visit scheduled (16,000 of them would flood the 回访 list)
      for (const paid of [both, fileOnly]) {
        const view = (await get(`/api/v1/aid/applications/${instructions.find((i) => i.memberId === paid)!.applicationId}`, token).expect(200)).body;
        expect(view).toMatchObject({ stage: 'disbursed', followUpDueOn: null, followUpOverdue: false });
      }
      // the standard has rice too: the same three are on the in-kind list (still pending: that does not hold the close up)
      const lines = (await get(`${url}/distribution`, token).expect(200)).body;
      expect(lines.items.map((l: { memberId: string }) => l.memberId).sort()).toEqual([both, fileOnly, applicant].sort());
      expect(lines.counts).toEqual({ total: 3, delivered: 0, undelivered: 0, pending: 3 });
      const closed = (await post(`${url}/close`, token).expect(200)).body;
      expect(closed).toMatchObject({ status: 'closed', rounds: 1, figures: { confirmed: 3, confirmedFen: 3 * 33_875, paid: 2, paidFen: 2 * 33_875, pending: 0, failed: 1 } });
      await post(`${url}/hardship-files`, token).expect(409);

      await eventually(() => {
        const ours = reader.received.filter((r) => r.key === campaign.id);
        expect(ours.map((r) => r.event?.type)).toEqual(['cn.gonghui.aid.campaign.confirmed.v1', 'cn.gonghui.aid.campaign.paid.v1']);
        expect(ours[0].event?.data).toMatchObject({ round: 1, beneficiaries: 3, reservedFen: 101_625, paymentBatchId: confirmed.paymentBatchId });
        expect(ours[1].event?.data).toMatchObject({ paidCount: 2, paidFen: 67_750, failedCount: 1 });
        // counts only: no member appears in the events
        for (const r of ours) for (const m of [both, fileOnly, applicant]) expect(r.value).not.toContain(m);
      });
    } finally {
      await reader.close();
    }
  });

  it('a budget too small for the list is a 422 and nothing is applied; someone who left since the check is passed over; another district’s campaign is a 404', async () => {
    const d = testDistrict();
    const token = officerOf(d);
    const members = await announceMembers(events, runtime.dataSource, [d, d, d]);
    for (const memberId of members) await post('/api/v1/aid/hardship-files', token, { memberId, cause: 'illness', visit: SAMPLE_VISIT, grade: 'deep' }).expect(201);
    const budgetId = (await post('/api/v1/aid/budgets', token, { name: '小额资金', year: 2027, source: 'donation', amountFen: 100_000 }).expect(201)).body.id;
    const campaign = (await post('/api/v1/aid/campaigns', token, campaignBody(budgetId)).expect(201)).body;
    const url = `/api/v1/aid/campaigns/${campaign.id}`;
    expect((await post(`${url}/hardship-files`, token).expect(200)).body.added).toBe(3);
    expect((await post(`${url}/cross-check`, token).expect(200)).body.counts.payable).toBe(3);
    expect((await post(`${url}/confirm`, token).expect(422)).body.type).toMatch(/budget-insufficient$/);
    expect((await get(`/api/v1/aid/budgets/${budgetId}`, token).expect(200)).body).toMatchObject({ reservedFen: 0, availableFen: 100_000 });
    const [{ n }] = await runtime.dataSource.query('SELECT count(*)::int AS n FROM aid_applications WHERE campaign_id = $1', [campaign.id]);
    expect(n).toBe(0);
    expect((await get(url, token).expect(200)).body).toMatchObject({ status: 'collecting', rounds: 0 });
    // someone who left after the cross-check is passed over at confirmation: the other two fit
    await events.send(MemberLeftV1, { memberId: members[0], orgUnitId: d.orgUnitId, reason: 'changed-job', leftAt: new Date().toISOString() });
    await eventually(async () => {
      const [row] = await runtime.dataSource.query('SELECT status FROM member_directory WHERE member_id = $1', [members[0]]);
      expect(row.status).toBe('left');
    });
    expect((await post(`${url}/confirm`, token).expect(200)).body).toMatchObject({ round: 1, beneficiaries: 2, reservedFen: 67_750 });
    expect((await get(`/api/v1/aid/budgets/${budgetId}`, token).expect(200)).body).toMatchObject({ reservedFen: 67_750, availableFen: 32_250 });
    await get(url, officerOf(testDistrict())).expect(404);
    expect((await get('/api/v1/aid/campaigns', token).expect(200)).body.items.map((c: { id: string }) => c.id)).toEqual([campaign.id]);
  });
});
