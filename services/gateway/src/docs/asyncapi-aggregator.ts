import { Inject, Injectable } from '@nestjs/common';
import { buildAsyncApiDocument, EventSubscriptionDeclaration } from '@gonghui/contracts';
import { ServiceRuntime } from '@gonghui/service-kit';
import { RoutedService, serviceRoutesFromEnv } from '../proxy/service-routes';

/**
 * The event catalogue: the contracts' send side, plus the receive side as the running system
 * declares it: the gateway's own handlers and each service's, fetched from its
 * `GET /api/events/subscriptions` (as the OpenAPI aggregator fetches each service's document).
 * A service that cannot be reached is left out, and named in the description. Cached briefly.
 */
@Injectable()
export class AsyncApiAggregator {
  private cache: { at: number; doc: Record<string, unknown> } | null = null;
  private readonly routes = serviceRoutesFromEnv();

  constructor(@Inject(ServiceRuntime) private readonly runtime: ServiceRuntime) {}

  async document(): Promise<Record<string, unknown>> {
    if (this.cache && Date.now() - this.cache.at < 10_000) return this.cache.doc;
    const subscriptions: EventSubscriptionDeclaration[] = [...this.runtime.transport.declarations()];
    const missing: string[] = [];
    await Promise.all(
      (Object.entries(this.routes) as [RoutedService, string][]).map(async ([service, url]) => {
        try {
          const response = await fetch(`${url}/api/events/subscriptions`, { signal: AbortSignal.timeout(3000) });
          if (!response.ok) throw new Error(String(response.status));
          const declared = (await response.json()) as unknown;
          if (!Array.isArray(declared)) throw new Error('not a list');
          subscriptions.push(...declared.filter(isDeclaration));
        } catch {
          missing.push(service);
        }
      }),
    );
    const doc = buildAsyncApiDocument({ kafkaBrokers: process.env.KAFKA_PUBLIC_BROKERS ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092', subscriptions });
    if (missing.length > 0) {
      const info = doc.info as { description: string };
      info.description += `\n\nConsumers of these services are not listed (not reachable just now): ${missing.sort().join(', ')}.`;
    }
    this.cache = { at: Date.now(), doc };
    return doc;
  }
}

function isDeclaration(value: unknown): value is EventSubscriptionDeclaration {
  const d = value as Partial<EventSubscriptionDeclaration> | null;
  return typeof d?.consumerGroup === 'string' && typeof d.eventType === 'string' && typeof d.topic === 'string';
}
