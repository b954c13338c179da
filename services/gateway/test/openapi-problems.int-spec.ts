import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServiceApp } from '@gonghui/service-kit';
import { testServiceConfig } from '@gonghui/testing';
import { gatewayService } from '../src/service';

/**
 * The merged OpenAPI document has one Problem schema, and every error response of every
 * operation (the gateway's own and each service's) is an application/problem+json body
 * referencing it. A service is stood for by a small HTTP server serving its document.
 */
describe('gateway: error responses of the merged OpenAPI document', () => {
  let app: NestFastifyApplication;
  let aid: http.Server;
  const saved = { ...process.env };

  beforeAll(async () => {
    aid = http.createServer((req, res) => {
      if (req.url === '/api/docs-json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            paths: {
              '/api/v1/aid/hardship-files': {
                post: {
                  responses: {
                    201: { description: 'opened', content: { 'application/json': { schema: { $ref: '#/components/schemas/FileView' } } } },
                    400: {
                      description: 'invalid',
                      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
                    },
                    422: { description: 'unknown member' },
                  },
                },
              },
            },
            components: { schemas: { FileView: { type: 'object' }, Problem: { type: 'object' } } },
          }),
        );
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => aid.listen(0, '127.0.0.1', resolve));
    process.env.AID_URL = `http://127.0.0.1:${(aid.address() as AddressInfo).port}`;
    for (const name of ['MEMBERSHIP', 'TRAINING', 'MEDIATION']) process.env[`${name}_URL`] = 'http://127.0.0.1:1';
    ({ app } = await createServiceApp({ ...gatewayService(testServiceConfig('gateway')), logLevels: ['error'] }));
  });

  afterAll(async () => {
    await app?.close();
    aid?.closeAllConnections();
    await new Promise((r) => aid?.close(r));
    process.env = saved;
  });

  it('points every 4xx/5xx response at the one Problem schema, the gateway’s and the services’', async () => {
    const doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(Object.keys(doc.components.schemas.Problem.properties ?? {})).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'errors', 'instance', 'requestId']),
    );
    expect(doc.components.schemas).not.toHaveProperty(['aid.Problem']);
    const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
    const aidResponses = doc.paths['/api/v1/aid/hardship-files'].post.responses!;
    expect(aidResponses['400'].content).toEqual(problem);
    expect(aidResponses['422'].content).toEqual(problem);
    expect(aidResponses['201'].content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/aid.FileView' } } });
    let errors = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [code, response] of Object.entries(operation.responses ?? {})) {
          if (!/^[45]/.test(code)) continue;
          errors++;
          expect([path, method, code, response.content]).toEqual([path, method, code, problem]);
        }
      }
    }
    expect(errors).toBeGreaterThan(10);
  });
});
