import { AddressInfo } from 'node:net';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp } from '@gonghui/service-kit';
import { testServiceConfig } from '@gonghui/testing';
import { aidService } from '../../aid/src/service';
import { mediationService } from '../../mediation/src/service';
import { membershipService } from '../../membership/src/service';
import { trainingService } from '../../training/src/service';
import { gatewayService } from '../src/service';
import { missingExamples, OpenApiDocument } from '../src/docs/openapi-examples';
import { duplicateOperationIds } from '../src/docs/operation-ids';

/**
 * The gateway's merged OpenAPI document, built from the real services in-process (listening, as
 * the gateway fetches their documents over HTTP): every 2xx answer with a body declares its schema,
 * and every property of every request body and 2xx JSON answer has an example, so that a typed
 * client can be generated and a reader sees realistic data for each.
 */
describe('gateway: an example for every request and response of the merged OpenAPI document', () => {
  let gateway: NestFastifyApplication;
  const services: NestFastifyApplication[] = [];
  const saved = { ...process.env };
  let doc: OpenApiDocument & { info: { description: string } };

  beforeAll(async () => {
    const all = { membership: membershipService, aid: aidService, training: trainingService, mediation: mediationService } as const;
    for (const [name, service] of Object.entries(all)) {
      const { app } = (await createServiceApp({ ...service(testServiceConfig(name as keyof typeof all)), logLevels: ['error'] })) as { app: NestFastifyApplication };
      services.push(app);
      await app.listen(0, '127.0.0.1');
      process.env[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    }
    ({ app: gateway } = (await createServiceApp({ ...gatewayService(testServiceConfig('gateway')), logLevels: ['error'] })) as { app: NestFastifyApplication });
    doc = (await request(gateway.getHttpServer()).get('/api/docs-json').expect(200)).body;
  });

  afterAll(async () => {
    await gateway?.close();
    for (const app of services) await app.close();
    process.env = saved;
  });

  it('holds every service’s operations', () => {
    expect(doc.info.description).not.toMatch(/Not reachable/);
    for (const prefix of ['/api/v1/auth/', '/api/v1/membership/', '/api/v1/aid/', '/api/v1/training/', '/api/v1/mediation/']) {
      expect(Object.keys(doc.paths).some((path) => path.startsWith(prefix))).toBe(true);
    }
  });

  it('gives every operation its own operationId, prefixed with its service (a generated client types each with its own answer)', () => {
    const paths = doc.paths as Record<string, Record<string, { operationId?: string }>>;
    expect(duplicateOperationIds(paths)).toEqual({});
    const idOf = (path: string) => paths[path]?.get?.operationId;
    expect(idOf('/api/v1/training/sessions')).toBe('training.SessionsController_list');
    expect(idOf('/api/v1/mediation/cases/{id}/sessions')).toBe('mediation.SessionsController_list');
    for (const [path, item] of Object.entries(paths)) {
      const service = /^\/api\/v1\/(membership|aid|training|mediation)\//.exec(path)?.[1] ?? 'gateway';
      for (const [method, operation] of Object.entries(item)) {
        if (['get', 'put', 'post', 'delete', 'patch'].includes(method)) expect(`${method} ${path} ${operation.operationId}`).toMatch(new RegExp(` ${service}\\.\\w+$`));
      }
    }
  });

  it('names no operation without a 2xx schema and no property without an example', () => {
    expect(missingExamples(doc)).toEqual([]);
  });
});
