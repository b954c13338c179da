import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MedicalClaimApprovedV1, MedicalClaimPaidV1, MemberEnrolledV1 } from '@gonghui/contracts';
import { chinaDate, createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { EventSender, eventually, testDistrict, TestDistrict, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { aidService } from '../src/service';

/** Medical mutual aid (职工医疗互助): plans, gig workers joining from the member event, claims reimbursed within the cap and paid from the budget, by hand or through a payment batch. */
describe('aid medical mutual aid', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  let reader: TopicReader;

  const officerOf = (unit: TestDistrict) =>
    `Bearer ${tokenFor({ userId: randomUUID(), username: `aid-${unit.orgUnitId.slice(0, 8)}`, roles: ['aid-officer'], orgUnitId: unit.orgUnitId, scopePath: unit.path })}`;
  const server = () => app.getHttpServer();
  const post = (url: string, token: string, body: object = {}) => request(server()).post(url).set('authorization', token).send(body);
  const get = (url: string, token: string) => request(server()).get(url).set('authorization', token);
  const year = () => Number(chinaDate(new Date()).slice(0, 4));
  const RULES = { contributionFen: 3_000, deductibleFen: 100_000, reimbursementPercent: 50, yearlyCapFen: 3_000_000, fastChannelLimitFen: 200_000 };
  const DRIVER = { billTotalFen: 10_000_000, insuranceFen: 7_300_000, selfPaidFen: 2_700_000, documents: ['invoice', 'insurance-settlement', 'discharge-summary'] };

  /** Members announced by membership as it would, with their employment form; answers once aid knows them. */
  const enrol = async (unit: TestDistrict, employmentForm: MemberEnrolledV1['employmentForm'], count = 1) => {
    const ids = Array.from({ length: count }, () => randomUUID());
    await events.sendMany(
      MemberEnrolledV1,
      ids.map((memberId) => ({ ...MemberEnrolledV1.example, memberId, orgUnitId: unit.orgUnitId, orgUnitPath: unit.path, employmentForm, enrolledAt: new Date().toISOString() })),
    );
    await eventually(async () => {
      const [{ n }] = await runtime.dataSource.query('SELECT count(*)::int AS n FROM member_directory WHERE member_id = ANY($1)', [ids]);
      expect(n).toBe(count);
    });
    return ids;
  };
  const budget = async (d: TestDistrict, amountFen: number) =>
    (await post('/api/v1/aid/budgets', officerOf(d), { name: '职工医疗互助资金', year: year(), source: 'union-dues', amountFen }).expect(201)).body.id as string;
  const plan = async (d: TestDistrict, budgetId: string, extra: object = {}) =>
    (await post('/api/v1/aid/medical-plans', officerOf(d), { name: `${year()}年度职工医疗互助`, year: year(), budgetId, gigWorkersFree: true, ...RULES, ...extra }).expect(201)).body;
  const membersOf = async (d: TestDistrict, planId: string) =>
    (await get(`/api/v1/aid/medical-plans/${planId}/members?limit=500`, officerOf(d)).expect(200)).body.items as { memberId: string; joinedVia: string; contributionFen: number; reimbursedFen: number; capLeftFen: number }[];
  const claim = (d: TestDistrict, planId: string, memberId: string, figures: object = DRIVER) => post('/api/v1/aid/medical-claims', officerOf(d), { planId, memberId, ...figures });

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    events = await EventSender.open('aid-medical-test-producer');
    reader = await TopicReader.open(MedicalClaimPaidV1.topic);
  });

  afterAll(async () => {
    await reader?.close();
    await events?.close();
    await app?.close();
  });

  it('covers gig workers free from the member event with no officer involved, once, and those known before the plan too', async () => {
    const d = testDistrict();
    const [earlyRider] = await enrol(d, 'gig-delivery'); // before any plan exists
    const budgetId = await budget(d, 10_000_000);
    const p = await plan(d, budgetId);
    expect(p).toMatchObject({ year: year(), gigWorkersFree: true, budgetId, members: 1, gigWorkers: 1 });

    const [driver] = await enrol(d, 'gig-ride-hailing');
    const [clerk] = await enrol(d, 'regular');
    const joined = await eventually(async () => {
      const members = await membersOf(d, p.id);
      expect(members.map((m) => m.memberId).sort()).toEqual([earlyRider, driver].sort());
      return members;
    });
    expect(joined.every((m) => m.joinedVia === 'gig-worker' && m.contributionFen === 0)).toBe(true);

    // the driver's enrolment delivered again (same event id), and once more as a new event: still one membership.
    // A gig marker on the same partition key comes after them, so once it has joined they have been handled.
    const again = { ...MemberEnrolledV1.example, memberId: driver, orgUnitId: d.orgUnitId, orgUnitPath: d.path, employmentForm: 'gig-ride-hailing' as const, enrolledAt: new Date().toISOString() };
    await events.send(MemberEnrolledV1, again);
    await events.send(MemberEnrolledV1, again);
    const marker = randomUUID();
    await events.send(MemberEnrolledV1, { ...again, memberId: marker }, { key: driver });
    await eventually(async () => expect((await membersOf(d, p.id)).map((m) => m.memberId)).toContain(marker));
    const [{ n }] = await runtime.dataSource.query('SELECT count(*)::int AS n FROM medical_plan_members WHERE member_id = $1', [driver]);
    expect(n).toBe(1);

    // an officer joins a regular member, who pays the contribution; twice is a 409; another district's member is unknown
    const clerkJoined = (await post(`/api/v1/aid/medical-plans/${p.id}/members`, officerOf(d), { memberId: clerk }).expect(201)).body;
    expect(clerkJoined).toMatchObject({ joinedVia: 'officer', contributionFen: 3_000, capLeftFen: 3_000_000 });
    expect((await post(`/api/v1/aid/medical-plans/${p.id}/members`, officerOf(d), { memberId: clerk }).expect(409)).body.type).toMatch(/already-in-plan$/);
    const [stranger] = await enrol(testDistrict(), 'regular');
    expect((await post(`/api/v1/aid/medical-plans/${p.id}/members`, officerOf(d), { memberId: stranger }).expect(422)).body.type).toMatch(/unknown-member$/);
    expect((await get(`/api/v1/aid/medical-plans/${p.id}`, officerOf(d)).expect(200)).body).toMatchObject({ members: 4, gigWorkers: 3 });

    // one plan per unit and year covers gig workers free; rules that cannot be evaluated are a 400
    expect((await post('/api/v1/aid/medical-plans', officerOf(d), { name: '第二个方案', year: year(), budgetId, gigWorkersFree: true, ...RULES }).expect(409)).body.type).toMatch(/gig-plan-exists$/);
    const bad = await post('/api/v1/aid/medical-plans', officerOf(d), { name: '规则有误', year: year(), budgetId, gigWorkersFree: false, ...RULES, fastChannelLimitFen: 4_000_000 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['fastChannelLimitFen']);
    await post('/api/v1/aid/medical-plans', officerOf(d), { name: '规则有误', year: year(), budgetId, gigWorkersFree: false, ...RULES, reimbursementPercent: 0 }).expect(400);
    await post('/api/v1/aid/medical-plans', officerOf(d), { name: '年度不符', year: year() + 1, budgetId, gigWorkersFree: false, ...RULES }).expect(400);
    await post('/api/v1/aid/medical-plans', officerOf(testDistrict()), { name: '别区', year: year(), budgetId, gigWorkersFree: false, ...RULES }).expect(404);
  });

  it('reimburses the driver’s 100,000-yuan bill with 13,000 yuan, pays it from the budget, shows the days, and fast-tracks a gig worker’s small claim', async () => {
    const d = testDistrict();
    const budgetId = await budget(d, 10_000_000);
    const p = await plan(d, budgetId);
    const [driver, rider] = await enrol(d, 'regular', 2);
    await post(`/api/v1/aid/medical-plans/${p.id}/members`, officerOf(d), { memberId: driver }).expect(201);
    const [courier] = await enrol(d, 'gig-courier');
    await eventually(async () => expect((await membersOf(d, p.id)).map((m) => m.memberId)).toContain(courier));

    // bad figures: the insurance paying more than the bill, parts that do not add up, a member not in the plan
    const over = await claim(d, p.id, driver, { ...DRIVER, insuranceFen: 10_000_001, selfPaidFen: 0 }).expect(400);
    expect(over.body.errors).toEqual([expect.objectContaining({ field: 'insuranceFen' })]);
    await claim(d, p.id, driver, { ...DRIVER, selfPaidFen: 1 }).expect(400);
    expect((await claim(d, p.id, rider).expect(422)).body.type).toMatch(/not-in-plan$/);
    const [{ n }] = await runtime.dataSource.query('SELECT count(*)::int AS n FROM medical_claims WHERE plan_id = $1', [p.id]);
    expect(n).toBe(0);

    const submitted = (await claim(d, p.id, driver).expect(201)).body;
    expect(submitted).toMatchObject({ status: 'submitted', reimbursementFen: null, fastChannel: false, daysTaken: 0 });
    const approved = (await post(`/api/v1/aid/medical-claims/${submitted.id}/approve`, officerOf(d)).expect(200)).body;
    expect(approved).toMatchObject({ status: 'approved', reimbursementFen: 1_300_000, capped: false });
    expect((await post(`/api/v1/aid/medical-claims/${submitted.id}/approve`, officerOf(d)).expect(409)).body.detail).toContain('已核准待支付');
    expect((await get(`/api/v1/aid/budgets/${budgetId}`, officerOf(d)).expect(200)).body).toMatchObject({ reservedFen: 1_300_000, availableFen: 8_700_000 });
    const paid = (await post(`/api/v1/aid/medical-claims/${submitted.id}/pay`, officerOf(d), { bankReference: 'CCB20261128001' }).expect(200)).body;
    expect(paid).toMatchObject({ status: 'paid', daysTaken: 0, bankReference: 'CCB20261128001' });
    expect((await get(`/api/v1/aid/budgets/${budgetId}`, officerOf(d)).expect(200)).body).toMatchObject({ reservedFen: 0, spentFen: 1_300_000 });
    const ledger = (await get(`/api/v1/aid/budgets/${budgetId}/ledger`, officerOf(d)).expect(200)).body.items;
    expect(ledger.filter((e: { note: string | null }) => e.note?.includes(submitted.id)).map((e: { kind: string }) => e.kind)).toEqual(['reservation', 'spend']);

    // the gig worker's small claim with complete documents is approved at once; an incomplete one waits for an officer
    const small = { billTotalFen: 800_000, insuranceFen: 500_000, selfPaidFen: 300_000, documents: ['invoice', 'insurance-settlement'] };
    const fast = (await claim(d, p.id, courier, small).expect(201)).body;
    expect(fast).toMatchObject({ status: 'approved', fastChannel: true, decidedBy: 'fast-channel', reimbursementFen: 100_000 });
    const slow = (await claim(d, p.id, courier, { ...small, documents: ['invoice'] }).expect(201)).body;
    expect(slow).toMatchObject({ status: 'submitted', fastChannel: false });
    const rejected = (await post(`/api/v1/aid/medical-claims/${slow.id}/reject`, officerOf(d), { reason: '缺少医保结算单' }).expect(200)).body;
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: '缺少医保结算单', daysTaken: 0 });
    expect((await get(`/api/v1/aid/medical-claims?planId=${p.id}&status=approved`, officerOf(d)).expect(200)).body.items.map((c: { id: string }) => c.id)).toEqual([fast.id]);
    await get(`/api/v1/aid/medical-claims/${fast.id}`, officerOf(testDistrict())).expect(404);

    // events: amounts and ids only, no bill, insurance or document detail
    const raw = await eventually(() => {
      const found = reader.received.filter((r) => r.event?.data.claimId === submitted.id || r.event?.data.claimId === fast.id);
      expect(found.map((r) => r.event!.type).sort()).toEqual([MedicalClaimApprovedV1.type, MedicalClaimApprovedV1.type, MedicalClaimPaidV1.type]);
      return found;
    });
    const paidEvent = raw.find((r) => r.event!.type === MedicalClaimPaidV1.type)!;
    expect(paidEvent.event!.data).toEqual({ claimId: submitted.id, planId: p.id, memberId: driver, budgetId, amountFen: 1_300_000, daysTaken: 0, paidAt: expect.any(String) });
    for (const r of raw) expect(r.value).not.toMatch(/bill|insurance|selfPaid|discharge|invoice/i);
  });

  it('pays approved claims through a payment batch of the plan’s budget: the bank’s result marks each paid or failed, a failed one is re-issued or paid by hand, and the ledger balances', async () => {
    const d = testDistrict();
    const token = officerOf(d);
    const budgetId = await budget(d, 10_000_000);
    const p = await plan(d, budgetId, { gigWorkersFree: false });
    const [driver, clerk, cook, waiting] = await enrol(d, 'regular', 4);
    for (const memberId of [driver, clerk, cook, waiting]) await post(`/api/v1/aid/medical-plans/${p.id}/members`, token, { memberId }).expect(201);
    for (const [memberId, accountName, accountNumber] of [
      [driver, '刘建国', '6222021234567890001'],
      [clerk, '陈秀英', '6222021234567890002'],
      [cook, '王德明', '6222021234567890003'],
    ]) {
      await request(server()).put(`/api/v1/aid/members/${memberId}/bank-account`).set('authorization', token).send({ bankName: '中国工商银行重庆渝北支行', accountName, accountNumber }).expect((r) => expect(r.status).toBeLessThan(300));
    }
    const small = { billTotalFen: 800_000, insuranceFen: 500_000, selfPaidFen: 300_000, documents: ['invoice', 'insurance-settlement'] }; // 1,000 yuan back
    const approvedClaim = async (memberId: string, figures: object) => {
      const { id } = (await claim(d, p.id, memberId, figures).expect(201)).body;
      return (await post(`/api/v1/aid/medical-claims/${id}/approve`, token).expect(200)).body as { id: string; reimbursementFen: number };
    };
    const big = await approvedClaim(driver, DRIVER); // 13,000 yuan
    const returned = await approvedClaim(clerk, small);
    const byHand = await approvedClaim(cook, small);
    const notYet = (await claim(d, p.id, waiting, small).expect(201)).body; // not approved: not gathered
    const claimOf = async (id: string) => (await get(`/api/v1/aid/medical-claims/${id}`, token).expect(200)).body;

    // the plan's budget gathers its approved claims into a batch, once
    const batch = (await post('/api/v1/aid/payment-batches', token, { budgetId }).expect(201)).body;
    expect(batch).toMatchObject({ budgetId, counts: { pending: 3, paid: 0, failed: 0, reissued: 0 }, totalFen: 1_500_000 });
    expect((await post('/api/v1/aid/payment-batches', token, { budgetId }).expect(422)).body.type).toMatch(/nothing-to-pay$/);
    const instructions = (await get(`/api/v1/aid/payment-batches/${batch.id}/instructions`, token).expect(200)).body.items as { id: string; medicalClaimId: string; applicationId: null; amountFen: number }[];
    expect(instructions.map((i) => [i.medicalClaimId, i.applicationId, i.amountFen]).sort()).toEqual(
      [
        [big.id, null, 1_300_000],
        [returned.id, null, 100_000],
        [byHand.id, null, 100_000],
      ].sort(),
    );
    const ref = (claimId: string) => instructions.find((i) => i.medicalClaimId === claimId)!.id;
    expect(await claimOf(big.id)).toMatchObject({ status: 'approved', paymentBatchId: batch.id, paymentFailureReason: null });
    expect(await claimOf(notYet.id)).toMatchObject({ status: 'submitted', paymentBatchId: null });
    // while its instruction is with the bank, a claim cannot also be paid by hand
    expect((await post(`/api/v1/aid/medical-claims/${big.id}/pay`, token, { bankReference: 'CASH-1' }).expect(409)).body.type).toMatch(/payment-in-batch$/);

    const csv = (await get(`/api/v1/aid/payment-batches/${batch.id}/export.csv`, token).expect(200)).text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv.slice(1).sort()).toEqual(
      [`${ref(big.id)},刘建国,6222021234567890001,中国工商银行重庆渝北支行,13000.00,医疗互助报销`, `${ref(returned.id)},陈秀英,6222021234567890002,中国工商银行重庆渝北支行,1000.00,医疗互助报销`, `${ref(byHand.id)},王德明,6222021234567890003,中国工商银行重庆渝北支行,1000.00,医疗互助报销`].sort(),
    );

    // the bank pays one and returns two
    const header = 'reference,status,bankReference,reason';
    const results = (content: string) => post(`/api/v1/aid/payment-batches/${batch.id}/results`, token, { content });
    expect((await results(`${header}\n${ref(big.id)},paid,ICBC20261126MA01,\n${ref(returned.id)},failed,ICBC20261126MA02,账户已销户\n${ref(byHand.id)},failed,ICBC20261126MA03,户名不符\n`).expect(200)).body).toEqual({ paid: 1, failed: 2 });
    expect(await claimOf(big.id)).toMatchObject({ status: 'paid', bankReference: 'ICBC20261126MA01', paidAt: expect.stringMatching(/\+08:00$/), daysTaken: 0 });
    expect(await claimOf(returned.id)).toMatchObject({ status: 'payment-failed', paymentFailureReason: '账户已销户', paidAt: null });
    expect((await get(`/api/v1/aid/medical-claims?planId=${p.id}&status=payment-failed`, token).expect(200)).body.items.map((c: { id: string }) => c.id).sort()).toEqual([returned.id, byHand.id].sort());
    // paid: the reservation spent; failed: still reserved
    expect((await get(`/api/v1/aid/budgets/${budgetId}`, token).expect(200)).body).toMatchObject({ reservedFen: 200_000, spentFen: 1_300_000, availableFen: 8_500_000 });

    // one failed payment is re-issued and paid by the bank; the other is paid by hand, and then cannot be re-issued
    const again = (await post(`/api/v1/aid/payment-instructions/${ref(returned.id)}/reissue`, token, { note: '已更正银行账号' }).expect(200)).body;
    expect(again).toMatchObject({ status: 'pending', medicalClaimId: returned.id, reissueOf: ref(returned.id), batchId: batch.id });
    expect(await claimOf(returned.id)).toMatchObject({ status: 'approved', paymentFailureReason: null });
    expect((await post(`/api/v1/aid/medical-claims/${returned.id}/pay`, token, { bankReference: 'CASH-2' }).expect(409)).body.type).toMatch(/payment-in-batch$/);
    expect((await results(`${header}\n${again.id},paid,ICBC20261127MA02,\n`).expect(200)).body).toEqual({ paid: 1, failed: 0 });
    expect(await claimOf(returned.id)).toMatchObject({ status: 'paid', bankReference: 'ICBC20261127MA02' });
    expect(await claimOf(byHand.id)).toMatchObject({ status: 'payment-failed' });
    expect((await post(`/api/v1/aid/medical-claims/${byHand.id}/pay`, token, { bankReference: '现金支付-0001' }).expect(200)).body).toMatchObject({ status: 'paid', bankReference: '现金支付-0001' });
    expect((await post(`/api/v1/aid/payment-instructions/${ref(byHand.id)}/reissue`, token).expect(409)).body.detail).toContain('已支付');

    // the ledger: each claim reserved once and spent once, the bank's spends naming the instruction; the budget adds up
    expect((await get(`/api/v1/aid/budgets/${budgetId}`, token).expect(200)).body).toMatchObject({ reservedFen: 0, spentFen: 1_500_000, availableFen: 8_500_000 });
    const ledger = (await get(`/api/v1/aid/budgets/${budgetId}/ledger?limit=100`, token).expect(200)).body.items as { kind: string; note: string | null; paymentInstructionId: string | null; amountFen: number }[];
    const of = (claimId: string) => ledger.filter((e) => e.note?.includes(claimId)).map((e) => [e.kind, e.amountFen, e.paymentInstructionId]);
    expect(of(big.id)).toEqual([
      ['reservation', 1_300_000, null],
      ['spend', 1_300_000, ref(big.id)],
    ]);
    expect(of(returned.id)).toEqual([
      ['reservation', 100_000, null],
      ['spend', 100_000, again.id],
    ]);
    expect(of(byHand.id)).toEqual([
      ['reservation', 100_000, null],
      ['spend', 100_000, null],
    ]);
    expect((await get(`/api/v1/aid/payment-batches/${batch.id}`, token).expect(200)).body).toMatchObject({ counts: { pending: 0, paid: 2, failed: 1, reissued: 1 }, paidFen: 1_400_000 });

    // each paid claim announced once, whichever way it was paid
    await eventually(() => {
      const paid = reader.events(MedicalClaimPaidV1.type).filter((e) => [big.id, returned.id, byHand.id].includes(e.data.claimId));
      expect(paid.map((e) => [e.data.claimId, e.data.amountFen]).sort()).toEqual(
        [
          [big.id, 1_300_000],
          [returned.id, 100_000],
          [byHand.id, 100_000],
        ].sort(),
      );
    });
  });

  it('holds the yearly cap across claims approved at the same moment, and never takes the budget below zero', async () => {
    const d = testDistrict();
    const budgetId = await budget(d, 3_500_000);
    const p = await plan(d, budgetId, { gigWorkersFree: false });
    const [worker, other] = await enrol(d, 'regular', 2);
    for (const memberId of [worker, other]) await post(`/api/v1/aid/medical-plans/${p.id}/members`, officerOf(d), { memberId }).expect(201);
    // each claim gives 12,000 yuan by the rules; the cap is 30,000 a year
    const each = { billTotalFen: 5_000_000, insuranceFen: 2_500_000, selfPaidFen: 2_500_000, documents: ['invoice', 'insurance-settlement'] };
    const claims = [];
    for (let i = 0; i < 4; i += 1) claims.push((await claim(d, p.id, worker, each).expect(201)).body.id);
    const raced = await Promise.all(claims.map((id) => post(`/api/v1/aid/medical-claims/${id}/approve`, officerOf(d))));
    expect(raced.map((r) => r.status).sort()).toEqual([200, 200, 200, 422]);
    expect(raced.filter((r) => r.status === 200).map((r) => r.body.reimbursementFen).sort((a, b) => a - b)).toEqual([600_000, 1_200_000, 1_200_000]);
    expect(raced.filter((r) => r.status === 200).map((r) => r.body.capped).sort()).toEqual([false, false, true]);
    expect(raced.find((r) => r.status === 422)!.body.type).toMatch(/nothing-to-reimburse$/);
    const [me] = (await membersOf(d, p.id)).filter((m) => m.memberId === worker);
    expect(me).toMatchObject({ reimbursedFen: 3_000_000, capLeftFen: 0 });

    // 5,000 yuan are left in the budget: another member's 12,000 is refused by the ledger, and nothing moves
    const otherClaim = (await claim(d, p.id, other, each).expect(201)).body.id;
    expect((await post(`/api/v1/aid/medical-claims/${otherClaim}/approve`, officerOf(d)).expect(422)).body.type).toMatch(/budget-insufficient$/);
    expect((await get(`/api/v1/aid/budgets/${budgetId}`, officerOf(d)).expect(200)).body).toMatchObject({ reservedFen: 3_000_000, availableFen: 500_000 });
    expect((await get(`/api/v1/aid/medical-claims/${otherClaim}`, officerOf(d)).expect(200)).body.status).toBe('submitted');
    const [mine] = (await membersOf(d, p.id)).filter((m) => m.memberId === other);
    expect(mine.reimbursedFen).toBe(0);
  });
});
