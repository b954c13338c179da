import { randomUUID } from 'node:crypto';
import nodeHttp from 'node:http';
import { syntheticNationalId } from '@gonghui/identifiers';
import { RunningSystem } from '@gonghui/infra';
import { eventually, http } from '@gonghui/testing';
import { login, rootUnit, startE2ESystem } from './support/system';

/**
 * Bad input gets a 4xx problem, never a 5xx: every operation of the gateway's merged OpenAPI
 * document (so an endpoint added tomorrow is covered without anyone listing it) receives a bounded
 * set of malformed inputs, as the federation administrator and as a district officer: JSON nested
 * thousands deep, NUL characters, wrong types, nulls, arrays for objects, missing fields, huge
 * strings and numbers, bad cursors, bad path ids, raw (not percent-encoded) Chinese in the query,
 * corrupt uploads. No answer may be a 5xx, and every 4xx must be application/problem+json.
 */

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  minimum?: number;
  minLength?: number;
  minItems?: number;
  nullable?: boolean;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
interface Answer {
  status: number;
  contentType: string;
  body: string;
}
interface Probe {
  method: string;
  /** Path and query, as sent on the wire: may hold raw (latin1-encoded UTF-8) bytes on purpose. */
  target: string;
  what: string;
  body?: string | Buffer;
  contentType?: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const DEEP = 5_000;
const CONCURRENCY = 12;

/** The bytes of `text` as UTF-8, one latin1 character each: Node then sends them raw, unencoded. */
const raw = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const deepArray = '['.repeat(DEEP) + ']'.repeat(DEEP);

describe('fuzz: every operation of the OpenAPI document answers bad input with a 4xx problem', () => {
  let system: RunningSystem;
  let gw: string;
  const tokens: Record<'admin' | 'officer', string> = { admin: '', officer: '' };
  const tag = Date.now().toString(36);
  const agent = new nodeHttp.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let doc: { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>; components?: { schemas?: Record<string, Schema> } };
  /** Ids that exist, by the name of the field or parameter that takes them. */
  const known: Record<string, string> = {};

  const send = (probe: Probe, token: string): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { authorization: `Bearer ${token}`, 'accept-language': 'en' };
      if (probe.body !== undefined) {
        headers['content-type'] = probe.contentType ?? 'application/json';
        headers['content-length'] = Buffer.byteLength(probe.body);
      }
      const request = nodeHttp.request(`${gw}${probe.target.startsWith('/') ? '' : '/'}`, { method: probe.method, path: probe.target, headers, agent, timeout: 20_000 }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      });
      request.on('timeout', () => request.destroy(new Error('no answer within 20 s')));
      request.on('error', reject);
      request.end(probe.body);
    });

  const resolveSchema = (schema: Schema | undefined, depth = 0): Schema => {
    if (!schema || depth > 8) return {};
    if (schema.$ref) return resolveSchema(doc.components?.schemas?.[schema.$ref.split('/').pop()!], depth + 1);
    if (schema.allOf) {
      const parts = schema.allOf.map((s) => resolveSchema(s, depth + 1));
      return { type: 'object', properties: Object.assign({}, ...parts.map((p) => p.properties)), required: parts.flatMap((p) => p.required ?? []) };
    }
    return schema;
  };

  /** A plausible valid value, so that a mutation of one field gets past the others and reaches deeper code. */
  const sample = (name: string, schema: Schema | undefined, depth = 0): unknown => {
    const s = resolveSchema(schema);
    if (/password/i.test(name)) return `Fuzz-${tag}-wrong`; // never an account's real password
    if (/^username$/i.test(name)) return `fuzz-nobody-${tag}`; // never an account that a wrong password could lock
    if (s.enum?.length) return s.enum[0];
    if (s.example !== undefined) return s.example;
    if (s.format === 'uuid') return known[name] ?? randomUUID();
    if (s.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
    if (s.format === 'date') return '2026-12-01';
    if (s.type === 'integer' || s.type === 'number') return s.minimum ?? 1;
    if (s.type === 'boolean') return true;
    if (s.type === 'array') return depth > 4 ? [] : Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(name, s.items, depth + 1));
    if (s.type === 'object' || s.properties) {
      if (depth > 4) return {};
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(key) || resolveSchema(prop).example !== undefined) out[key] = sample(key, prop, depth + 1);
      }
      return out;
    }
    return 'x'.repeat(Math.max(1, s.minLength ?? 1));
  };

  /** Values that are wrong for a field of this schema, each with a name. */
  const wrongValues = (schema: Schema): [string, unknown][] => {
    const s = resolveSchema(schema);
    const type = s.type ?? (s.properties ? 'object' : 'string');
    const values: [string, unknown][] = [['null', null]];
    if (type === 'string') {
      values.push(['NUL', 'a\u0000b'], ['number for string', 12345], ['object for string', { a: 1 }], ['array for string', ['x']], ['huge string', 'x'.repeat(100_000)], ['unpaired surrogate', 'a\ud800b']);
    } else if (type === 'integer' || type === 'number') {
      values.push(['string for number', 'abc'], ['huge number', 1e20], ['negative', -1], ['fraction', 1.5], ['beyond int64', 1e300], ['array for number', [1]]);
    } else if (type === 'boolean') {
      values.push(['string for boolean', 'yes']);
    } else if (type === 'array') {
      values.push(['object for array', {}], ['string for array', 'x'], ['array of NUL strings', ['a\u0000']], ['array of nulls', [null]], ['huge array', Array.from({ length: 5_000 }, () => 'x')]);
    } else {
      values.push(['array for object', []], ['array of objects for object', [{}]], ['string for object', 'x'], ['empty object', {}]);
    }
    return values;
  };

  /** The malformed bodies for one JSON operation: whole-body shapes, then each field (and each field of nested objects) mutated on its own. */
  const bodyProbes = (method: string, target: string, schema: Schema): Probe[] => {
    const s = resolveSchema(schema);
    const base = sample('body', s) as Record<string, unknown>;
    const probes: Probe[] = [
      { method, target, what: `JSON nested ${DEEP} deep`, body: deepArray },
      { method, target, what: `object nested ${DEEP} deep`, body: '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP) },
      { method, target, what: 'malformed JSON', body: '{"a":' },
      { method, target, what: 'empty JSON body', body: '' },
      { method, target, what: 'array body', body: '[]' },
      { method, target, what: 'null body', body: 'null' },
      { method, target, what: 'string body', body: '"x"' },
      { method, target, what: 'NUL in an unknown key', body: JSON.stringify({ ...base, 'k\u0000': 1 }) },
      { method, target, what: '__proto__ key', body: `{"__proto__":{"admin":true}}` },
      { method, target, what: 'text/plain body', body: 'x', contentType: 'text/plain' },
    ];
    const fields = (obj: Schema, path: string[]): { path: string[]; schema: Schema; required: boolean }[] =>
      Object.entries(resolveSchema(obj).properties ?? {}).flatMap(([key, prop]) => {
        const p = resolveSchema(prop);
        const here = { path: [...path, key], schema: p, required: resolveSchema(obj).required?.includes(key) ?? false };
        if (path.length >= 2) return [here];
        if (p.properties) return [here, ...fields(p, [...path, key])];
        if (p.type === 'array' && resolveSchema(p.items).properties) return [here, ...fields(resolveSchema(p.items), [...path, key, '0'])];
        return [here];
      });
    const withValue = (path: string[], value: unknown): unknown => {
      const copy = structuredClone(base) as Record<string, unknown>;
      let at: Record<string, unknown> = copy;
      for (const key of path.slice(0, -1)) {
        if (typeof at[key] !== 'object' || at[key] === null) at[key] = /^\d+$/.test(path[path.indexOf(key) + 1] ?? '') ? [{}] : {};
        at = at[key] as Record<string, unknown>;
      }
      if (value === undefined) delete at[path[path.length - 1]];
      else at[path[path.length - 1]] = value;
      return copy;
    };
    for (const field of fields(s, [])) {
      const name = field.path.join('.');
      if (field.required) probes.push({ method, target, what: `${name} missing`, body: JSON.stringify(withValue(field.path, undefined)) });
      for (const [label, value] of wrongValues(field.schema)) probes.push({ method, target, what: `${name}: ${label}`, body: JSON.stringify(withValue(field.path, value)) });
      probes.push({ method, target, what: `${name}: JSON nested ${DEEP} deep`, body: JSON.stringify(withValue(field.path, '\u0001deep')).replace('"\\u0001deep"', deepArray) });
    }
    return probes;
  };

  const multipartProbes = (method: string, target: string): Probe[] => {
    const boundary = `fuzz${tag}`;
    const form = (parts: { name: string; value: string | Buffer; fileName?: string }[]) =>
      Buffer.concat([
        ...parts.flatMap((p) => [
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.fileName !== undefined ? `; filename="${p.fileName}"\r\nContent-Type: application/octet-stream` : ''}\r\n\r\n`, 'latin1'),
          typeof p.value === 'string' ? Buffer.from(p.value) : p.value,
          Buffer.from('\r\n'),
        ]),
        Buffer.from(`--${boundary}--\r\n`),
      ]);
    const unit = known.orgUnitId ?? randomUUID();
    const corruptXlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(600, 0x41)]);
    const truncatedZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), Buffer.alloc(64, 0xff)]);
    const contentType = `multipart/form-data; boundary=${boundary}`;
    const cases: [string, { name: string; value: string | Buffer; fileName?: string }[]][] = [
      ['corrupt XLSX', [{ name: 'orgUnitId', value: unit }, { name: 'file', value: corruptXlsx, fileName: 'roster.xlsx' }]],
      ['truncated zip as XLSX', [{ name: 'orgUnitId', value: unit }, { name: 'file', value: truncatedZip, fileName: 'roster.xlsx' }]],
      ['binary as CSV', [{ name: 'orgUnitId', value: unit }, { name: 'file', value: Buffer.from([0, 1, 2, 0xff, 0xfe]), fileName: 'roster.csv' }]],
      ['CSV with NUL in cells', [{ name: 'orgUnitId', value: unit }, { name: 'file', value: Buffer.from('姓名,身份证号,手机号\na\u0000b,1,2\n'), fileName: 'roster.csv' }]],
      ['NUL in orgUnitId', [{ name: 'orgUnitId', value: 'a\u0000b' }, { name: 'file', value: Buffer.from('姓名,身份证号,手机号\n'), fileName: 'roster.csv' }]],
      ['NUL in the file name', [{ name: 'orgUnitId', value: unit }, { name: 'file', value: Buffer.from('姓名,身份证号,手机号\n张伟,11010519491231002X,13800138000\n'), fileName: 'roster\u0000.csv' }]],
      ['no file', [{ name: 'orgUnitId', value: unit }]],
      ['empty form', []],
    ];
    return [
      ...cases.map(([what, parts]) => ({ method, target, what, body: form(parts), contentType })),
      { method, target, what: 'JSON instead of a form', body: '{}' },
      { method, target, what: 'truncated multipart', body: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK`), contentType },
    ];
  };

  const queryProbes = (method: string, path: string, params: Parameter[]): Probe[] => {
    const probes: Probe[] = [
      { method, target: `${path}?zzz=1`, what: 'unknown query parameter' },
      { method, target: `${path}?${raw('名字=张三')}`, what: 'raw Chinese query' },
    ];
    for (const p of params) {
      const s = resolveSchema(p.schema);
      const values: [string, string][] = [
        ['NUL', 'a%00b'],
        ['raw Chinese', raw('张三')],
        ['huge', 'x'.repeat(6_000)],
        ['repeated', `a&${p.name}=b`],
        ['empty', ''],
      ];
      if (s.type === 'integer' || s.type === 'number') values.push(['not a number', 'abc'], ['huge number', '1e99'], ['negative', '-1'], ['beyond int32', '99999999999']);
      if (s.format === 'uuid') values.push(['not a uuid', 'not-a-uuid']);
      if (p.name === 'cursor') {
        values.push(
          ['cursor {t:"x",id:"y"}', b64({ t: 'x', id: 'y' })],
          ['cursor {t:null,id:null}', b64({ t: null, id: null })],
          ['cursor of a valid-looking position with year 0', b64({ t: '0000-01-01T00:00:00.000Z', id: randomUUID() })],
          ['cursor {line:"x",field:1}', b64({ line: 'x', field: 1 })],
          ['cursor {line:1e12,field:"a\\u0000"}', b64({ line: 1e12, field: 'a\u0000' })],
          ['cursor []', b64([])],
          ['cursor not base64', 'not-a-cursor!'],
          ['cursor 20,000 characters', 'A'.repeat(20_000)],
        );
      }
      for (const [label, value] of values) probes.push({ method, target: `${path}?${p.name}=${value}`, what: `query ${p.name}: ${label}` });
    }
    return probes;
  };

  beforeAll(async () => {
    ({ system, gw } = await startE2ESystem());
    const admin = await login(gw);
    expect(admin.status).toBe(200);
    tokens.admin = admin.body.accessToken;
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await http(method, `${gw}${path}`, { token: tokens.admin, body });
      if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    };

    // A small tree to work in, under whatever root the system already has.
    const root = await rootUnit(gw, tokens.admin, `FUZZ-${tag}`);
    const district = await api('POST', '/api/v1/membership/org-units', { parentId: root.id, code: `FUZZ-${tag}-D`, name: '模糊测试区总工会', kind: 'district' });
    const union = await api('POST', '/api/v1/membership/org-units', { parentId: district.id, code: `FUZZ-${tag}-U`, name: '模糊测试快递员工会', kind: 'industry' });
    const member = await api('POST', '/api/v1/membership/members', {
      name: '周敏',
      nationalId: syntheticNationalId(5_000_000 + Math.floor(Math.random() * 1_000_000)),
      mobile: '13912345678',
      orgUnitId: union.id,
      employmentForm: 'gig-courier',
    });
    Object.assign(known, { orgUnitId: union.id, parentId: district.id, newParentId: district.id, memberId: member.id });

    const password = `Fuzz-${tag}-officer-pw`;
    for (const username of [`fuzz-officer-${tag}`, `fuzz-victim-${tag}`]) {
      const user = await eventually(async () => {
        const res = await http('POST', `${gw}/api/v1/auth/users`, {
          token: tokens.admin,
          body: { username, displayName: '模糊测试专员', password, roles: ['membership-officer', 'aid-officer', 'training-officer', 'mediator'], orgUnitId: district.id },
        });
        expect(res.status).toBe(201); // once the gateway has learned of the unit from membership's event
        return res.body;
      });
      known[username.startsWith('fuzz-victim') ? 'userId' : 'officerId'] = user.id;
    }
    const officer = await login(gw, { username: `fuzz-officer-${tag}`, password });
    expect(officer.status).toBe(200);
    tokens.officer = officer.body.accessToken;

    const docs = await http('GET', `${gw}/api/docs-json`);
    expect(docs.status).toBe(200);
    doc = docs.body;
  });

  afterAll(async () => {
    agent.destroy();
    await system?.stop();
  });

  /** An id that exists for a path parameter, found from the list one level up (users: a throwaway user, never the admin). */
  const existingIds = new Map<string, string | null>();
  const existingId = async (template: string, param: string): Promise<string | null> => {
    const prefix = template.slice(0, template.indexOf(`{${param}}`)).replace(/\/$/, '');
    if (prefix.startsWith('/api/v1/auth/users')) return known.userId;
    if (prefix.includes('{')) return null;
    if (!existingIds.has(prefix)) {
      let id: string | null = null;
      if (doc.paths[prefix]?.get) {
        const res = await http('GET', `${gw}${prefix}?limit=1`, { token: tokens.admin });
        id = res.status === 200 && typeof res.body?.items?.[0]?.id === 'string' ? res.body.items[0].id : null;
      }
      existingIds.set(prefix, id);
    }
    return existingIds.get(prefix) ?? null;
  };

  it('answers no malformed request to any operation with a 5xx, and every 4xx with application/problem+json', async () => {
    const started = Date.now();
    const probes: Probe[] = [];
    const operations: string[] = [];
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        operations.push(`${method.toUpperCase()} ${template}`);
        const M = method.toUpperCase();
        const params = op.parameters ?? [];
        const pathParams = params.filter((p) => p.in === 'path');
        const queryParams = params.filter((p) => p.in === 'query');

        // Path parameters: each bad in turn, the others real where an id exists.
        const real: Record<string, string> = {};
        for (const p of pathParams) real[p.name] = (await existingId(template, p.name)) ?? randomUUID();
        const fill = (values: Record<string, string>) => template.replace(/\{([^}]+)\}/g, (_, name: string) => values[name]);
        for (const p of pathParams) {
          for (const [label, value] of [
            ['not a uuid', 'not-a-uuid'],
            ['NUL', 'a%00b'],
            ['huge', 'x'.repeat(3_000)],
            ['Chinese', encodeURIComponent('张三')],
            ['raw Chinese', raw('张三')],
            ['broken percent-encoding', '%E4%B8'],
            ['invalid percent-encoding', '%zz'],
            ['unknown uuid', randomUUID()],
            ['nil uuid', '00000000-0000-0000-0000-000000000000'],
          ]) {
            probes.push({ method: M, target: fill({ ...real, [p.name]: value }), what: `path ${p.name}: ${label}`, ...(M === 'GET' || M === 'DELETE' ? {} : { body: '{}' }) });
          }
        }
        const target = fill(real);
        // Actions without a body are left alone with real ids (deactivating the unit the officer works in proves nothing).
        if (queryParams.length > 0 || M === 'GET') probes.push(...queryProbes(M, target, queryParams));
        const content = op.requestBody?.content ?? {};
        if (content['application/json']) probes.push(...bodyProbes(M, target, content['application/json'].schema ?? {}));
        if (content['multipart/form-data']) probes.push(...multipartProbes(M, target));
      }
    }
    expect(operations.length).toBeGreaterThan(30);
    expect(operations).toEqual(expect.arrayContaining(['POST /api/v1/auth/token', 'POST /api/v1/aid/hardship-files', 'PATCH /api/v1/membership/org-units/{id}']));

    // Logging out (or revoking) would end the fuzzing users' sessions: those operations go last.
    const last = (p: Probe) => (/logout|revoke/.test(p.target) ? 1 : 0);
    const queue = [...probes.flatMap((p) => [{ probe: p, as: 'admin' as const }, { probe: p, as: 'officer' as const }])].sort((a, b) => last(a.probe) - last(b.probe));
    const failures: string[] = [];
    let answered = 0;
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { probe, as } = next;
        const where = `${probe.method} ${probe.target.length > 120 ? `${probe.target.slice(0, 120)}…` : probe.target} [${probe.what}] as ${as}`;
        try {
          let answer = await send(probe, tokens[as]);
          // A 503 is the service saying it is overloaded right now (no free database connection on
          // a machine shared with a browser suite): a client tries again, so the fuzzer does too.
          // A 503 that persists, and any other 5xx, is a failure.
          for (let retry = 1; answer.status === 503 && retry <= 3; retry++) {
            await new Promise((r) => setTimeout(r, retry * 1_000));
            answer = await send(probe, tokens[as]);
          }
          answered++;
          if (answer.status >= 500) failures.push(`${where}: ${answer.status} ${answer.body.slice(0, 300)}`);
          else if (answer.status >= 400 && !answer.contentType.startsWith('application/problem+json')) {
            failures.push(`${where}: ${answer.status} with ${answer.contentType || 'no content type'} ${JSON.stringify(answer.body.slice(0, 200))}`);
          }
        } catch (error) {
          failures.push(`${where}: no answer (${(error as Error).message})`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    console.log(`fuzz: ${probes.length * 2} requests to ${operations.length} operations in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(answered).toBe(probes.length * 2);
    // Some 130 operations and thousands of requests on a shared two-core machine: longer than the default 3 minutes.
  }, 900_000);

  it('refuses the malformed inputs of the report with the expected 4xx', async () => {
    const deep = await send({ method: 'POST', target: '/api/v1/auth/token', what: 'deep', body: deepArray }, tokens.admin);
    expect(deep.status).toBe(400);
    expect(deep.contentType).toContain('application/problem+json');
    const nulLogin = await http('POST', `${gw}/api/v1/auth/token`, { body: { username: 'ad\u0000min', password: 'x' } });
    expect(nulLogin.status).toBe(400);
    expect(nulLogin.body.errors).toEqual([expect.objectContaining({ field: 'username' })]);

    for (const cursor of [b64({ t: 'x', id: 'y' }), b64({ t: null, id: null })]) {
      const res = await http('GET', `${gw}/api/v1/membership/members?cursor=${cursor}`, { token: tokens.admin });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    }
    const longCursor = await send({ method: 'GET', target: `/api/v1/membership/members?cursor=${'A'.repeat(20_000)}`, what: 'long cursor' }, tokens.admin);
    expect(longCursor.status).toBe(431);
    expect(longCursor.contentType).toContain('application/problem+json');
    expect(JSON.parse(longCursor.body)).toMatchObject({ status: 431, title: expect.any(String), detail: expect.any(String) });

    for (const visit of [undefined, []]) {
      const res = await http('POST', `${gw}/api/v1/aid/hardship-files`, { token: tokens.admin, body: { memberId: known.memberId, cause: 'illness', visit } });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('visit');
    }
    const renamed = await http('PATCH', `${gw}/api/v1/membership/org-units/${known.orgUnitId}`, { token: tokens.admin, body: { name: null } });
    expect(renamed.status).toBe(400);
    expect(renamed.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);

    // Raw (not percent-encoded) Chinese in the query: refused by Node's HTTP parser at the gateway, with a problem that says how to send it.
    const rawQuery = await send({ method: 'GET', target: `/api/v1/membership/members?${raw('name=周敏')}`, what: 'raw Chinese' }, tokens.admin);
    expect(rawQuery.status).toBe(400);
    expect(rawQuery.contentType).toContain('application/problem+json');
    expect(JSON.parse(rawQuery.body).detail).toContain('percent-encoded');
    const encoded = await http('GET', `${gw}/api/v1/membership/members?name=${encodeURIComponent('周敏')}`, { token: tokens.admin });
    expect(encoded.body.items.map((m: { id: string }) => m.id)).toContain(known.memberId);
  });
});
