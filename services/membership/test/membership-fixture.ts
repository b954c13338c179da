import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { syntheticNationalId } from '@gonghui/identifiers';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { HttpResult, testServiceConfig, tokenFor } from '@gonghui/testing';
import { membershipService } from '../src/service';

export interface Unit {
  id: string;
  path: string;
}

/** The membership service in-process (supertest on its HTTP server, no port) against the test database and Kafka, with helpers to build a tree and enrol. */
export async function startMembership() {
  const { app, runtime } = await createServiceApp({ ...membershipService(testServiceConfig('membership')), logLevels: ['error'] });
  const server = app.getHttpServer();
  const admin = tokenFor();
  let seq = 1_000_000 + Math.floor(Math.random() * 8_000_000);
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  let units = 0;

  /** JSON over supertest; a token of '' sends none. */
  const call = async (method: string, path: string, body?: unknown, token = admin, headers: Record<string, string> = {}): Promise<HttpResult> => {
    let req = request(server)[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](`/api/v1/membership${path}`);
    if (token) req = req.set('authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    const res = body === undefined ? await req : await req.send(body as object);
    const text = res.text;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: new Headers(res.headers as Record<string, string>), body: parsed };
  };

  /** A multipart roster upload as a browser sends it; fields and file are optional to test their absence. */
  const upload = async (form: { orgUnitId?: string; file?: { content: Buffer | string; fileName: string } }, token = admin) => {
    let req = request(server).post('/api/v1/membership/collective-enrolments').set('authorization', `Bearer ${token}`);
    if (form.orgUnitId !== undefined) req = req.field('orgUnitId', form.orgUnitId);
    if (form.file) req = req.attach('file', Buffer.from(form.file.content), form.file.fileName);
    const res = await req;
    return { status: res.status, location: (res.headers.location as string | undefined) ?? null, body: res.body as any };
  };

  /** The one root of the tree (市总工会), found or created. */
  const root = async (): Promise<Unit> => {
    const find = async () => ((await runtime.dataSource.query('SELECT id, path FROM org_units WHERE parent_id IS NULL')) as Unit[])[0];
    const existing = await find();
    if (existing) return existing;
    const res = await call('POST', '/org-units', { code: `ROOT-${tag}`, name: '测试市总工会', kind: 'federation' });
    if (res.status === 201) return res.body;
    const raced = res.status === 409 ? await find() : undefined;
    if (!raced) throw new Error(`creating the root answered ${res.status}: ${JSON.stringify(res.body)}`);
    return raced;
  };

  return {
    app: app as INestApplication,
    root,
    runtime: runtime as ServiceRuntime,
    server,
    admin,
    call,
    upload,
    nextNationalId: () => syntheticNationalId(seq++),
    /**
     * A unit under `parent`. The tree has one root, shared by every test: asking for a federation
     * without a parent gives that root (created by whichever test asks first). Names get this
     * run's tag, so that tests building under the same root never clash on sibling names.
     */
    async unit(kind: string, parent?: Unit, name = `测试${kind}`): Promise<Unit> {
      if (kind === 'federation' && !parent) return root();
      const res = await call('POST', '/org-units', { parentId: parent?.id, code: `T-${tag}-${units}`, name: `${name}-${tag}-${units++}`, kind });
      if (res.status !== 201) throw new Error(`creating a ${kind} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    },
    enrol(body: Record<string, unknown>, token = admin) {
      return call('POST', '/members', { name: '测试会员', nationalId: syntheticNationalId(seq++), mobile: '13800138000', employmentForm: 'regular', ...body }, token);
    },
  };
}
