import { Injectable } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createOpenApiDocument, documentProblems } from '@gonghui/service-kit';
import { RoutedService, ROUTED_SERVICES, serviceRoutesFromEnv } from '../proxy/service-routes';
import { prefixOperationIds } from './operation-ids';

type Doc = { paths?: Record<string, unknown>; components?: { schemas?: Record<string, unknown> }; tags?: { name: string }[] };

/**
 * One OpenAPI document for the whole API: the gateway's own routes plus each service's document,
 * fetched from the service and merged. Schema names are prefixed with the service's name so two
 * services' DTOs never collide, and so are operationIds (`mediation.SessionsController_list`; the gateway's own
 * `gateway.…`). Cached briefly; a service that is down is listed as missing.
 */
@Injectable()
export class OpenApiAggregator {
  private app: NestFastifyApplication | null = null;
  private cache: { at: number; doc: OpenAPIObject } | null = null;
  private readonly routes = serviceRoutesFromEnv();

  attach(app: NestFastifyApplication): void {
    this.app = app;
  }

  async document(): Promise<OpenAPIObject> {
    if (this.cache && Date.now() - this.cache.at < 10_000) return this.cache.doc;
    if (!this.app) throw new Error('OpenApiAggregator not attached');
    const merged = createOpenApiDocument(this.app, {
      title: 'Gonghui API (工会平台接口)',
      description:
        'Every endpoint of the Gonghui services, reached through the gateway. Authenticate with POST /api/v1/auth/token and send ' +
        '`Authorization: Bearer <token>`. Errors are application/problem+json (RFC 9457) with errors[] per field; lists take ?limit= and ?cursor=. ' +
        'Events: GET /api/v1/events/asyncapi.',
    });
    prefixOperationIds(merged.paths, 'gateway');
    merged.components = merged.components ?? {};
    merged.components.schemas = merged.components.schemas ?? {};
    const missing: string[] = [];
    await Promise.all(
      (Object.entries(this.routes) as [RoutedService, string][]).map(async ([service, url]) => {
        try {
          const response = await fetch(`${url}/api/docs-json`, { signal: AbortSignal.timeout(3000) });
          if (!response.ok) throw new Error(String(response.status));
          const prefixed = JSON.parse(
            (await response.text()).replace(/"#\/components\/schemas\/([^"]+)"/g, (_m, name: string) => `"#/components/schemas/${service}.${name}"`),
          ) as Doc;
          prefixOperationIds((prefixed.paths ?? {}) as never, service);
          for (const [path, item] of Object.entries(prefixed.paths ?? {})) if (path.startsWith('/api/v1/')) merged.paths[path] = item as never;
          for (const [name, schema] of Object.entries(prefixed.components?.schemas ?? {})) {
            // One Problem schema for the whole API (documentProblems below points every error response at it).
            if (name !== 'Problem') merged.components!.schemas![`${service}.${name}`] = schema as never;
          }
          merged.tags = [...(merged.tags ?? []), ...((prefixed.tags ?? []) as never[])];
        } catch {
          missing.push(service);
        }
      }),
    );
    documentIdempotencyKey(merged);
    documentProblems(merged);
    if (missing.length > 0) merged.info.description += `\n\nNot reachable just now, so not listed: ${missing.join(', ')}.`;
    this.cache = { at: Date.now(), doc: merged };
    return merged;
  }
}

/**
 * The gateway makes every proxied POST and PATCH idempotent under an `Idempotency-Key` header
 * (services/gateway/src/idempotency): one parameter, referenced by each of those operations.
 */
function documentIdempotencyKey(doc: OpenAPIObject): void {
  doc.components = doc.components ?? {};
  doc.components.parameters = {
    ...doc.components.parameters,
    IdempotencyKey: {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Makes the write safe to repeat (幂等键). A repeat with the same key by the same user within 24 hours is not sent to the service again: ' +
        'it answers the first response (status and body) with `Idempotent-Replayed: true`. The same key with another method, path or body is ' +
        '422 `idempotency-key-reused`; a repeat while the first is still in progress is 409 `idempotency-key-in-flight` (retry shortly). ' +
        'A 5xx answer is not kept, so a retry with the key goes through. 1–200 printable ASCII characters, e.g. a UUID; otherwise 400.',
      schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x20-\\x7E]+$' },
      example: '5f0c7e2a-8d1b-4c3e-9a6f-2b7d4e1c0a93',
    },
  };
  const proxied = ROUTED_SERVICES.map((service) => `/api/v1/${service}/`);
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!proxied.some((prefix) => path.startsWith(prefix))) continue;
    for (const operation of [item.post, item.patch]) {
      if (!operation) continue;
      const parameters = operation.parameters ?? [];
      if (!parameters.some((p) => '$ref' in p && p.$ref === '#/components/parameters/IdempotencyKey')) {
        operation.parameters = [...parameters, { $ref: '#/components/parameters/IdempotencyKey' }];
      }
    }
  }
}
