import { AddressInfo } from 'node:net';
import http from 'node:http';
import request from 'supertest';
import { startMembership, Unit } from './membership-fixture';

/** Bad input gets a 4xx problem, never a 5xx: the causes found by fuzzing, each fixed once in service-kit or the DTO. */
describe('membership: bad input is a 4xx problem', () => {
  let m: Awaited<ReturnType<typeof startMembership>>;
  let union: Unit;
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const isProblem = (res: { status: number; headers: Headers }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  };

  beforeAll(async () => {
    m = await startMembership();
    union = await m.unit('industry', await m.unit('federation'), '坏输入测试工会');
  });

  afterAll(async () => {
    await m?.app.close();
  });

  it('refuses JSON nested 5,000 deep with a 400 problem, on every JSON body', async () => {
    for (const body of ['['.repeat(5000) + ']'.repeat(5000), '{"name":' + '['.repeat(5000) + ']'.repeat(5000) + '}']) {
      const res = await request(m.server).post('/api/v1/membership/members').set('authorization', `Bearer ${m.admin}`).set('content-type', 'application/json').send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.detail).toContain('64');
    }
  });

  it('refuses a NUL character in any text field, naming the field', async () => {
    const res = await m.enrol({ orgUnitId: union.id, name: '张\u0000三' });
    isProblem(res, 400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    const search = await m.call('GET', `/members?name=${encodeURIComponent('张\u0000')}`);
    isProblem(search, 400);
    expect(search.body.errors[0].field).toBe('name');
  });

  it('refuses to rename a unit to null (the DTO, not the event contract), and still renames it to a name', async () => {
    const res = await m.call('PATCH', `/org-units/${union.id}`, { name: null });
    isProblem(res, 400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    const renamed = await m.call('PATCH', `/org-units/${union.id}`, { name: `改名工会-${Date.now()}` });
    expect(renamed.status).toBe(200);
  });

  it('refuses a well-formed cursor with wrong contents on the lists, as on the rejected rows of a job', async () => {
    for (const cursor of [b64({ t: 'x', id: 'y' }), b64({ t: null, id: null }), b64({ t: '2026-02-31T00:00:00Z', id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9' })]) {
      for (const list of ['/members', '/org-units']) {
        const res = await m.call('GET', `${list}?cursor=${cursor}`);
        isProblem(res, 400);
        expect(res.body.errors[0].field).toBe('cursor');
      }
    }
    const job = await m.upload({ orgUnitId: union.id, file: { content: `姓名,身份证号,手机号\n坏号,110105194912310021,13800000003\n`, fileName: 'roster.csv' } });
    expect(job.status).toBe(202);
    for (const cursor of [b64({ line: 'x', field: 1 }), b64({ line: null, field: null }), b64({ line: 1e12, field: 'a' }), b64({ t: 'x', id: 'y' })]) {
      const res = await m.call('GET', `/jobs/${job.body.id}/rejected-rows?cursor=${cursor}`);
      isProblem(res, 400);
      expect(res.body.errors[0].field).toBe('cursor');
    }
  });

  it('answers a corrupt XLSX upload with a problem naming the file', async () => {
    for (const content of [Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(600, 0x41)]), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0xff, 0xff])]) {
      const res = await m.upload({ orgUnitId: union.id, file: { content, fileName: 'roster.xlsx' } });
      expect([400, 415, 422]).toContain(res.status);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    }
  });

  it('answers a multipart body cut short with a 400 problem, not a 500', async () => {
    const res = await request(m.server)
      .post('/api/v1/membership/collective-enrolments')
      .set('authorization', `Bearer ${m.admin}`)
      .set('content-type', 'multipart/form-data; boundary=cut')
      .send(Buffer.from('--cut\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK'));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
  });

  it('answers headers over the size limit (a 20,000-character cursor) and raw non-ASCII in the URL with problem+json, not an empty body', async () => {
    const server = m.app.getHttpServer() as http.Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const send = (path: string) =>
        new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
          http
            .request({ host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${m.admin}`, 'accept-language': 'en' } }, (res) => {
              let body = '';
              res.setEncoding('utf8');
              res.on('data', (c: string) => (body += c));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
            })
            .on('error', reject)
            .end();
        });
      const long = await send(`/api/v1/membership/members?cursor=${'A'.repeat(20_000)}`);
      expect(long.status).toBe(431);
      expect(long.type).toContain('application/problem+json');
      expect(JSON.parse(long.body)).toMatchObject({ status: 431, detail: expect.stringContaining('16 KB') });
      // Raw UTF-8 bytes in the query: Node's parser refuses them before any handler; the answer says why, in the caller's language.
      const rawChinese = await send(Buffer.from('/api/v1/membership/members?name=张三', 'utf8').toString('latin1'));
      expect(rawChinese.status).toBe(400);
      expect(rawChinese.type).toContain('application/problem+json');
      expect(JSON.parse(rawChinese.body)).toMatchObject({ status: 400, detail: expect.stringContaining('percent-encoded') });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
