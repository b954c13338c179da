import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Workbook } from 'exceljs';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AidApplicationDisbursedV1 } from '@gonghui/contracts';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, eventually, testDistrict, TestDistrict, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { aidService } from '../src/service';
import { SAMPLE_VISIT } from './sample-visit';

/** Disbursement over HTTP against real Postgres and Kafka: batch, bank files, results, re-issue, follow-up. */
describe('aid disbursement and follow-up', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;

  const officerOf = (unit: TestDistrict) =>
    `Bearer ${tokenFor({ userId: randomUUID(), username: `aid-${unit.orgUnitId.slice(0, 8)}`, roles: ['aid-officer'], orgUnitId: unit.orgUnitId, scopePath: unit.path })}`;
  const server = () => app.getHttpServer();
  const post = (url: string, token: string, body: object = {}) => request(server()).post(url).set('authorization', token).send(body);
  const get = (url: string, token: string) => request(server()).get(url).set('authorization', token);
  const act = (id: string, action: string, token: string, body: object = {}) => post(`/api/v1/aid/applications/${id}/${action}`, token, body);
  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const header = 'reference,status,bankReference,reason';

  const account = (memberId: string, token: string, accountNumber: string, accountName = '李秀英') =>
    request(server()).put(`/api/v1/aid/members/${memberId}/bank-account`).set('authorization', token).send({ bankName: '中国工商银行重庆渝北支行', accountName, accountNumber }).expect((r) => expect(r.status).toBeLessThan(300));

  /** Fast track to approval: the chair approves alone (the regular path is covered in applications.int-spec.ts). */
  const approved = async (d: TestDistrict, memberId: string, budgetId: string, amountFen: number, over: object = {}): Promise<string> => {
    const token = officerOf(d);
    const body = { memberId, kind: 'emergency', fastTrack: true, requestedAmountFen: amountFen, reason: '突发重病', documents: [{ name: '诊断证明', kind: 'medical' }], ...over };
    const { id } = (await post('/api/v1/aid/applications', token, body).expect(201)).body;
    await act(id, 'chair-approve', token, { chair: '张明', approvedAmountFen: amountFen, budgetId }).expect(200);
    return id;
  };

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    events = await EventSender.open('aid-disbursement-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('pays a batch through the bank’s files: export CSV and XLSX, refuse bad result files whole, settle paid and failed, re-issue once, never pay twice', async () => {
    const d = testDistrict();
    const token = officerOf(d);
    const [withFile, second, third] = await announceMembers(events, runtime.dataSource, [d, d, d]);
    const budgetId = (await post('/api/v1/aid/budgets', token, { name: '区级帮扶资金', year: 2026, source: 'federation-appropriation', amountFen: 10_000_000 }).expect(201)).body.id;
    const file = (await post('/api/v1/aid/hardship-files', token, { memberId: withFile, cause: 'illness', visit: SAMPLE_VISIT }).expect(201)).body;
    const appA = await approved(d, withFile, budgetId, 2_650_000, { hardshipFileId: file.id, memberId: undefined });
    const appB = await approved(d, second, budgetId, 1_000_000);
    const appC = await approved(d, third, budgetId, 500_001);
    await account(withFile, token, '6222021234567890123');
    await account(second, token, '6222021234567890456', '王建国');

    const batch = (await post('/api/v1/aid/payment-batches', token, { budgetId }).expect(201)).body;
    expect(batch).toMatchObject({ budgetId, counts: { pending: 3, paid: 0, failed: 0, reissued: 0 }, totalFen: 4_150_001, paidFen: 0 });
    // nothing left to gather: a second batch is refused
    expect((await post('/api/v1/aid/payment-batches', token, { budgetId }).expect(422)).body.type).toMatch(/nothing-to-pay$/);
    // a pending payment holds the approval
    expect((await act(appB, 'cancel', token, { reason: '重复申请' }).expect(409)).body.type).toMatch(/payment-pending$/);

    // the third member has no account: the export names them and nothing is exported
    const missing = await get(`/api/v1/aid/payment-batches/${batch.id}/export.csv`, token).expect(422);
    expect(missing.body.errors).toEqual([expect.objectContaining({ message: expect.stringContaining(third) })]);
    await account(third, token, '6222021234567890789', '赵敏');

    const csv = await get(`/api/v1/aid/payment-batches/${batch.id}/export.csv`, token).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toBe('reference,accountName,accountNumber,bankName,amountYuan,memo');
    const instructions = (await get(`/api/v1/aid/payment-batches/${batch.id}/instructions`, token).expect(200)).body.items as { id: string; applicationId: string; amountFen: number }[];
    const ref = (applicationId: string) => instructions.find((i) => i.applicationId === applicationId)!.id;
    expect(rows.slice(1).sort()).toEqual(
      [
        `${ref(appA)},李秀英,6222021234567890123,中国工商银行重庆渝北支行,26500.00,帮扶金-应急救助`,
        `${ref(appB)},王建国,6222021234567890456,中国工商银行重庆渝北支行,10000.00,帮扶金-应急救助`,
        `${ref(appC)},赵敏,6222021234567890789,中国工商银行重庆渝北支行,5000.01,帮扶金-应急救助`,
      ].sort(),
    );
    const xlsx = await get(`/api/v1/aid/payment-batches/${batch.id}/export.xlsx`, token)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('发放明细')!;
    expect(sheet.rowCount).toBe(4);
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(['reference', 'accountName', 'accountNumber', 'bankName', 'amountYuan', 'memo']);
    const [{ exports }] = await runtime.dataSource.query('SELECT count(*)::int AS exports FROM payment_batch_exports WHERE batch_id = $1', [batch.id]);
    expect(exports).toBe(2);

    // bad files: a bad header; an unknown reference and a duplicated line. Each a 400 naming the lines, nothing applied
    const results = (content: string) => post(`/api/v1/aid/payment-batches/${batch.id}/results`, token, { content });
    expect((await results(`ref,status\n${ref(appA)},paid`).expect(400)).body.errors).toEqual([expect.objectContaining({ field: 'content' })]);
    const bad = await results(`${header}\n${ref(appA)},paid,ICBC001,\n${randomUUID()},paid,ICBC002,\n${ref(appA)},paid,ICBC001,\n`).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['lines[3]', 'lines[4]']);
    expect((await get(`/api/v1/aid/payment-batches/${batch.id}`, token).expect(200)).body.counts).toEqual({ pending: 3, paid: 0, failed: 0, reissued: 0 });
    expect((await get(`/api/v1/aid/budgets/${budgetId}`, token).expect(200)).body).toMatchObject({ reservedFen: 4_150_001, spentFen: 0 });

    const reader = await TopicReader.open(AidApplicationDisbursedV1.topic);
    try {
      const good = `${header}\r\n${ref(appA)},paid,ICBC20261126001,\r\n${ref(appB)},paid,ICBC20261126002,\r\n${ref(appC)},failed,ICBC20261126003,户名与账号不符\r\n`;
      expect((await results(good).expect(200)).body).toEqual({ paid: 2, failed: 1 });
      // the same file again: every line is settled already, nothing applied twice
      const again = await results(good).expect(400);
      expect(again.body.errors).toHaveLength(3);

      expect((await get(`/api/v1/aid/budgets/${budgetId}`, token).expect(200)).body).toMatchObject({ reservedFen: 500_001, spentFen: 3_650_000, availableFen: 5_849_999 });
      const paidA = (await get(`/api/v1/aid/applications/${appA}`, token).expect(200)).body;
      expect(paidA).toMatchObject({ stage: 'disbursed', followUpOverdue: false });
      expect(paidA.paidAt).toMatch(/\+08:00$/);
      expect(paidA.followUpDueOn).toBe(new Date(Date.parse(`${today()}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10));
      expect(paidA.fastTrackClock).toMatchObject({ overdue: false, targetHours: 72 });
      expect((await get(`/api/v1/aid/applications/${appC}`, token).expect(200)).body.stage).toBe('approved');
      const [helped] = await runtime.dataSource.query('SELECT last_helped_at FROM hardship_files WHERE id = $1', [file.id]);
      expect(helped.last_helped_at).not.toBeNull();

      const disbursed = await eventually(() => {
        const mine = reader.events(AidApplicationDisbursedV1.type).filter((e) => [appA, appB, appC].includes(e.data.applicationId));
        expect(mine).toHaveLength(2);
        return mine;
      });
      expect(disbursed.find((e) => e.data.applicationId === appA)!.data).toEqual({
        applicationId: appA,
        memberId: withFile,
        orgUnitId: d.orgUnitId,
        kind: 'emergency',
        budgetId,
        paidAmountFen: 2_650_000,
        paidAt: expect.any(String),
      });
      expect(JSON.stringify(disbursed)).not.toContain('6222021234567890');
    } finally {
      await reader.close();
    }

    // re-issue: only a failed instruction, and only once
    const failedRef = ref(appC);
    expect((await post(`/api/v1/aid/payment-instructions/${ref(appA)}/reissue`, token).expect(409)).body.detail).toContain('已发放');
    await account(third, token, '6222021234567890999', '赵敏');
    const reissued = (await post(`/api/v1/aid/payment-instructions/${failedRef}/reissue`, token, { note: '已更正银行账号' }).expect(200)).body;
    expect(reissued).toMatchObject({ status: 'pending', reissueOf: failedRef, applicationId: appC, amountFen: 500_001, batchId: batch.id });
    await post(`/api/v1/aid/payment-instructions/${failedRef}/reissue`, token).expect(409);
    const onlyNew = (await get(`/api/v1/aid/payment-batches/${batch.id}/export.csv`, token).expect(200)).text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(onlyNew.slice(1)).toEqual([`${reissued.id},赵敏,6222021234567890999,中国工商银行重庆渝北支行,5000.01,帮扶金-应急救助`]);
    // the old, failed reference cannot be paid
    await results(`${header}\n${failedRef},paid,ICBC9,\n`).expect(400);
    expect((await results(`${header}\n${reissued.id},paid,ICBC20261127001,\n`).expect(200)).body).toEqual({ paid: 1, failed: 0 });

    const [{ paidTwice }] = await runtime.dataSource.query(
      `SELECT count(*)::int AS "paidTwice" FROM (SELECT application_id FROM payment_instructions WHERE batch_id = $1 AND status = 'paid' GROUP BY application_id HAVING count(*) > 1) x`,
      [batch.id],
    );
    expect(paidTwice).toBe(0);
    // every fen traceable: each spend entry names its instruction and application
    const ledger = (await get(`/api/v1/aid/budgets/${budgetId}/ledger`, token).expect(200)).body.items as { kind: string; amountFen: number; applicationId: string; paymentInstructionId: string }[];
    const spends = ledger.filter((e) => e.kind === 'spend');
    expect(spends.map((e) => [e.applicationId, e.amountFen]).sort()).toEqual(
      [
        [appA, 2_650_000],
        [appB, 1_000_000],
        [appC, 500_001],
      ].sort(),
    );
    expect(spends.every((e) => e.paymentInstructionId)).toBe(true);
    expect((await get(`/api/v1/aid/budgets/${budgetId}`, token).expect(200)).body).toMatchObject({ reservedFen: 0, spentFen: 4_150_001, availableFen: 5_849_999 });
    expect((await get(`/api/v1/aid/payment-batches/${batch.id}`, token).expect(200)).body).toMatchObject({ counts: { pending: 0, paid: 3, failed: 0, reissued: 1 }, paidFen: 4_150_001 });

    // another district's officer sees none of it
    const stranger = officerOf(testDistrict());
    await get(`/api/v1/aid/payment-batches/${batch.id}`, stranger).expect(404);
    await get(`/api/v1/aid/payment-batches/${batch.id}/export.csv`, stranger).expect(404);
    await post(`/api/v1/aid/payment-instructions/${reissued.id}/reissue`, stranger).expect(404);
  });

  it('records the follow-up after payment, and lists follow-ups past due', async () => {
    const d = testDistrict();
    const token = officerOf(d);
    const [a, b] = await announceMembers(events, runtime.dataSource, [d, d]);
    const budgetId = (await post('/api/v1/aid/budgets', token, { name: '应急资金', year: 2026, source: 'union-dues', amountFen: 1_000_000 }).expect(201)).body.id;
    const first = await approved(d, a, budgetId, 300_000);
    const second = await approved(d, b, budgetId, 200_000);
    await account(a, token, '6222020000000000011');
    await account(b, token, '6222020000000000022');
    // a follow-up before payment is out of order
    expect((await act(first, 'follow-up', token, { visitedOn: today(), useOfAid: '用于治疗', situation: 'improved' }).expect(409)).body.detail).toContain('已批准');
    const batch = (await post('/api/v1/aid/payment-batches', token, { budgetId }).expect(201)).body;
    const refs = (await get(`/api/v1/aid/payment-batches/${batch.id}/instructions`, token).expect(200)).body.items.map((i: { id: string }) => i.id);
    await post(`/api/v1/aid/payment-batches/${batch.id}/results`, token, { content: `${header}\n${refs.map((r: string, i: number) => `${r},paid,B${i},`).join('\n')}\n` }).expect(200);

    expect((await get('/api/v1/aid/follow-ups/overdue', token).expect(200)).body.items).toEqual([]);
    // the first payment's follow-up fell due yesterday
    const yesterday = new Date(Date.parse(`${today()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await runtime.dataSource.query('UPDATE aid_applications SET follow_up_due_on = $2 WHERE id = $1', [first, yesterday]);
    const overdue = (await get('/api/v1/aid/follow-ups/overdue', token).expect(200)).body.items;
    expect(overdue.map((x: { id: string }) => x.id)).toEqual([first]);
    expect(overdue[0].followUpOverdue).toBe(true);
    expect((await get('/api/v1/aid/follow-ups/overdue', officerOf(testDistrict())).expect(200)).body.items).toEqual([]);

    await act(first, 'follow-up', token, { visitedOn: '2099-01-01', useOfAid: '用于治疗', situation: 'improved' }).expect(400);
    await act(first, 'follow-up', token, { visitedOn: today(), useOfAid: '用于治疗', situation: 'rich' }).expect(400);
    const done = (await act(first, 'follow-up', token, { visitedOn: today(), useOfAid: '救助金已全部用于化疗费用', situation: 'improved', note: '病情稳定' }).expect(200)).body;
    expect(done).toMatchObject({ stage: 'followed-up', followUpOverdue: false, followUp: { useOfAid: '救助金已全部用于化疗费用', situation: 'improved', note: '病情稳定' } });
    expect((await get('/api/v1/aid/follow-ups/overdue', token).expect(200)).body.items).toEqual([]);
    await act(first, 'follow-up', token, { visitedOn: today(), useOfAid: 'x', situation: 'unchanged' }).expect(409);
    expect((await get(`/api/v1/aid/applications/${second}`, token).expect(200)).body.stage).toBe('disbursed');
  });
});
