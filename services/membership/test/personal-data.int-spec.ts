import { randomUUID } from 'node:crypto';
import { PersonalDataVault } from '@gonghui/identifiers';
import { tokenFor } from '@gonghui/testing';
import { startMembership, Unit } from './membership-fixture';

interface LogEntry {
  id: string;
  kind: 'lookup' | 'enrolment-refused';
  actor: string;
  actorId: string;
  actorScopePath: string;
  reason: string | null;
  nationalIdHash: string;
  found: number | null;
  orgUnitId: string | null;
  occurredAt: string;
}

describe('personal data: lookups by resident ID are logged, and enrolment does not reveal members outside the officer’s subtree', () => {
  let m: Awaited<ReturnType<typeof startMembership>>;
  let federation: Unit, yubei: Unit, yubeiUnit: Unit, jiangbei: Unit, jiangbeiUnit: Unit;
  let yubeiOfficer: string;
  const yubeiOfficerId = randomUUID();
  const vault = PersonalDataVault.fromEnv();

  /** Every log entry the admin can list, page by page (the whole log: it is the admin's view). */
  const wholeLog = async (kind?: string): Promise<LogEntry[]> => {
    const all: LogEntry[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams({ limit: '500', ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}) });
      const page = await m.call('GET', `/lookup-log?${params}`);
      expect(page.status).toBe(200);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return all;
  };

  beforeAll(async () => {
    m = await startMembership();
    federation = await m.unit('federation');
    yubei = await m.unit('district', federation, '渝北区总工会');
    yubeiUnit = await m.unit('industry', yubei, '渝北快递员工会');
    jiangbei = await m.unit('district', federation, '江北区总工会');
    jiangbeiUnit = await m.unit('industry', jiangbei, '江北外卖骑手工会');
    yubeiOfficer = tokenFor({ userId: yubeiOfficerId, username: 'yubei.officer', roles: ['membership-officer'], orgUnitId: yubei.id, scopePath: yubei.path });
  });

  afterAll(async () => {
    await m?.app.close();
  });

  it('refuses a lookup without a reason, with a bilingual 400', async () => {
    const nationalId = m.nextNationalId();
    for (const body of [{ nationalId }, { nationalId, reason: '' }, { nationalId, reason: '   ' }, { nationalId, reason: 'x'.repeat(501) }]) {
      const res = await m.call('POST', '/members/lookup', body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors).toContainEqual({ field: 'reason', message: expect.stringMatching(/查询原因/) });
      const english = await m.call('POST', '/members/lookup', body, m.admin, { 'accept-language': 'en' });
      expect(english.status).toBe(400);
      expect(english.body.errors).toContainEqual({ field: 'reason', message: expect.stringMatching(/reason/) });
    }
    expect((await m.call('POST', '/members/lookup', { nationalId, reason: 'x'.repeat(500) })).status).toBe(404);
  });

  it('logs each lookup with who, when, why and how many were found, never the resident ID itself', async () => {
    const nationalId = m.nextNationalId();
    const member = (await m.enrol({ orgUnitId: yubeiUnit.id, nationalId })).body;
    const before = Date.now();
    const found = await m.call('POST', '/members/lookup', { nationalId, reason: '核对帮扶申请人的会籍' }, yubeiOfficer);
    expect(found.status).toBe(200);
    expect(found.body.map((x: { id: string }) => x.id)).toEqual([member.id]);
    const otherOfficer = tokenFor({ userId: randomUUID(), username: 'jiangbei.officer', roles: ['membership-officer'], orgUnitId: jiangbei.id, scopePath: jiangbei.path });
    expect((await m.call('POST', '/members/lookup', { nationalId, reason: '核对入会材料' }, otherOfficer)).status).toBe(404);

    const hash = vault.lookupHash(nationalId);
    const mine = (await wholeLog('lookup')).filter((e) => e.nationalIdHash === hash);
    expect(mine).toEqual([
      expect.objectContaining({ kind: 'lookup', actor: 'yubei.officer', actorId: yubeiOfficerId, actorScopePath: yubei.path, reason: '核对帮扶申请人的会籍', found: 1 }),
      expect.objectContaining({ kind: 'lookup', actor: 'jiangbei.officer', actorScopePath: jiangbei.path, reason: '核对入会材料', found: 0 }),
    ]);
    expect(Date.parse(mine[0].occurredAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(JSON.stringify(mine)).not.toContain(nationalId);
    const stored: unknown[] = await m.runtime.dataSource.query('SELECT * FROM personal_data_lookup_log WHERE national_id_hash = $1', [hash]);
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toContain(nationalId);
    expect(JSON.stringify(stored)).not.toContain(nationalId.slice(0, 17));
  });

  it('lists the log for the federation admin only, cursor-paginated', async () => {
    const officer = tokenFor({ roles: ['membership-officer', 'personal-data-viewer'], orgUnitId: yubei.id, scopePath: yubei.path });
    expect((await m.call('GET', '/lookup-log', undefined, officer)).status).toBe(403);
    expect((await m.call('GET', '/lookup-log', undefined, yubeiOfficer)).status).toBe(403);
    expect((await m.call('GET', '/lookup-log', undefined, '')).status).toBe(401);

    for (let i = 0; i < 2; i++) await m.call('POST', '/members/lookup', { nationalId: m.nextNationalId(), reason: `分页 ${i}` });
    const first = await m.call('GET', '/lookup-log?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await m.call('GET', `/lookup-log?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect((await m.call('GET', '/lookup-log?cursor=not-a-cursor')).status).toBe(400);
    expect((await m.call('GET', '/lookup-log?kind=everything')).status).toBe(400);
  });

  it('answers a district officer enrolling a person active in another district without confirming the person exists, and logs the refusal', async () => {
    const nationalId = m.nextNationalId();
    expect((await m.enrol({ orgUnitId: jiangbeiUnit.id, nationalId })).status).toBe(201);

    const refused = await m.enrol({ orgUnitId: yubeiUnit.id, nationalId }, yubeiOfficer);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ type: expect.stringContaining('enrolment-refused') });
    expect(refused.body.title).toMatch(/请联系上级工会/);
    expect(JSON.stringify(refused.body)).not.toMatch(/already|已是|jiangbei|江北/i);
    // the same answer as the lookup's: nothing here to see
    expect((await m.call('POST', '/members/lookup', { nationalId, reason: '入会前核对' }, yubeiOfficer)).status).toBe(404);

    const hash = vault.lookupHash(nationalId);
    const refusals = (await wholeLog('enrolment-refused')).filter((e) => e.nationalIdHash === hash);
    expect(refusals).toEqual([
      expect.objectContaining({ kind: 'enrolment-refused', actor: 'yubei.officer', actorId: yubeiOfficerId, actorScopePath: yubei.path, orgUnitId: yubeiUnit.id, reason: null }),
    ]);
    // still one active membership, in Jiangbei
    const memberships = await m.call('POST', '/members/lookup', { nationalId, reason: '联合会核对' });
    expect(memberships.body.filter((x: { status: string }) => x.status === 'active')).toHaveLength(1);
    expect(memberships.body[0].orgUnitId).toBe(jiangbeiUnit.id);
  });

  it('converts no surveyed prospect into a second membership, and does not confirm one in another district either', async () => {
    const elsewhere = m.nextNationalId();
    expect((await m.enrol({ orgUnitId: jiangbeiUnit.id, nationalId: elsewhere })).status).toBe(201);
    const survey = { name: '陈师傅', occupationCategory: '外卖配送', employmentForm: 'gig-delivery', needs: ['技能培训'], surveyedOn: '2026-11-20', foundByOrgUnitId: yubeiUnit.id };
    const prospect = (await m.call('POST', '/prospects', { ...survey, mobile: '13700003333' }, yubeiOfficer)).body;

    const refused = await m.call('POST', `/prospects/${prospect.id}/convert`, { nationalId: elsewhere, orgUnitId: yubeiUnit.id }, yubeiOfficer);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ type: expect.stringContaining('enrolment-refused') });
    expect(JSON.stringify(refused.body)).not.toMatch(/already|已是|jiangbei|江北/i);
    expect((await m.call('GET', `/prospects/${prospect.id}`, undefined, yubeiOfficer)).body.status).toBe('open');
    const hash = vault.lookupHash(elsewhere);
    expect((await wholeLog('enrolment-refused')).filter((e) => e.nationalIdHash === hash)).toEqual([
      expect.objectContaining({ actor: 'yubei.officer', orgUnitId: yubeiUnit.id }),
    ]);

    // inside the officer's own district the person may be named: 409, and the prospect stays open
    const here = m.nextNationalId();
    expect((await m.enrol({ orgUnitId: yubeiUnit.id, nationalId: here })).status).toBe(201);
    const conflict = await m.call('POST', `/prospects/${prospect.id}/convert`, { nationalId: here, orgUnitId: yubeiUnit.id }, yubeiOfficer);
    expect(conflict.status).toBe(409);
    expect(conflict.body.type).toContain('already-a-member');
  });

  it('answers 409 already-a-member when the active membership is inside the officer’s own district', async () => {
    const nationalId = m.nextNationalId();
    expect((await m.enrol({ orgUnitId: yubeiUnit.id, nationalId }, yubeiOfficer)).status).toBe(201);
    const again = await m.enrol({ orgUnitId: yubeiUnit.id, nationalId }, yubeiOfficer);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: expect.stringContaining('already-a-member'), errors: [expect.objectContaining({ field: 'nationalId' })] });
    // the federation admin sees every district: a 409 for them too
    expect((await m.enrol({ orgUnitId: jiangbeiUnit.id, nationalId })).status).toBe(409);
    const hash = vault.lookupHash(nationalId);
    expect((await wholeLog('enrolment-refused')).filter((e) => e.nationalIdHash === hash)).toEqual([]);
  });

  it('answers a reinstatement blocked by a membership in another district the same non-confirming way, and a 409 inside the district', async () => {
    const nationalId = m.nextNationalId();
    const former = (await m.enrol({ orgUnitId: yubeiUnit.id, nationalId }, yubeiOfficer)).body;
    expect((await m.call('POST', `/members/${former.id}/leave`, { reason: 'withdrew' }, yubeiOfficer)).status).toBe(200);
    const elsewhere = (await m.enrol({ orgUnitId: jiangbeiUnit.id, nationalId })).body;

    const refused = await m.call('POST', `/members/${former.id}/reinstate`, undefined, yubeiOfficer);
    expect(refused.status).toBe(422);
    expect(refused.body.type).toContain('enrolment-refused');
    const hash = vault.lookupHash(nationalId);
    expect((await wholeLog('enrolment-refused')).filter((e) => e.nationalIdHash === hash)).toEqual([
      expect.objectContaining({ actor: 'yubei.officer', orgUnitId: yubeiUnit.id }),
    ]);
    // the federation admin sees both: a 409
    expect((await m.call('POST', `/members/${former.id}/reinstate`)).status).toBe(409);

    // once the other membership is in Yubei too, the officer gets the 409
    expect((await m.call('POST', `/members/${elsewhere.id}/transfer`, { toOrgUnitId: yubeiUnit.id, reason: '调入' })).status).toBe(200);
    const clash = await m.call('POST', `/members/${former.id}/reinstate`, undefined, yubeiOfficer);
    expect(clash.status).toBe(409);
    expect(clash.body.type).toContain('already-a-member');
    expect((await wholeLog('enrolment-refused')).filter((e) => e.nationalIdHash === hash)).toHaveLength(1);
  });
});
