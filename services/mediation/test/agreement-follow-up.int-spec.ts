import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MediationObligationOverdueV1, MediationObligationPerformedV1 } from '@gonghui/contracts';
import { chinaDate, createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { EventSender, eventually, testServiceConfig, tokenFor, TopicReader } from '@gonghui/testing';
import { mediationService } from '../src/service';
import { pdfText } from './pdf-text';

/** Agreement (signatures, judicial confirmation, PDF) and follow-up of its obligations: real Postgres and broker. */
describe('mediation: agreements and their follow-up', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;
  const hex = () => randomUUID().replace(/-/g, '');
  const centre = `/${hex()}/${hex()}/`;
  const mediator = tokenFor({ username: 'mediator-f', roles: ['mediator'], orgUnitId: randomUUID(), scopePath: centre });
  const server = () => app.getHttpServer();
  const post = (path: string, body: object) => request(server()).post(`/api/v1/mediation/${path}`).set('authorization', `Bearer ${mediator}`).send(body);
  const get = (path: string) => request(server()).get(`/api/v1/mediation/${path}`).set('authorization', `Bearer ${mediator}`);
  const daysFromToday = (n: number) => new Date(Date.parse(`${chinaDate(new Date())}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  const settledCase = async (obligations: object[]) => {
    const received = await post('cases', {
      source: 'complaint',
      summary: '拖欠三个月工资',
      workers: [{ name: '李四光', contact: '13812345678' }],
      employer: { name: `重庆某物流有限公司${hex().slice(0, 4)}`, creditCode: '91500112000000001R' },
      claims: [{ type: 'unpaid-wages', amountFen: 1_500_000 }],
    }).expect(201);
    const settled = await post(`cases/${received.body.id}/settle`, { obligations }).expect(200);
    return settled.body as { id: string; status: string; agreement: { id: string } };
  };

  beforeAll(async () => {
    ({ app, runtime } = (await createServiceApp({ ...mediationService(testServiceConfig('mediation')), logLevels: ['error'] })) as { app: NestFastifyApplication; runtime: ServiceRuntime });
    events = await EventSender.open('mediation-agreement-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('tracks part payments to performance, closes the case when all obligations are performed, and then refuses every action', async () => {
    const theCase = await settledCase([
      { description: '支付拖欠工资', amountFen: 1_200_000, dueDate: daysFromToday(10) },
      { description: '出具离职证明', payer: 'employer', payee: 'worker' },
    ]);
    expect(theCase.status).toBe('settled');
    const obligations = (await get(`cases/${theCase.id}/obligations`).expect(200)).body.items as { id: string; amountFen: number | null }[];
    expect(obligations).toMatchObject([
      { seq: 1, amountFen: 1_200_000, paidFen: 0, outstandingFen: 1_200_000, status: 'pending', payer: 'employer', payee: 'worker' },
      { seq: 2, amountFen: null, status: 'pending' },
    ]);
    const [money, certificate] = obligations;
    const reader = await TopicReader.open(MediationObligationPerformedV1.topic);
    try {
      const part = await post(`cases/${theCase.id}/obligations/${money.id}/payments`, { amountFen: 500_000 }).expect(201);
      expect(part.body).toMatchObject({ paidFen: 500_000, outstandingFen: 700_000, status: 'pending' });
      const beyond = await post(`cases/${theCase.id}/obligations/${money.id}/payments`, { amountFen: 700_001 }).expect(400);
      expect(beyond.body.errors).toEqual([expect.objectContaining({ field: 'amountFen' })]);
      expect(beyond.body.detail).toContain('700000');
      await post(`cases/${theCase.id}/obligations/${money.id}/payments`, { amountFen: -5 }).expect(400);
      await post(`cases/${theCase.id}/obligations/${money.id}/payments`, { amountFen: 1, paidOn: daysFromToday(2) }).expect(400);
      await post(`cases/${theCase.id}/obligations/${certificate.id}/payments`, { amountFen: 1 }).expect(409);
      await post(`cases/${theCase.id}/obligations/${money.id}/perform`, {}).expect(409);

      const rest = await post(`cases/${theCase.id}/obligations/${money.id}/payments`, { amountFen: 700_000 }).expect(201);
      expect(rest.body).toMatchObject({ paidFen: 1_200_000, outstandingFen: 0, status: 'performed' });
      expect((await get(`cases/${theCase.id}`).expect(200)).body).toMatchObject({ status: 'settled', closedAt: null });

      const done = await post(`cases/${theCase.id}/obligations/${certificate.id}/perform`, {}).expect(200);
      expect(done.body.status).toBe('performed');
      const closed = (await get(`cases/${theCase.id}`).expect(200)).body;
      expect(closed).toMatchObject({ status: 'closed', closedAt: expect.stringMatching(/\+08:00$/) });

      const performed = await eventually(() => {
        const forCase = reader.events().filter((e) => e.type === MediationObligationPerformedV1.type && e.data.caseId === theCase.id);
        expect(forCase).toHaveLength(2);
        return forCase;
      });
      expect(performed.map((e) => [e.data.amountFen, e.data.caseClosed])).toEqual([
        [1_200_000, false],
        [null, true],
      ]);
    } finally {
      await reader.close();
    }
    const payments = (await runtime.dataSource.query('SELECT count(*)::int AS n FROM obligation_payments WHERE obligation_id = $1', [money.id])) as { n: number }[];
    expect(payments[0].n).toBe(2);

    // A closed case: every action is a 409 that names the status.
    for (const [path, body] of [
      [`cases/${theCase.id}/obligations/${money.id}/payments`, { amountFen: 1 }],
      [`cases/${theCase.id}/settle`, { obligations: [{ description: '再次调解' }] }],
      [`cases/${theCase.id}/decline`, { reason: '已结案' }],
      [`cases/${theCase.id}/refer`, { referredTo: 'court', reason: 'unperformed' }],
      [`cases/${theCase.id}/agreement/signatures`, { party: 'worker', signer: '李四光' }],
      [`cases/${theCase.id}/sessions`, { kind: 'joint', heldAt: new Date().toISOString(), attendees: [{ side: 'worker', description: '申请人' }], notes: '回访' }],
    ] as const) {
      const refused = await post(path, body).expect(409);
      expect(refused.body.detail).toContain('已结案');
    }
  });

  it('flags an obligation overdue by 7 days once, schedules a visit, and lets an unperformed agreement be referred on', async () => {
    const theCase = await settledCase([
      { description: '支付经济补偿', amountFen: 800_000, dueDate: daysFromToday(-8) },
      { description: '补缴社会保险', amountFen: 300_000, dueDate: daysFromToday(-3) },
    ]);
    const [late, recent] = (await get(`cases/${theCase.id}/obligations`).expect(200)).body.items as { id: string }[];
    await post(`cases/${theCase.id}/obligations/${late.id}/payments`, { amountFen: 200_000 }).expect(201);
    const reader = await TopicReader.open(MediationObligationOverdueV1.topic);
    try {
      const run = await post('follow-ups/flag-overdue', {}).expect(200);
      expect(run.body.flagged).toBeGreaterThanOrEqual(1);
      const items = (await get(`cases/${theCase.id}/obligations`).expect(200)).body.items;
      expect(items[0]).toMatchObject({ id: late.id, overdue: true, followUpOn: daysFromToday(3) });
      expect(items[1]).toMatchObject({ id: recent.id, overdue: false, followUpOn: null });
      const event = await eventually(() => {
        const found = reader.events().filter((e) => e.type === MediationObligationOverdueV1.type && e.data.caseId === theCase.id);
        expect(found).toHaveLength(1);
        return found[0];
      });
      expect(event.data).toEqual({
        obligationId: late.id,
        caseId: theCase.id,
        orgUnitPath: centre,
        dueDate: daysFromToday(-8),
        daysOverdue: 8,
        outstandingFen: 600_000,
        followUpOn: daysFromToday(3),
      });
      // Flagged once: a second run does not flag it again; N = 3 catches the other one.
      await post('follow-ups/flag-overdue', {}).expect(200);
      await post('follow-ups/flag-overdue', { overdueDays: 3 }).expect(200);
      await eventually(() => expect(reader.events().filter((e) => e.type === MediationObligationOverdueV1.type && e.data.caseId === theCase.id)).toHaveLength(2));
      await post('follow-ups/flag-overdue', { overdueDays: -1 }).expect(400);
    } finally {
      await reader.close();
    }
    const referred = await post(`cases/${theCase.id}/refer`, { referredTo: 'court', reason: 'unperformed', note: '用人单位未按协议支付' }).expect(200);
    expect(referred.body).toMatchObject({ status: 'referred', referral: { reason: 'unperformed', referredTo: 'court' } });
    expect(referred.body.closedAt).toMatch(/\+08:00$/);
  });

  it('records signatures and judicial confirmation, and prints the agreement as a Chinese PDF', async () => {
    const theCase = await settledCase([
      { description: '支付拖欠工资', amountFen: 1_200_000, dueDate: daysFromToday(10) },
      { description: '出具离职证明' },
    ]);
    const signed = await post(`cases/${theCase.id}/agreement/signatures`, { party: 'employer', signer: '刘经理' }).expect(200);
    expect(signed.body.agreement.signatures).toEqual([{ party: 'employer', signer: '刘经理', signedOn: chinaDate(new Date()) }]);
    await post(`cases/${theCase.id}/agreement/signatures`, { party: 'worker', signer: '李四光' }).expect(200);
    await post(`cases/${theCase.id}/agreement/signatures`, { party: 'employer', signer: '刘经理' }).expect(409);
    await post(`cases/${theCase.id}/agreement/signatures`, { party: 'judge', signer: 'x' }).expect(400);

    await post(`cases/${theCase.id}/agreement/judicial-confirmation/outcome`, { outcome: 'confirmed' }).expect(409);
    const requested = await post(`cases/${theCase.id}/agreement/judicial-confirmation`, { court: '重庆市渝北区人民法院' }).expect(200);
    expect(requested.body.agreement.judicialConfirmation).toMatchObject({ court: '重庆市渝北区人民法院', outcome: 'pending', decidedOn: null });
    await post(`cases/${theCase.id}/agreement/judicial-confirmation`, { court: '另一法院' }).expect(409);
    const confirmed = await post(`cases/${theCase.id}/agreement/judicial-confirmation/outcome`, { outcome: 'confirmed' }).expect(200);
    expect(confirmed.body.agreement.judicialConfirmation).toMatchObject({ outcome: 'confirmed', decidedOn: chinaDate(new Date()) });

    const pdf = await get(`cases/${theCase.id}/agreement.pdf`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const body = pdf.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(body);
    for (const expected of ['人民调解协议书', '李四光', '重庆某物流有限公司', '用人单位向职工支付拖欠工资', '人民币 12000.00 元', '出具离职证明', '刘经理', '司法确认', '裁定确认有效']) {
      expect(text).toContain(expected);
    }

    const open = await post('cases', { source: 'complaint', summary: '未结', workers: [{ name: '王五', contact: '13800138000' }], employer: { name: '某公司' } }).expect(201);
    await get(`cases/${open.body.id}/agreement.pdf`).expect(409);
    await post(`cases/${open.body.id}/agreement/signatures`, { party: 'worker', signer: '王五' }).expect(409);
    await post(`cases/${open.body.id}/settle`, { obligations: [] }).expect(400);
    await post(`cases/${open.body.id}/settle`, { obligations: [{ description: '赔偿', amountFen: -1 }] }).expect(400);
  });
});
