import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '@gonghui/auth';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, TestDistrict, testDistrict, testServiceConfig, tokenFor } from '@gonghui/testing';
import { aidService } from '../src/service';
import { bankAccountsForPayment, maskAccountNumber } from '../src/bank-accounts/bank-accounts';

/** Members' bank accounts: sealed at rest, masked in answers, in full only for a logged view with a reason, scoped by the member's unit. */
describe('aid bank accounts of members', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;

  const userOf = (d: TestDistrict, roles: Role[], name: string) => ({ userId: randomUUID(), username: `${name}-${d.orgUnitId.slice(0, 8)}`, roles, orgUnitId: d.orgUnitId, scopePath: d.path });
  const bearer = (user: Parameters<typeof tokenFor>[0]) => `Bearer ${tokenFor(user)}`;
  const path = (memberId: string) => `/api/v1/aid/members/${memberId}/bank-account`;
  const account = { bankName: '中国工商银行重庆渝北支行', accountName: '李秀英', accountNumber: '6222 0212 3456 7890 123' };

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    events = await EventSender.open('aid-bank-accounts-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('records an account encrypted, answers it masked, and replaces it on a second PUT', async () => {
    const d = testDistrict();
    const officer = bearer(userOf(d, ['aid-officer'], 'officer'));
    const [memberId] = await announceMembers(events, runtime.dataSource, [d]);

    const put = await request(app.getHttpServer()).put(path(memberId)).set('authorization', officer).send(account).expect(200);
    expect(put.body).toEqual({
      memberId,
      bankName: account.bankName,
      accountNumberMasked: '6222 **** **** 0123',
      detailsWithheld: true,
      updatedBy: `officer-${d.orgUnitId.slice(0, 8)}`,
      updatedAt: expect.stringMatching(/\+08:00$/),
    });
    const got = await request(app.getHttpServer()).get(path(memberId)).set('authorization', officer).expect(200);
    expect(got.body).toEqual(put.body);

    // at rest: neither the holder's name nor the number in the clear
    const [row] = await runtime.dataSource.query('SELECT * FROM member_bank_accounts WHERE member_id = $1', [memberId]);
    expect(JSON.stringify(row)).not.toContain('6222021234567890123');
    expect(JSON.stringify(row)).not.toContain(account.accountName);

    await request(app.getHttpServer()).put(path(memberId)).set('authorization', officer).send({ ...account, accountNumber: '6217000011112222' }).expect(200);
    const replaced = await request(app.getHttpServer()).get(path(memberId)).set('authorization', officer).expect(200);
    expect(replaced.body.accountNumberMasked).toBe('6217 **** **** 2222');
    expect(await runtime.dataSource.query('SELECT 1 FROM member_bank_accounts WHERE member_id = $1', [memberId])).toHaveLength(1);
  });

  it('shows the full account only to a hardship case worker with a reason, and logs each such view', async () => {
    const d = testDistrict();
    const officer = bearer(userOf(d, ['aid-officer'], 'officer'));
    const caseWorkerUser = userOf(d, ['aid-officer', 'hardship-case-worker'], 'caseworker');
    const caseWorker = bearer(caseWorkerUser);
    const [memberId] = await announceMembers(events, runtime.dataSource, [d]);
    await request(app.getHttpServer()).put(path(memberId)).set('authorization', officer).send(account).expect(200);

    const noReason = await request(app.getHttpServer()).get(path(memberId)).set('authorization', caseWorker).expect(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);

    // an officer's reason changes nothing: masked, and nothing logged
    const officerView = await request(app.getHttpServer()).get(path(memberId)).query({ reason: '看看' }).set('authorization', officer).expect(200);
    expect(officerView.body.detailsWithheld).toBe(true);
    expect(officerView.body.accountNumber).toBeUndefined();

    const full = await request(app.getHttpServer()).get(path(memberId)).query({ reason: '核对发放失败的账户' }).set('authorization', caseWorker).expect(200);
    expect(full.body).toMatchObject({ accountName: '李秀英', accountNumber: '6222021234567890123', accountNumberMasked: '6222 **** **** 0123', detailsWithheld: false });

    const log = await runtime.dataSource.query('SELECT actor_id, actor, reason FROM bank_account_access_log WHERE member_id = $1', [memberId]);
    expect(log).toEqual([{ actor_id: caseWorkerUser.userId, actor: caseWorkerUser.username, reason: '核对发放失败的账户' }]);
    // the aid desk reads who looked, and why; a case worker without the officer role may not
    const readLog = await request(app.getHttpServer()).get(`${path(memberId)}/access-log`).set('authorization', officer).expect(200);
    expect(readLog.body).toEqual({
      items: [{ id: expect.any(String), memberId, actorId: caseWorkerUser.userId, actor: caseWorkerUser.username, reason: '核对发放失败的账户', accessedAt: expect.stringMatching(/\+08:00$/) }],
      nextCursor: null,
    });
    await request(app.getHttpServer()).get(`${path(memberId)}/access-log`).set('authorization', bearer(userOf(d, ['hardship-case-worker'], 'cw-only'))).expect(403);
  });

  it('answers 404 for a member of another district, or unknown, or without an account, and 400 for bad fields', async () => {
    const [mine, theirs] = [testDistrict(), testDistrict()];
    const officer = bearer(userOf(mine, ['aid-officer'], 'officer'));
    const [theirMember] = await announceMembers(events, runtime.dataSource, [theirs]);
    await request(app.getHttpServer()).put(path(theirMember)).set('authorization', bearer(userOf(theirs, ['aid-officer'], 'officer'))).send(account).expect(200);

    const hidden = await request(app.getHttpServer()).get(path(theirMember)).set('authorization', officer).expect(404);
    expect(hidden.headers['content-type']).toMatch(/^application\/problem\+json/);
    await request(app.getHttpServer()).put(path(theirMember)).set('authorization', officer).send(account).expect(404);
    await request(app.getHttpServer()).put(path(randomUUID())).set('authorization', officer).send(account).expect(404);

    const [myMember] = await announceMembers(events, runtime.dataSource, [mine]);
    await request(app.getHttpServer()).get(path(myMember)).set('authorization', officer).expect(404);

    const bad = await request(app.getHttpServer()).put(path(myMember)).set('authorization', officer).send({ bankName: ' ', accountName: '王芳', accountNumber: '62-22x' }).expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['accountNumber', 'bankName']);
    const missing = await request(app.getHttpServer()).put(path(myMember)).set('authorization', officer).send({ bankName: '中国银行' }).expect(400);
    expect([...new Set(missing.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['accountName', 'accountNumber']);
    expect(await runtime.dataSource.query('SELECT 1 FROM member_bank_accounts WHERE member_id = $1', [myMember])).toHaveLength(0);
  });

  it('gives the payment export the decrypted accounts of the members asked for', async () => {
    const d = testDistrict();
    const officer = bearer(userOf(d, ['aid-officer'], 'officer'));
    const [a, b, none] = await announceMembers(events, runtime.dataSource, [d, d, d]);
    await request(app.getHttpServer()).put(path(a)).set('authorization', officer).send(account).expect(200);
    await request(app.getHttpServer()).put(path(b)).set('authorization', officer).send({ bankName: '中国建设银行', accountName: '张伟', accountNumber: '6227003811110000' }).expect(200);

    const accounts = await bankAccountsForPayment(runtime.dataSource.manager, [a, b, none, a]);
    expect(accounts.size).toBe(2);
    expect(accounts.get(a)).toEqual({ bankName: account.bankName, accountName: '李秀英', accountNumber: '6222021234567890123' });
    expect(accounts.get(b)).toEqual({ bankName: '中国建设银行', accountName: '张伟', accountNumber: '6227003811110000' });
    expect(maskAccountNumber(accounts.get(b)!.accountNumber)).toBe('6227 **** **** 0000');
  });
});
