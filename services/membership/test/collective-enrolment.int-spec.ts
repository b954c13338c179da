import ExcelJS from 'exceljs';
import { EnrolmentBatchCompletedV1 } from '@gonghui/contracts';
import { eventually, tokenFor, TopicReader } from '@gonghui/testing';
import { startMembership, Unit } from './membership-fixture';

describe('collective enrolment (集中入会) of a roster', () => {
  let m: Awaited<ReturnType<typeof startMembership>>;
  let union: Unit, elsewhere: Unit;

  const upload = (orgUnitId: string, content: Buffer | string, fileName: string) => m.upload({ orgUnitId, file: { content, fileName } });
  const jobCount = async () => (await m.runtime.dataSource.query('SELECT count(*)::int AS n FROM jobs'))[0].n;
  const finished = (jobId: string) =>
    eventually(async () => {
      const res = await m.call('GET', `/jobs/${jobId}`);
      expect(res.body.status).toBe('completed');
      return res.body;
    }, 60_000);

  beforeAll(async () => {
    m = await startMembership();
    const federation = await m.unit('federation');
    union = await m.unit('industry', federation, '网约车司机工会');
    elsewhere = await m.unit('industry', federation, '快递员工会');
  });

  afterAll(async () => {
    await m?.app.close();
  });

  it('enrols the valid rows, reports every rejected row with its line, and can be submitted again without enrolling anyone twice', async () => {
    const batchEvents = await TopicReader.open(EnrolmentBatchCompletedV1.topic);
    const ids = Array.from({ length: 5 }, () => m.nextNationalId());
    expect((await m.enrol({ orgUnitId: elsewhere.id, nationalId: ids[4] })).status).toBe(201);
    const csv = [
      '姓名,身份证号,手机号,用工形式',
      `赵一,${ids[0]},13800000001,网约车司机`,
      `钱二,${ids[1]},13800000002,网约车司机`,
      `孙三,110105194912310021,13800000003,网约车司机`,
      `李四,${ids[2]},13800000004,`,
      `李四,${ids[2]},13800000004,`,
      `周五,${ids[3]},1380000000,网约车司机`,
      `吴六,${ids[4]},13800000006,网约车司机`,
    ].join('\n');

    const accepted = await upload(union.id, csv, '花名册.csv');
    expect(accepted.status).toBe(202);
    expect(accepted.location).toBe(`/api/v1/membership/jobs/${accepted.body.id}`);
    expect(accepted.body).toMatchObject({ kind: 'collective-enrolment', totalRows: 7 });

    const job = await finished(accepted.body.id);
    expect(job).toMatchObject({ totalRows: 7, rowsDone: 7, enrolled: 3, alreadyEnrolled: 0, rejected: 4 });
    const rejected = await m.call('GET', `/jobs/${job.id}/rejected-rows`);
    expect(rejected.body.items.map((r: { line: number; field: string }) => [r.line, r.field])).toEqual([
      [4, 'nationalId'],
      [6, 'nationalId'],
      [7, 'mobile'],
      [8, 'nationalId'],
    ]);
    expect(rejected.body.items[1].reason).toContain('line 5');
    expect(rejected.body.items[3].reason).toContain('transfer');

    const members = await m.call('GET', `/members?orgUnitId=${union.id}`);
    expect(members.body.items.map((x: { name: string }) => x.name).sort()).toEqual(['李四', '赵一', '钱二'].sort());
    expect(members.body.items.find((x: { name: string }) => x.name === '赵一').employmentForm).toBe('gig-ride-hailing');

    await eventually(() => expect(batchEvents.events(EnrolmentBatchCompletedV1.type).map((e) => e.data)).toContainEqual(expect.objectContaining({ batchId: job.id, enrolled: 3, rejected: 4 })));
    await batchEvents.close();

    // corrected roster: the fixed row is enrolled, the three already in are skipped
    const corrected = csv.replace(',1380000000,', ',13800000005,');
    const again = await finished((await upload(union.id, corrected, '花名册-修正.csv')).body.id);
    expect(again).toMatchObject({ enrolled: 1, alreadyEnrolled: 3, rejected: 3 });
    expect((await m.call('GET', `/members?orgUnitId=${union.id}`)).body.items).toHaveLength(4);
  });

  it('refuses a row of a person active in another district without confirming it to a district officer, and logs the refusal', async () => {
    const district = await m.unit('district', await m.unit('federation'));
    const districtUnion = await m.unit('industry', district, '区网约车司机工会');
    const officer = tokenFor({ username: 'district.officer', roles: ['membership-officer'], orgUnitId: district.id, scopePath: district.path });
    const [outside, inside] = [m.nextNationalId(), m.nextNationalId()];
    expect((await m.enrol({ orgUnitId: elsewhere.id, nationalId: outside })).status).toBe(201);
    expect((await m.enrol({ orgUnitId: districtUnion.id, nationalId: inside })).status).toBe(201);
    const sameDistrictUnion = await m.unit('industry', district, '区快递员工会');
    const csv = ['姓名,身份证号,手机号', `赵一,${outside},13800000001`, `钱二,${inside},13800000002`].join('\n');

    const accepted = await m.upload({ orgUnitId: sameDistrictUnion.id, file: { content: csv, fileName: '花名册.csv' } }, officer);
    expect(accepted.status).toBe(202);
    const job = await finished(accepted.body.id);
    expect(job).toMatchObject({ enrolled: 0, rejected: 2 });
    const reasons = (await m.call('GET', `/jobs/${job.id}/rejected-rows`, undefined, officer)).body.items.map((r: { reason: string }) => r.reason);
    expect(reasons[0]).toContain('请联系上级工会');
    expect(reasons[0]).not.toMatch(/already|已是/);
    expect(reasons[1]).toContain('transfer'); // inside the officer's district the person may be named
    const log = await m.call('GET', '/lookup-log?kind=enrolment-refused&limit=500');
    expect(log.body.items.filter((e: { orgUnitId: string }) => e.orgUnitId === sameDistrictUnion.id)).toHaveLength(1);
  });

  it('takes an XLSX workbook too', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册');
    sheet.addRow(['姓名', '身份证号', '手机号', '技能等级']);
    sheet.addRow(['郑七', m.nextNationalId(), '13900000007', '高手']);
    const job = await finished((await upload(union.id, Buffer.from(await workbook.xlsx.writeBuffer()), 'roster.xlsx')).body.id);
    expect(job).toMatchObject({ totalRows: 1, enrolled: 1, rejected: 0 });
  });

  it('refuses unusable files with a clear 4xx and creates no job', async () => {
    const before = await jobCount();
    const wrongHeader = await upload(union.id, '名字,号码\n张三,1\n', 'a.csv');
    expect(wrongHeader.status).toBe(400);
    expect(wrongHeader.body.type).toContain('wrong-roster-header');
    expect((await upload(union.id, '姓名,身份证号,手机号\n', 'a.csv')).body.type).toContain('empty-roster');
    const pdf = await upload(union.id, Buffer.from('%PDF-1.7\n\0binary'), 'roster.pdf');
    expect(pdf.status).toBe(415);
    const huge = await upload(union.id, Buffer.alloc(50 * 1024 * 1024, 'a'), 'huge.csv');
    expect(huge.status).toBe(413);
    expect((await upload('0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', '姓名,身份证号,手机号\nx,y,z\n', 'a.csv')).status).toBe(422);
    const noFile = await m.upload({ orgUnitId: union.id });
    expect(noFile.status).toBe(400);
    expect(noFile.body.errors).toContainEqual(expect.objectContaining({ field: 'file' }));
    const noUnit = await m.upload({ file: { content: '姓名,身份证号,手机号\nx,y,z\n', fileName: 'a.csv' } });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.errors).toContainEqual(expect.objectContaining({ field: 'orgUnitId' }));
    expect(huge.body.type).toContain('roster-too-large');
    // A NUL in the file name (kept with the job) is the sender's error: a 400 naming the file, nothing stored.
    const nul = await upload(union.id, '姓名,身份证号,手机号\nx,y,z\n', 'roster\u0000.csv');
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    expect(await jobCount()).toBe(before);
  });
});
