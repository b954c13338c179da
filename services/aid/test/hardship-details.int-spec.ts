import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PersonalDataVault } from '@gonghui/identifiers';
import { Role } from '@gonghui/auth';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { announceMembers, EventSender, TestDistrict, testDistrict, testServiceConfig, tokenFor } from '@gonghui/testing';
import { aidService } from '../src/service';
import { HardshipDetailsVaultModule, openDetails } from '../src/hardship-files/hardship-details-vault';
import { HardshipDetailsEncrypted1764000004000 } from '../src/migrations/0004_hardship_details_encrypted';
import { HardshipFileLife1764000011000 } from '../src/migrations/0011_hardship_file_life';
import { SAMPLE_VISIT } from './sample-visit';

/**
 * The health and income details of a hardship file: sealed at rest, shown only to a hardship
 * case worker who says why, every such view logged, the log readable by the aid desk's officers
 * and the administrator; and the migration that seals what earlier deployments stored in the clear.
 */
describe('aid hardship file details: sealed, shown by role, every view logged', () => {
  let app: NestFastifyApplication;
  let runtime: ServiceRuntime;
  let events: EventSender;

  type District = TestDistrict;
  const district = () => testDistrict();
  const userOf = (d: District, roles: Role[], name: string) => ({ userId: randomUUID(), username: `${name}-${d.orgUnitId.slice(0, 8)}`, roles, orgUnitId: d.orgUnitId, scopePath: d.path });
  const bearer = (user: Parameters<typeof tokenFor>[0]) => `Bearer ${tokenFor(user)}`;

  const visit = SAMPLE_VISIT;
  const details = { monthlyHouseholdIncomeFen: visit.monthlyHouseholdIncomeFen, incomeSources: visit.incomeSources, housing: visit.housing, health: visit.health, childrenSchooling: visit.childrenSchooling };
  const plainTexts = [visit.incomeSources, visit.housing, visit.health, visit.childrenSchooling, String(visit.monthlyHouseholdIncomeFen)];

  const enrolMember = async (d: District) => (await announceMembers(events, runtime.dataSource, [d]))[0];

  /** A district with an officer, a case worker and an open file. */
  async function districtWithFile() {
    const d = district();
    const officer = bearer(userOf(d, ['aid-officer'], 'officer'));
    const caseWorkerUser = userOf(d, ['aid-officer', 'hardship-case-worker'], 'caseworker');
    const memberId = await enrolMember(d);
    const file = (await request(app.getHttpServer()).post('/api/v1/aid/hardship-files').set('authorization', officer).send({ memberId, cause: 'illness', visit }).expect(201)).body;
    return { d, officer, caseWorkerUser, caseWorker: bearer(caseWorkerUser), file };
  }

  const getFile = (token: string, id: string, reason?: string) => {
    const req = request(app.getHttpServer()).get(`/api/v1/aid/hardship-files/${id}`).set('authorization', token);
    return reason === undefined ? req : req.query({ reason });
  };
  const accessLog = (token: string, id: string, query: Record<string, string | number> = {}) =>
    request(app.getHttpServer()).get(`/api/v1/aid/hardship-files/${id}/detail-access-log`).query(query).set('authorization', token);
  const loggedViews = async (fileId: string): Promise<{ actor_id: string; actor: string; reason: string }[]> =>
    runtime.dataSource.query('SELECT actor_id, actor, reason FROM hardship_detail_access_log WHERE file_id = $1', [fileId]);

  const withheld = (body: Record<string, any>) => {
    expect(body.detailsWithheld).toBe(true);
    expect(body.visit).toEqual({ visitedOn: visit.visitedOn, householdSize: visit.householdSize });
    for (const text of plainTexts) expect(JSON.stringify(body)).not.toContain(text);
  };

  beforeAll(async () => {
    ({ app, runtime } = await createServiceApp({ ...aidService(testServiceConfig('aid')), logLevels: ['error'] }));
    events = await EventSender.open('aid-details-test-producer');
  });

  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('stores the details as ciphertext only: no plain column, no plain value anywhere in the row', async () => {
    const { file } = await districtWithFile();
    const [row] = await runtime.dataSource.query('SELECT * FROM hardship_files WHERE id = $1', [file.id]);
    expect(row.visit_details_cipher).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    for (const column of ['monthly_household_income_fen', 'income_sources', 'housing', 'health', 'children_schooling']) expect(row).not.toHaveProperty(column);
    for (const text of plainTexts) expect(JSON.stringify(row)).not.toContain(text);
    // sealed with the service's key (PII_ENCRYPTION_KEY), and it opens to what was entered
    expect(openDetails(PersonalDataVault.fromEnv(), row.visit_details_cipher)).toEqual(details);
    // nothing was viewed yet, and the answer to the opening did not show them either
    expect(await loggedViews(file.id)).toEqual([]);
    withheld(file);
  });

  it('shows a case worker the details when they give a reason, and logs who, which file and why', async () => {
    const { file, caseWorker, caseWorkerUser } = await districtWithFile();
    const res = await getFile(caseWorker, file.id, '  核定临时救助金额 / assessing relief ').expect(200);
    expect(res.body).toEqual({ ...file, visit, detailsWithheld: false });

    const views = await loggedViews(file.id);
    expect(views).toEqual([{ actor_id: caseWorkerUser.userId, actor: caseWorkerUser.username, reason: '核定临时救助金额 / assessing relief' }]);
  });

  it('gives an officer without the role, and the administrator, the file without the details, and logs nothing', async () => {
    const { file, officer, d } = await districtWithFile();
    withheld((await getFile(officer, file.id).expect(200)).body);
    withheld((await getFile(officer, file.id, 'curious').expect(200)).body);
    withheld((await getFile(bearer({ roles: ['federation-admin'] }), file.id, 'audit').expect(200)).body);
    const list = await request(app.getHttpServer()).get('/api/v1/aid/hardship-files').set('authorization', officer).expect(200);
    expect(list.body.items).toHaveLength(1);
    withheld(list.body.items[0]);
    // a case worker's list is withheld too: the details are read one file at a time, with a reason
    const caseWorkerList = await request(app.getHttpServer()).get('/api/v1/aid/hardship-files').set('authorization', bearer(userOf(d, ['aid-officer', 'hardship-case-worker'], 'cw'))).expect(200);
    withheld(caseWorkerList.body.items[0]);
    expect(await loggedViews(file.id)).toEqual([]);
    // a role with no business in aid does not read the file at all
    await getFile(bearer(userOf(d, ['mediator'], 'mediator')), file.id).expect(403);
  });

  it('refuses a case worker without a reason (400 problem+json naming the field) and logs nothing', async () => {
    const { file, caseWorker } = await districtWithFile();
    for (const reason of [undefined, '', '   ']) {
      const res = await getFile(caseWorker, file.id, reason).set('accept-language', 'en').expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
      for (const text of plainTexts) expect(JSON.stringify(res.body)).not.toContain(text);
    }
    await getFile(caseWorker, file.id, 'x'.repeat(501)).expect(400);
    expect(await loggedViews(file.id)).toEqual([]);
  });

  it('answers 404 to another district’s case worker, with or without a reason, and logs nothing', async () => {
    const { file } = await districtWithFile();
    const stranger = bearer(userOf(district(), ['aid-officer', 'hardship-case-worker'], 'stranger'));
    await getFile(stranger, file.id, 'looking').expect(404);
    await getFile(stranger, file.id).expect(404);
    await accessLog(stranger, file.id).expect(404);
    expect(await loggedViews(file.id)).toEqual([]);
  });

  it('lists the views newest first, a page at a time, for the aid officer and the administrator only', async () => {
    const { file, officer, caseWorker, d } = await districtWithFile();
    const reasons = ['第一次 / first', '第二次 / second', '第三次 / third', '第四次 / fourth', '第五次 / fifth'];
    for (const reason of reasons) await getFile(caseWorker, file.id, reason).expect(200);

    const seen: { reason: string; accessedAt: string; fileId: string; actor: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: request.Response = await accessLog(officer, file.id, cursor ? { limit: 2, cursor } : { limit: 2 }).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(['items', 'nextCursor']);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((v) => v.reason)).toEqual([...reasons].reverse());
    expect(seen.map((v) => v.accessedAt)).toEqual(seen.map((v) => v.accessedAt).sort().reverse());
    expect(new Set(seen.map((v) => v.fileId))).toEqual(new Set([file.id]));
    expect(seen[0].actor).toMatch(/^caseworker-/);

    const admin = await accessLog(bearer({ roles: ['federation-admin'] }), file.id).expect(200);
    expect(admin.body.items.map((v: { reason: string }) => v.reason)).toEqual([...reasons].reverse());
    expect(admin.body.nextCursor).toBeNull();

    // a case worker alone does not audit the views, and a cursor with wrong contents is a 400
    await accessLog(bearer(userOf(d, ['hardship-case-worker'], 'cw-only')), file.id).expect(403);
    const bad = await accessLog(officer, file.id, { cursor: Buffer.from(JSON.stringify({ t: 'x', id: 'y' })).toString('base64url') }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    // reading the log is not a view of the details
    expect(await loggedViews(file.id)).toHaveLength(reasons.length);
  });

  it('documents the reason and the log in the OpenAPI document', async () => {
    const doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body;
    const view = doc.paths['/api/v1/aid/hardship-files/{id}'].get;
    expect(view.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'reason', in: 'query', required: false })]));
    expect(doc.paths['/api/v1/aid/hardship-files/{id}/detail-access-log'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['id', 'limit', 'cursor']));
    expect(doc.components.schemas.HardshipFileView.required).toEqual(expect.arrayContaining(['detailsWithheld', 'visit']));
    expect(doc.components.schemas.HouseholdVisitView.required.sort()).toEqual(['householdSize', 'visitedOn']);
  });

  it('refuses to start in production without a real PII_ENCRYPTION_KEY, as membership does', async () => {
    const saved = { NODE_ENV: process.env.NODE_ENV, PII_ENCRYPTION_KEY: process.env.PII_ENCRYPTION_KEY, PII_HASH_KEY: process.env.PII_HASH_KEY };
    const start = () => NestFactory.createApplicationContext(HardshipDetailsVaultModule, { logger: false, abortOnError: false });
    try {
      process.env.NODE_ENV = 'production';
      process.env.PII_HASH_KEY = 'h'.repeat(40);
      for (const key of [undefined, 'gonghui-dev-encryption-key', 'change-me-encryption-key', 'short']) {
        if (key === undefined) delete process.env.PII_ENCRYPTION_KEY;
        else process.env.PII_ENCRYPTION_KEY = key;
        await expect(start()).rejects.toThrow(/PII_ENCRYPTION_KEY/);
      }
      process.env.PII_ENCRYPTION_KEY = 'k'.repeat(40);
      const context = await start();
      await context.close();
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('migrates files stored in the clear by the previous schema: sealed, readable, the plain columns gone', async () => {
    const { file: existing } = await districtWithFile();
    const d = district();
    const memberId = await enrolMember(d);
    const migration = new HardshipDetailsEncrypted1764000004000();
    const legacy = { id: randomUUID(), income: 0, sources: '低保 / minimum living allowance', housing: '借住亲戚家', health: '本人尿毒症，每周透析', schooling: '二女读小学' };

    const runner = runtime.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // back to the previous schema (its plain columns, decrypted), and a file written the way it wrote them;
      // the later file-life migration is undone first and redone last, as a deployment would meet them
      const fileLife = new HardshipFileLife1764000011000();
      await fileLife.down(runner);
      await migration.down(runner);
      const [before] = await runner.query('SELECT monthly_household_income_fen, income_sources, housing, health, children_schooling FROM hardship_files WHERE id = $1', [existing.id]);
      expect(before).toEqual({ monthly_household_income_fen: String(visit.monthlyHouseholdIncomeFen), income_sources: visit.incomeSources, housing: visit.housing, health: visit.health, children_schooling: visit.childrenSchooling });
      await runner.query(
        `INSERT INTO hardship_files (id, member_id, org_unit_id, org_unit_path, status, cause, household_size, monthly_household_income_fen,
                                     income_sources, housing, health, children_schooling, visited_on, visited_by)
         VALUES ($1, $2, $3, $4, 'open', 'illness', 3, $5, $6, $7, $8, $9, '2025-06-01', 'officer-old')`,
        [legacy.id, memberId, d.orgUnitId, d.path, legacy.income, legacy.sources, legacy.housing, legacy.health, legacy.schooling],
      );

      await migration.up(runner);
      await fileLife.up(runner);
      // rows from before the file-life migration: each member a household of their own, last visited at the opening visit
      expect(await runner.query('SELECT household_key, last_visited_on::text FROM hardship_files WHERE id = $1', [legacy.id])).toEqual([{ household_key: `member:${memberId}`, last_visited_on: '2025-06-01' }]);

      const columns: { column_name: string }[] = await runner.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'hardship_files'`);
      expect(columns.map((c) => c.column_name)).toContain('visit_details_cipher');
      for (const plain of ['monthly_household_income_fen', 'income_sources', 'housing', 'health', 'children_schooling']) expect(columns.map((c) => c.column_name)).not.toContain(plain);

      const vault = PersonalDataVault.fromEnv();
      const rows: { id: string; visit_details_cipher: string; household_size: number; visited_by: string }[] = await runner.query(
        'SELECT id, visit_details_cipher, household_size, visited_by FROM hardship_files WHERE id = ANY($1)',
        [[legacy.id, existing.id]],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(openDetails(vault, byId.get(legacy.id)!.visit_details_cipher)).toEqual({ monthlyHouseholdIncomeFen: 0, incomeSources: legacy.sources, housing: legacy.housing, health: legacy.health, childrenSchooling: legacy.schooling });
      expect(byId.get(legacy.id)).toMatchObject({ household_size: 3, visited_by: 'officer-old' });
      expect(openDetails(vault, byId.get(existing.id)!.visit_details_cipher)).toEqual(details);
      for (const text of [legacy.sources, legacy.housing, legacy.health, legacy.schooling]) expect(JSON.stringify(rows)).not.toContain(text);
      expect(await runner.query('SELECT count(*)::int AS n FROM hardship_files WHERE visit_details_cipher IS NULL')).toEqual([{ n: 0 }]);
      // and the log of views is in place again
      expect(await runner.query('SELECT count(*)::int AS n FROM hardship_detail_access_log')).toEqual([{ n: 0 }]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    // the rollback left the migrated schema as it was: the service still reads the file
    const caseWorker = bearer(userOf({ orgUnitId: existing.orgUnitId, path: (await runtime.dataSource.query('SELECT org_unit_path FROM hardship_files WHERE id = $1', [existing.id]))[0].org_unit_path }, ['hardship-case-worker'], 'cw'));
    expect((await getFile(caseWorker, existing.id, 'after the migration test').expect(200)).body.visit).toEqual(visit);
  });
});
