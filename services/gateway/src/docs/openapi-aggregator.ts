import { Injectable } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createOpenApiDocument } from '@gonghui/service-kit';
import { RoutedService, serviceRoutesFromEnv } from '../proxy/service-routes';

type Doc = { paths?: Record<string, unknown>; components?: { schemas?: Record<string, unknown> }; tags?: { name: string }[] };

/**
 * One OpenAPI document for the whole API: the gateway's own routes plus each service's document,
 * fetched from the service and merged. Schema names are prefixed with the service's name so two
 * services' DTOs never collide. Cached briefly; a service that is down is listed as missing.
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
          for (const [path, item] of Object.entries(prefixed.paths ?? {})) if (path.startsWith('/api/v1/')) merged.paths[path] = item as never;
          for (const [name, schema] of Object.entries(prefixed.components?.schemas ?? {})) merged.components!.schemas![`${service}.${name}`] = schema as never;
          merged.tags = [...(merged.tags ?? []), ...((prefixed.tags ?? []) as never[])];
        } catch {
          missing.push(service);
        }
      }),
    );
    if (missing.length > 0) merged.info.description += `\n\nNot reachable just now, so not listed: ${missing.join(', ')}.`;
    this.cache = { at: Date.now(), doc: merged };
    return merged;
  }
}
