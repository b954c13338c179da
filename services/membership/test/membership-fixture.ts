import { INestApplication } from '@nestjs/common';
import { syntheticNationalId } from '@gonghui/identifiers';
import { createServiceApp, ServiceRuntime } from '@gonghui/service-kit';
import { http, testServiceConfig, tokenFor } from '@gonghui/testing';
import { membershipService } from '../src/service';

export interface Unit {
  id: string;
  path: string;
}

/** The membership service in-process against the test database and Kafka, with helpers to build a tree and enrol. */
export async function startMembership() {
  const { app, runtime } = await createServiceApp({ ...membershipService(testServiceConfig('membership')), logLevels: ['error'] });
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  const admin = tokenFor();
  let seq = 1_000_000 + Math.floor(Math.random() * 8_000_000);
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  let units = 0;

  const call = (method: string, path: string, body?: unknown, token = admin) => http(method, `${base}/api/v1/membership${path}`, { token, body });
  return {
    app: app as INestApplication,
    runtime: runtime as ServiceRuntime,
    base,
    admin,
    call,
    nextNationalId: () => syntheticNationalId(seq++),
    async unit(kind: string, parent?: Unit, name = `测试${kind}`): Promise<Unit> {
      const res = await call('POST', '/org-units', { parentId: parent?.id, code: `T-${tag}-${units++}`, name, kind });
      if (res.status !== 201) throw new Error(`creating a ${kind} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    },
    enrol(body: Record<string, unknown>, token = admin) {
      return call('POST', '/members', { name: '测试会员', nationalId: syntheticNationalId(seq++), mobile: '13800138000', employmentForm: 'regular', ...body }, token);
    },
  };
}
